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

/** Every service reload, accepted or rejected, is followed by one garbage collection and logged. */
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

    @Test
    void logLineSaysWhatWentIntoServiceOrWhyNot() throws Exception {
        RulesFixtures.quietDroolsLogging();
        Path rules = RulesFixtures.copyOfRules(temp.resolve("rules"));
        RuleSetValidator validator = new RuleSetValidator(new DecisionEngine(rules, getClass().getClassLoader()));

        String unchanged = RuleReloads.describe(validator.reload(), 12);
        assertTrue(unchanged.startsWith("Rules reloaded in 12 ms: ruleset "), unchanged);
        assertFalse(unchanged.contains("compiled"), unchanged);

        Path drl = rules.resolve("national/validation.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// an analyst's note\n");
        String compiled = RuleReloads.describe(validator.reload(), 900);
        assertTrue(compiled.contains("national=COMPILED"), compiled);
        assertTrue(compiled.contains("cases passed (run by SERVICE)"), compiled);
        assertTrue(compiled.contains("The service compiled [national] itself: running the validate command"), compiled);

        Files.writeString(drl, Files.readString(drl).replace("DecisionRequest(", "NoSuchFact("));
        String rejected = RuleReloads.describe(validator.reload(), 40);
        assertTrue(rejected.startsWith("Rules rejected after 40 ms, the previous rules keep serving (compile errors: "),
                rejected);
        assertTrue(rejected.contains("; first: national/validation.drl:"), rejected);
    }
}
