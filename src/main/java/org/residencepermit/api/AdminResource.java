package org.residencepermit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.cases.ValidationReport;
import org.residencepermit.config.RuleReloads;
import org.residencepermit.engine.DecisionEngine;

import java.nio.file.Files;

/**
 * Rule administration for analysts (API key required, see {@link ApiKeyFilter}). Reload compiles the rules directory,
 * runs every case against it and swaps it in atomically only if all pass; otherwise the old rules keep serving and the
 * errors come back as problem+json.
 */
@Path("/api/v1/admin/rules")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    DecisionEngine engine;

    @Inject
    RuleSetValidator validator;

    @Inject
    RuleReloads reloads;

    @POST
    @Path("/reload")
    public Response reload() {
        ValidationReport report = reloads.reload();
        return report.valid() ? Response.ok(report).build() : rejected(report, "Rules rejected; previous rules keep serving");
    }

    /** Compiles and tests a candidate directory (default: the configured one) without swapping it in. */
    @POST
    @Path("/validate")
    public Response validate(@QueryParam("dir") String dir) {
        java.nio.file.Path candidate = dir == null || dir.isBlank() ? engine.rulesDirectory() : java.nio.file.Path.of(dir);
        if (!Files.isDirectory(candidate)) {
            return Problem.response(400, "Invalid rules directory", "no such directory: " + candidate, "dir", null);
        }
        ValidationReport report = validator.validate(candidate).report();
        return report.valid() ? Response.ok(report).build() : rejected(report, "Rules invalid");
    }

    private static Response rejected(ValidationReport report, String title) {
        String detail = !report.compileErrors().isEmpty()
                ? report.compileErrors().size() + " compile error(s)"
                : report.failedCases().size() + " of " + report.casesRun() + " case(s) failed";
        return Problem.response(422, title, detail, null,
                report.compileErrors().isEmpty() ? report.failedCases() : report.compileErrors());
    }
}
