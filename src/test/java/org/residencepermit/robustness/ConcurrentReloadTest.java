package org.residencepermit.robustness;

import org.residencepermit.testing.RulesFixtures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.Json;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several threads decide while another thread keeps compiling and swapping two rule sets: A (the rule base) and B
 * (the same plus a rule ROBUST-MARK-1 that fires on every request). No decision may fail, and each must be entirely
 * of one rule set: ROBUST-MARK-1 among the fired rules exactly when rulesetVersion is B's.
 */
class ConcurrentReloadTest {
    private static final int SWAPS = Integer.getInteger("robustness.swaps", 30);
    private static final String MARKER = """
            package org.residencepermit.rules.national;

            import org.residencepermit.model.*;
            import org.residencepermit.model.outcome.*;

            rule "ROBUST-MARK-1 marks-rule-set-b"
                @title("测试标记")
                @source("robustness test")
            when
                DecisionRequest()
            then
                insert(new Note("rule set B"));
            end
            """;
    private static Path dirA;
    private static Path dirB;

    @BeforeAll
    static void twoRuleSets() throws Exception {
        RulesFixtures.quietDroolsLogging();
        dirA = RulesFixtures.copyOfRules(Files.createTempDirectory("rules-a"));
        dirB = RulesFixtures.copyOfRules(Files.createTempDirectory("rules-b"));
        Files.writeString(dirB.resolve("national/zz-robustness-marker.drl"), MARKER);
    }

    @AfterAll
    static void cleanUp() {
        RulesFixtures.delete(dirA);
        RulesFixtures.delete(dirB);
    }

    @Test
    void decisionsDuringRepeatedReloadsAreConsistentAndNeverFail() throws Exception {
        DecisionEngine engine = new DecisionEngine(dirA, getClass().getClassLoader());
        RuleBase a = engine.ruleBase();
        RuleBase b = engine.compile(dirB);
        assertNotEquals(a.version(), b.version(), "the two rule sets must have different content hashes");
        List<DecisionRequest> requests = new ArrayList<>();
        var json = Json.mapper();
        for (var c : org.residencepermit.cases.CaseFiles.load(Path.of("rules"), null)) {
            var input = c.request();
            requests.add(json.treeToValue(input, DecisionRequest.class));
        }

        AtomicBoolean reloading = new AtomicBoolean(true);
        AtomicLong decisions = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> byVersion = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        int deciders = 3;
        CountDownLatch done = new CountDownLatch(deciders);
        for (int t = 0; t < deciders; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try {
                    int i = offset;
                    while (reloading.get()) {
                        DecisionRequest request = requests.get(i++ % requests.size());
                        try {
                            Decision d = engine.decide(request, (i & 7) == 0);
                            decisions.incrementAndGet();
                            boolean marked = d.ruleIds().contains("ROBUST-MARK-1");
                            String expected = marked ? b.version() : a.version();
                            byVersion.merge(d.rulesetVersion(), 1, Integer::sum);
                            if (!d.rulesetVersion().equals(expected)) {
                                problems.add("rulesetVersion " + d.rulesetVersion() + " but ROBUST-MARK-1 fired="
                                        + marked);
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            problems.add(e.toString());
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "decider-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        // The reloader: compile A or B afresh (new content, new KieBases), swap it in, repeat.
        for (int swap = 0; swap < SWAPS; swap++) {
            boolean toB = swap % 2 == 0;
            RuleBase next = engine.compile(toB ? dirB : dirA);
            assertEquals(toB ? b.version() : a.version(), next.version());
            engine.swap(next);
            Thread.sleep(20);
        }
        reloading.set(false);
        assertTrue(done.await(60, TimeUnit.SECONDS), "deciders did not stop");

        System.out.printf("[robustness] %d decisions during %d reloads, by ruleset %s%n", decisions.get(), SWAPS,
                byVersion);
        assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 10)));
        assertEquals(0, errors.get());
        assertTrue(byVersion.getOrDefault(a.version(), 0) > 0 && byVersion.getOrDefault(b.version(), 0) > 0,
                "both rule sets must have served decisions: " + byVersion);
    }
}
