package org.residencepermit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.cases.ValidationReport;
import org.residencepermit.engine.CompileError;
import org.residencepermit.engine.PackageOrigin;

import java.util.List;
import java.util.Map;

/**
 * The service's reload (admin endpoint and rules watcher): {@link RuleSetValidator#reload()}, then, unless
 * {@code decision.rules.gc-after-reload=false}, one full garbage collection.
 * <p>
 * A reload allocates in a burst (packages, KieBases, the cases' decisions) while two rule bases are alive. Left to
 * itself the collector keeps that memory: G1 grew the heap and never shrank it under load, the serial collector lets
 * the garbage fill its old generation, whose pages then stay resident. Measured in the first 20 s of load after
 * reloads (bench/RESULTS.md): ~340 MB instead of ~270 MB with G1 (session 9), 349 MB instead of 238-243 MB with the
 * serial collector the image uses (session 13). A full collection right after the swap frees the old rule base at
 * once; it pauses the service for 45-75 ms, at a moment when requests already waited for KieBase builds.
 * <p>
 * Every reload is logged, accepted or rejected: the log is the service's record of which rules decided when.
 */
@ApplicationScoped
public class RuleReloads {
    private static final Logger LOG = Logger.getLogger(RuleReloads.class);
    private final RuleSetValidator validator;
    private final Runnable collectGarbage;

    @Inject
    RuleReloads(RuleSetValidator validator, DecisionConfig config) {
        this(validator, config.rules().gcAfterReload() ? System::gc : () -> { });
    }

    RuleReloads(RuleSetValidator validator, Runnable collectGarbage) {
        this.validator = validator;
        this.collectGarbage = collectGarbage;
    }

    public ValidationReport reload() {
        long start = System.nanoTime();
        ValidationReport report;
        try {
            report = validator.reload();
        } finally {
            // A rejected candidate grew the heap as much as an accepted one.
            collectGarbage.run();
        }
        String message = describe(report, (System.nanoTime() - start) / 1_000_000);
        if (report.valid()) {
            LOG.info(message);
        } else {
            LOG.warn(message);
        }
        return report;
    }

    /** One line for the log: what the reload put in service, or why it refused the rules, and the first reason. */
    static String describe(ValidationReport report, long millis) {
        if (!report.valid()) {
            String first = "";
            if (!report.compileErrors().isEmpty()) {
                CompileError error = report.compileErrors().get(0);
                first = "; first: " + error.file() + ":" + error.line() + ": " + error.message();
            } else if (!report.failedCases().isEmpty()) {
                ValidationReport.CaseFailure failure = report.failedCases().get(0);
                first = "; first: case '" + failure.name() + "' (" + failure.file() + ")";
            }
            return ("Rules rejected after %d ms, the previous rules keep serving (compile errors: %d, "
                    + "failed cases: %d)%s").formatted(millis, report.compileErrors().size(),
                    report.failedCases().size(), first);
        }
        String cases = report.casesRunBy() == null ? "no cases"
                : report.casesRun() + " cases passed (run by " + report.casesRunBy() + ")";
        List<String> compiled = report.packageOrigins().entrySet().stream()
                .filter(origin -> origin.getValue() == PackageOrigin.COMPILED).map(Map.Entry::getKey).toList();
        String hint = compiled.isEmpty() ? "" : ". The service compiled " + compiled + " itself: running the validate "
                + "command before a reload makes reloads faster and keeps the DRL compiler out of memory";
        return "Rules reloaded in %d ms: ruleset %s, packages %s, %s%s".formatted(millis, report.rulesetVersion(),
                report.packageOrigins(), cases, hint);
    }
}
