package org.residencepermit.cases;

import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.engine.RuleCompilationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a candidate rules directory and runs all of its cases against it, without putting it in service; reload
 * swaps the candidate in only when this finds nothing wrong.
 */
public final class RuleSetValidator {
    private final DecisionEngine engine;
    private final CaseRunner runner = new CaseRunner();

    public RuleSetValidator(DecisionEngine engine) {
        this.engine = engine;
    }

    /** A validated candidate: the report, and the compiled rule base when it is valid. */
    public record Candidate(ValidationReport report, Optional<RuleBase> ruleBase) {
    }

    public Candidate validate(Path directory) {
        RuleBase candidate;
        try {
            candidate = engine.compile(directory);
        } catch (RuleCompilationException e) {
            return new Candidate(new ValidationReport(false, null, e.errors(), 0, List.of()), Optional.empty());
        }
        List<TestCase> cases;
        try {
            cases = CaseFiles.load(directory, null);
        } catch (CaseFiles.CaseFormatException e) {
            return new Candidate(new ValidationReport(false, candidate.version(),
                    List.of(new org.residencepermit.engine.CompileError("cases", 0, e.getMessage())), 0, List.of()),
                    Optional.empty());
        }
        List<ValidationReport.CaseFailure> failures = new ArrayList<>();
        for (TestCase c : cases) {
            CaseResult result = runner.run(engine, candidate, c);
            if (!result.passed()) {
                failures.add(new ValidationReport.CaseFailure(c.name(), c.file().toString(), result.mismatches()));
            }
        }
        ValidationReport report = new ValidationReport(failures.isEmpty(), candidate.version(), List.of(),
                cases.size(), failures);
        return new Candidate(report, failures.isEmpty() ? Optional.of(candidate) : Optional.empty());
    }

    /** Validates the engine's rules directory and, if valid, puts it in service. One reload at a time. */
    public synchronized ValidationReport reload() {
        Candidate candidate = validate(engine.rulesDirectory());
        candidate.ruleBase().ifPresent(engine::swap);
        return candidate.report();
    }
}
