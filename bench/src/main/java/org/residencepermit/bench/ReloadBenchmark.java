package org.residencepermit.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.cli.Cli;
import org.residencepermit.cases.ValidationReport;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.RuleBase;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a reload costs in a warm service after an analyst's edit, one shot per operation, on a copy of the rules
 * directory in which {@code edited} gets a new comment line before every operation:
 * <ul>
 *   <li>{@code edited}: one Beijing file (Beijing recompiled and rebuilt, the other KieBases kept), one national file
 *       (national recompiled, every KieBase rebuilt) or {@code every-file} (everything recompiled and rebuilt);</li>
 *   <li>{@code compileAndSwap}: {@link DecisionEngine#compile} then {@link DecisionEngine#swap};</li>
 *   <li>{@code reload}: what POST /api/v1/admin/rules/reload does ({@link RuleSetValidator#reload}: compile, every
 *       case of every jurisdiction, swap).</li>
 *   <li>{@code via}: {@code service} reloads right after the edit, so the engine compiles the DRL and runs the cases;
 *       {@code validate} first runs the analysts' {@code validate} command (outside the measured time), so the
 *       engine loads its precompiled-rules.bin and recorded case run.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5)
@Measurement(iterations = 10)
public class ReloadBenchmark {

    @Param({"beijing/first-application.drl", "national/validation.drl", "every-file"})
    public String edited;

    @Param({"service", "validate"})
    public String via;

    private DecisionEngine engine;
    private RuleSetValidator validator;
    private Path rules;
    private List<Path> editedFiles;
    private int edits;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        CaseRequests.quietLogging();
        rules = Files.createTempDirectory("reload-bench");
        Path source = CaseRequests.rulesDirectory();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = rules.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        try (Stream<Path> files = Files.walk(rules)) {
            editedFiles = edited.equals("every-file")
                    ? files.filter(f -> f.toString().endsWith(".drl")).toList() : List.of(rules.resolve(edited));
        }
        engine = new DecisionEngine(rules, ReloadBenchmark.class.getClassLoader());
        engine.warmUp();
        validator = new RuleSetValidator(engine);
    }

    @Setup(Level.Invocation)
    public void edit() throws IOException {
        edits++;
        for (Path file : editedFiles) {
            Files.writeString(file, "\n// edit " + edits + "\n", StandardOpenOption.APPEND);
        }
        if (via.equals("validate")
                && new Cli(new PrintStream(OutputStream.nullOutputStream()), System.err).run("validate", rules.toString()) != 0) {
            throw new IllegalStateException("the edited rules failed validation");
        }
    }

    @TearDown(Level.Trial)
    public void deleteCopy() throws IOException {
        try (Stream<Path> files = Files.walk(rules)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Benchmark
    public RuleBase compileAndSwap() {
        RuleBase next = engine.compile(rules);
        engine.swap(next);
        return next;
    }

    @Benchmark
    public ValidationReport reload() {
        ValidationReport report = validator.reload();
        if (!report.valid()) {
            throw new IllegalStateException("the bundled rules failed validation: " + report);
        }
        return report;
    }
}
