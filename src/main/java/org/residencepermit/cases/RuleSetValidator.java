package org.residencepermit.cases;

import org.residencepermit.engine.CompileError;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.PackageOrigin;
import org.residencepermit.engine.PrecompiledRules;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.engine.RuleCompilationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads a candidate rules directory and runs all of its cases against it, without putting it in service; reload
 * swaps the candidate in only when this finds nothing wrong.
 */
public final class RuleSetValidator {
    private final DecisionEngine engine;
    private final CaseRunner runner = new CaseRunner();
    private final CaseFiles.Cache caseFiles = new CaseFiles.Cache();

    public RuleSetValidator(DecisionEngine engine) {
        this.engine = engine;
    }

    /** A validated candidate: the report, and the compiled rule base when it is valid. */
    public record Candidate(ValidationReport report, Optional<RuleBase> ruleBase) {
    }

    /**
     * Loads a candidate directory ({@link DecisionEngine#compile}) and runs its cases, unless the analysts'
     * {@code validate} command already ran exactly these cases on exactly these compiled packages (recorded in the
     * directory's {@link PrecompiledRules} file): deciding is deterministic, so running them again would only repeat
     * that result. The candidate is then warmed up instead, as the cases would have done.
     */
    public Candidate validate(Path directory) {
        RuleBase candidate;
        try {
            candidate = engine.compile(directory);
        } catch (RuleCompilationException e) {
            return new Candidate(ValidationReport.notCompiled(e.errors()), Optional.empty());
        }
        PrecompiledRules.CasesPassed passed = casesPassedOnTheseRules(candidate, directory);
        if (passed == null) {
            return check(candidate, directory);
        }
        engine.warmUp(candidate);
        return new Candidate(new ValidationReport(true, candidate.version(), List.of(), passed.cases(), List.of(),
                candidate.packageOrigins(), ValidationReport.CasesRunBy.VALIDATE_COMMAND), Optional.of(candidate));
    }

    /**
     * The validation recorded in the directory's precompiled file, if it covers this candidate: the same rule set
     * version, the same case files, and no package compiled here instead of taken from that file or kept.
     */
    private PrecompiledRules.CasesPassed casesPassedOnTheseRules(RuleBase candidate, Path directory) {
        PrecompiledRules file = PrecompiledRules.in(directory);
        if (file == null || candidate.packageOrigins().containsValue(PackageOrigin.COMPILED)) {
            return null;
        }
        PrecompiledRules.CasesPassed passed = file.casesPassed(engine.classLoader());
        boolean covers = passed != null && passed.rulesetVersion().equals(candidate.version())
                && passed.casesDigest().equals(CaseFiles.digest(directory));
        return covers ? passed : null;
    }

    /** Runs the cases of {@code directory} against a rule base compiled from it. */
    public Candidate check(RuleBase candidate, Path directory) {
        List<TestCase> cases;
        try {
            cases = caseFiles.load(directory, null);
        } catch (CaseFiles.CaseFormatException e) {
            return new Candidate(new ValidationReport(false, candidate.version(),
                    List.of(new CompileError("cases", 0, e.getMessage())), 0, List.of(),
                    candidate.packageOrigins(), null), Optional.empty());
        }
        List<ValidationReport.CaseFailure> failures = new ArrayList<>();
        for (CaseResult result : runAll(candidate, cases)) {
            TestCase c = result.testCase();
            if (!result.passed()) {
                failures.add(new ValidationReport.CaseFailure(c.name(), c.file().toString(), result.mismatches()));
            }
        }
        ValidationReport report = new ValidationReport(failures.isEmpty(), candidate.version(), List.of(),
                cases.size(), failures, candidate.packageOrigins(), ValidationReport.CasesRunBy.SERVICE);
        return new Candidate(report, failures.isEmpty() ? Optional.of(candidate) : Optional.empty());
    }

    /**
     * Runs the cases on all cores: a reload waits for them, and the first decisions on new KieBases are slow (Drools
     * interprets each constraint until it has been evaluated often enough to compile it). Results keep case order.
     */
    private List<CaseResult> runAll(RuleBase candidate, List<TestCase> cases) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), cases.size()));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "case-validation");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        try {
            List<Future<CaseResult>> running = new ArrayList<>();
            for (TestCase c : cases) {
                running.add(pool.submit(() -> runner.run(engine, candidate, c)));
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating cases", e);
        } catch (ExecutionException e) {
            // CaseRunner reports a case's exceptions as mismatches; only errors (e.g. out of memory) get here.
            throw new IllegalStateException("validating cases failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Validates the engine's rules directory and, if valid, puts it in service. One reload at a time. */
    public synchronized ValidationReport reload() {
        Candidate candidate = validate(engine.rulesDirectory());
        candidate.ruleBase().ifPresent(engine::swap);
        return candidate.report();
    }
}
