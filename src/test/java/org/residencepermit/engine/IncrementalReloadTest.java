package org.residencepermit.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.model.City;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Procedure;
import org.residencepermit.testing.RulesFixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reload recompiles only the jurisdictions whose DRL changed, and keeps each KieBase whose inputs (the national DRL,
 * the jurisdiction's own DRL and jurisdiction.yaml) are all unchanged.
 */
class IncrementalReloadTest {
    private static final List<String> JURISDICTIONS =
            List.of("national", "beijing", "changsha", "guangzhou", "hangzhou", "shanghai", "shenzhen");
    @TempDir
    static Path temp;

    @BeforeAll
    static void quiet() {
        RulesFixtures.quietDroolsLogging();
    }

    private static DecisionEngine warmEngine(Path rules) {
        DecisionEngine engine = new DecisionEngine(rules, IncrementalReloadTest.class.getClassLoader());
        engine.warmUp();
        return engine;
    }

    private static DecisionRequest firstApplication(City city) {
        return new DecisionRequest(LocalDate.of(2025, 3, 3), city, null, null, Procedure.FIRST_APPLICATION, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void anEditToOneCityRebuildsThatCityOnly() throws IOException {
        Path rules = RulesFixtures.copyOfRules(temp.resolve("city-edit"));
        DecisionEngine engine = warmEngine(rules);
        RuleBase before = engine.ruleBase();
        RulesFixtures.addBeijingMarkerRule(rules);

        RuleBase after = engine.compile(rules);
        engine.swap(after);

        assertNotEquals(before.version(), after.version());
        assertTrue(engine.decide(firstApplication(City.BEIJING), false).ruleIds().contains(RulesFixtures.BEIJING_MARKER_RULE_ID));
        assertFalse(engine.decide(firstApplication(City.SHANGHAI), false).ruleIds().contains(RulesFixtures.BEIJING_MARKER_RULE_ID));
        for (String jurisdiction : JURISDICTIONS) {
            assertEquals(!jurisdiction.equals("beijing"), after.sharesKieBase(before, jurisdiction), jurisdiction);
        }
    }

    @Test
    void anEditToTheNationalRulesRebuildsEveryKieBase() throws IOException {
        Path rules = RulesFixtures.copyOfRules(temp.resolve("national-edit"));
        DecisionEngine engine = warmEngine(rules);
        RuleBase before = engine.ruleBase();
        append(rules.resolve("national/validation.drl"), "\n// an analyst's edit\n");

        RuleBase after = engine.compile(rules);

        for (String jurisdiction : JURISDICTIONS) {
            assertFalse(after.sharesKieBase(before, jurisdiction), jurisdiction);
        }
    }

    @Test
    void anEditToACityDeclarationRebuildsThatCity() throws IOException {
        Path rules = RulesFixtures.copyOfRules(temp.resolve("declaration-edit"));
        DecisionEngine engine = warmEngine(rules);
        RuleBase before = engine.ruleBase();
        Path declaration = rules.resolve("shanghai/jurisdiction.yaml");
        Files.writeString(declaration, Files.readString(declaration).replace("name: 上海市", "name: 上海"));

        RuleBase after = engine.compile(rules);

        assertFalse(after.sharesKieBase(before, "shanghai"));
        assertTrue(after.sharesKieBase(before, "beijing"));
        assertEquals("上海", after.jurisdiction("shanghai").name());
    }

    @Test
    void anotherCompilerSharesNothingWithTheEngine() {
        DecisionEngine engine = warmEngine(Path.of("rules"));
        RuleCompiler other = new RuleCompiler(getClass().getClassLoader());
        RuleBase fresh = other.compile(Path.of("rules"));
        // Its KieBase builds do not exclude the engine's decisions, so it must not reuse the engine's rules.
        RuleBase offeredTheEngines = other.loadReusing(Path.of("rules"), engine.ruleBase());
        offeredTheEngines.buildKieBases();
        assertEquals(engine.ruleBase().version(), fresh.version());
        for (String jurisdiction : JURISDICTIONS) {
            assertFalse(fresh.sharesKieBase(engine.ruleBase(), jurisdiction), jurisdiction);
            assertFalse(offeredTheEngines.sharesKieBase(engine.ruleBase(), jurisdiction), jurisdiction);
        }
    }
}
