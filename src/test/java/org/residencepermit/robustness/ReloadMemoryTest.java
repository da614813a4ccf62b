package org.residencepermit.robustness;

import org.residencepermit.testing.RulesFixtures;

import org.junit.jupiter.api.Test;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.Json;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.model.DecisionRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 reloads (edit a DRL file, compile, swap, decide once on the new rule base so its session pool is used) must not
 * grow the heap after GC: nothing keeps old rule bases. The edits alternate between a national file (every package
 * of that jurisdiction recompiled, every KieBase rebuilt) and a city file (only that city recompiled and rebuilt, the
 * other KieBases kept). Also reports metaspace, where a leaked build would show first (generated classes).
 */
class ReloadMemoryTest {
    private static final int RELOADS = Integer.getInteger("robustness.reloads", 200);
    private static final long HEAP_BOUND = 24L << 20;
    private static final long METASPACE_BOUND = 32L << 20;

    @Test
    void twoHundredReloadsDoNotGrowTheHeap() throws Exception {
        RulesFixtures.quietDroolsLogging();
        Path rules = RulesFixtures.copyOfRules(Files.createTempDirectory("reload-memory"));
        DecisionEngine engine = new DecisionEngine(rules, getClass().getClassLoader());
        DecisionRequest request = Json.mapper().readValue("""
                {"asOf": "2024-07-15", "city": "OTHER", "cityName": "WUHAN", "procedure": "FIRST_APPLICATION",
                 "applicant": {"birthDate": "1990-05-20", "citizenship": "MAINLAND", "hukouCity": "XINYANG"},
                 "registration": {"residenceRegistrationDate": "2024-01-15"}, "housing": {"housingType": "RENTED"}}
                """, DecisionRequest.class);
        // Warm-up: class loading, JIT and caches settle before the baseline.
        for (int i = 0; i < 10; i++) {
            reload(engine, rules, request, i);
        }
        long heapBefore = usedHeapAfterGc();
        long metaBefore = metaspace();
        long start = System.nanoTime();
        for (int i = 0; i < RELOADS; i++) {
            reload(engine, rules, request, i);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = usedHeapAfterGc();
        long metaAfter = metaspace();
        System.out.printf("[robustness] %d reloads in %d ms (%d ms each): heap after GC %d -> %d MB, metaspace %d -> %d"
                        + " MB%n", RELOADS, millis, millis / RELOADS, heapBefore >> 20, heapAfter >> 20,
                metaBefore >> 20, metaAfter >> 20);
        assertTrue(heapAfter - heapBefore < HEAP_BOUND, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB");
        assertTrue(metaAfter - metaBefore < METASPACE_BOUND,
                "metaspace grew by " + ((metaAfter - metaBefore) >> 20) + " MB");
        RulesFixtures.delete(rules);
    }

    private static void reload(DecisionEngine engine, Path rules, DecisionRequest request, int i) throws IOException {
        Path edited = rules.resolve(i % 2 == 0 ? "national/validation.drl" : "beijing/first-application.drl");
        Files.writeString(edited, "\n// edit " + i + "\n", StandardOpenOption.APPEND);
        RuleBase next = engine.compile(rules);
        engine.swap(next);
        engine.decide(request, false);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            Runtime runtime = Runtime.getRuntime();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static long metaspace() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
