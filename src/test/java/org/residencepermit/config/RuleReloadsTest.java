package org.residencepermit.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every service reload, accepted or rejected, is followed by one garbage collection. */
class RuleReloadsTest {
    @TempDir
    Path temp;

    @Test
    void collectsGarbageAfterEveryReload() throws Exception {
        RulesFixtures.quietDroolsLogging();
        Path rules = RulesFixtures.copyOfRules(temp.resolve("rules"));
        AtomicInteger collections = new AtomicInteger();
        RuleReloads reloads = new RuleReloads(
                new RuleSetValidator(new DecisionEngine(rules, getClass().getClassLoader())),
                collections::incrementAndGet);

        assertTrue(reloads.reload().valid());
        assertEquals(1, collections.get());

        Path drl = rules.resolve("national/validation.drl");
        Files.writeString(drl, Files.readString(drl).replace("DecisionRequest(", "NoSuchFact("));
        assertFalse(reloads.reload().valid());
        assertEquals(2, collections.get());
    }
}
