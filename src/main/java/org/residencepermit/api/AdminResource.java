package org.residencepermit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.cases.ValidationReport;
import org.residencepermit.config.RuleReloads;
import org.residencepermit.engine.DecisionEngine;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;

/**
 * Rule administration for analysts (API key required, see {@link ApiKeyFilter}). Reload compiles the rules directory,
 * runs every case against it and swaps it in atomically only if all pass; otherwise the old rules keep serving and the
 * errors come back as problem+json.
 */
@Path("/api/v1/admin/rules")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "adminKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = ApiKeyFilter.HEADER, description = "decision.admin.api-key; without it the admin API answers 403")
@SecurityRequirement(name = "adminKey")
@APIResponse(responseCode = "401", description = "Missing or wrong X-API-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "400", description = "A query parameter the resource does not take (reload takes none, "
        + "validate only dir), given twice, or a matrix parameter; `field` names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "406", description = "Accept excludes application/json",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "No admin key is configured: rule administration is disabled",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminResource {
    private static final String REJECTED = "Compile errors (`errors`: file, line, message) or failed cases "
            + "(`errors`: name, file, the fields that differed)";

    @Inject
    DecisionEngine engine;

    @Inject
    RuleSetValidator validator;

    @Inject
    RuleReloads reloads;

    @POST
    @Path("/reload")
    @Operation(summary = "Reload the rules directory in service",
            description = "Loads the rules directory, runs every case against it and swaps it in atomically only if "
                    + "all pass; otherwise the previous rules keep serving.")
    @APIResponse(responseCode = "200", description = "The new rules are in service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationReport.class)))
    @APIResponse(responseCode = "422", description = REJECTED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reload() {
        ValidationReport report = reloads.reload();
        return report.valid() ? Response.ok(report).build() : rejected(report, "Rules rejected; previous rules keep serving");
    }

    /** Compiles and tests a candidate directory (default: the configured one) without swapping it in. */
    @POST
    @Path("/validate")
    @Operation(summary = "Validate a rules directory without putting it in service")
    @APIResponse(responseCode = "200", description = "It compiles and every case passes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ValidationReport.class)))
    @APIResponse(responseCode = "400", description = "`dir` is not a directory, is given twice, or another query "
            + "parameter is given; `field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = REJECTED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response validate(@Parameter(description = "A rules directory on the server (default: the one in service)")
                             @QueryParam("dir") String dir) {
        boolean given = dir != null && !dir.isBlank();
        java.nio.file.Path candidate;
        try {
            candidate = given ? java.nio.file.Path.of(dir) : engine.rulesDirectory();
        } catch (InvalidPathException e) {
            return Problem.response(400, "Invalid rules directory", "not a path: " + e.getReason(), "dir", null);
        }
        if (!Files.isDirectory(candidate) && given) {
            return Problem.response(400, "Invalid rules directory", "no such directory: " + candidate, "dir", null);
        }
        if (!Files.isDirectory(candidate)) {
            // The request named no directory: the service's own configuration is at fault.
            return Problem.response(500, "Rules directory missing", "the configured rules directory does not exist",
                    null, null);
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
