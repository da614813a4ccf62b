package org.residencepermit.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.cases.ValidationReport;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.RuleBase;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a reload costs in a warm service, one shot per operation:
 * <ul>
 *   <li>{@code compile}: {@link DecisionEngine#compile} of the whole rules directory (DRL to KieBases);</li>
 *   <li>{@code compileAndRunAllCases}: what POST /api/v1/admin/rules/reload does before the swap
 *       ({@link RuleSetValidator#validate}: compile, then every case of every jurisdiction with explain).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class ReloadBenchmark {

    private DecisionEngine engine;
    private RuleSetValidator validator;
    private Path rules;

    @Setup(Level.Trial)
    public void setUp() {
        CaseRequests.quietLogging();
        rules = CaseRequests.rulesDirectory();
        engine = new DecisionEngine(rules, ReloadBenchmark.class.getClassLoader());
        validator = new RuleSetValidator(engine);
    }

    @Benchmark
    public RuleBase compile() {
        return engine.compile(rules);
    }

    @Benchmark
    public ValidationReport compileAndRunAllCases() {
        return validator.validate(rules).report();
    }
}
