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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Procedure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * In-process decisions per second on one thread over the full rule base of {@code -Drules.dir} (default ../rules).
 * <ul>
 *   <li>{@code mix}: every case of every jurisdiction, round robin (the realistic mix);</li>
 *   <li>{@code mixG1}: the same under G1, the collector of the service's image;</li>
 *   <li>{@code mixExplain}: the same with {@code ?explain=true} (rule trace);</li>
 *   <li>{@code firstApplicationRules}: the national FIRST_APPLICATION cases (in person) through the engine;</li>
 *   <li>{@code firstApplicationHandWritten}: the same requests through {@link HandWrittenFirstApplication}.</li>
 * </ul>
 * The forks use the throughput collector, the one an application embedding the engine for throughput would choose: a
 * decision allocates ~26 KB of short-lived Drools tuples and writes them into the pooled session's long-lived node
 * memories, and G1's write barriers and refinement cost 14-16% of single-threaded throughput (paired runs pinned to
 * one core each, bench/RESULTS.md session 10). The service keeps G1, which holds the heap it touches smaller.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseParallelGC"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class DecisionBenchmark {

    private DecisionEngine engine;
    private DecisionRequest[] mix;
    private DecisionRequest[] firstApplication;
    private int next;
    private long ops;
    private long opsAtStart;
    private long cpuAtStart;

    @Setup(Level.Trial)
    public void setUp() {
        CaseRequests.quietLogging();
        Path rules = CaseRequests.rulesDirectory();
        engine = new DecisionEngine(rules, DecisionBenchmark.class.getClassLoader());
        List<DecisionRequest> all = CaseRequests.load(rules, engine);
        mix = all.toArray(DecisionRequest[]::new);
        firstApplication = all.stream()
                .filter(r -> r.procedure() == Procedure.FIRST_APPLICATION)
                .filter(r -> engine.ruleBase().jurisdictionFor(r.city()).id().equals("national"))
                .filter(r -> r.submission() == null || !Boolean.FALSE.equals(r.submission().applicantPresent()))
                .toArray(DecisionRequest[]::new);
        // The hand-written baseline must agree with the rules, or the comparison means nothing.
        for (DecisionRequest r : firstApplication) {
            Decision d = engine.decide(r, false);
            HandWrittenFirstApplication.Result h = HandWrittenFirstApplication.decide(r);
            TreeSet<String> codes = new TreeSet<>();
            d.reasons().forEach(reason -> codes.add(reason.code()));
            if (d.verdict() != h.verdict() || !codes.equals(h.reasonCodes())) {
                throw new IllegalStateException("hand-written baseline disagrees with the rules: engine "
                        + d.verdict() + codes + " vs hand-written " + h.verdict() + h.reasonCodes() + " for " + r);
            }
        }
        System.out.printf("%n[bench] rules %s (ruleset %s, %d rules, %d jurisdictions); mix %d requests, "
                        + "national FIRST_APPLICATION subset %d requests%n", rules, engine.ruleBase().version(),
                engine.ruleBase().rules().size(), engine.ruleBase().jurisdictions().size(), mix.length,
                firstApplication.length);
    }

    /**
     * The machine is shared, so wall-clock ops/s also depend on what else runs. The benchmark thread's own CPU time
     * gives the contention-free figure: printed after each iteration as "ops per CPU-second".
     */
    @Setup(Level.Iteration)
    public void startIteration() {
        opsAtStart = ops;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        System.out.printf(" [%.0f ops per CPU-second]", (ops - opsAtStart) * 1e9 / cpu);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecisionRequest nextOf(DecisionRequest[] requests) {
        ops++;
        int i = next++;
        if (next >= requests.length) {
            next = 0;
        }
        return requests[i % requests.length];
    }

    @Benchmark
    public Decision mix() {
        return engine.decide(nextOf(mix), false);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseG1GC"})
    public Decision mixG1() {
        return engine.decide(nextOf(mix), false);
    }

    @Benchmark
    public Decision mixExplain() {
        return engine.decide(nextOf(mix), true);
    }

    @Benchmark
    public Decision firstApplicationRules() {
        return engine.decide(nextOf(firstApplication), false);
    }

    @Benchmark
    public HandWrittenFirstApplication.Result firstApplicationHandWritten() {
        return HandWrittenFirstApplication.decide(nextOf(firstApplication));
    }
}
