package org.residencepermit.cases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.cli.Cli;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.PackageOrigin;
import org.residencepermit.model.City;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Procedure;
import org.residencepermit.testing.RulesFixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysts' flow: edit, run {@code validate} (which writes precompiled-rules.bin), reload. The service then loads
 * the compiled packages and trusts the recorded case run, but only while rules and cases are exactly those validated.
 */
class ReloadAfterValidateTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void quiet() {
        RulesFixtures.quietDroolsLogging();
    }

    private static void validate(Path rules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run("validate", rules.toString());
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static boolean beijingMarked(DecisionEngine engine) {
        return engine.decide(new DecisionRequest(LocalDate.of(2025, 3, 3), City.BEIJING, null, null,
                Procedure.FIRST_APPLICATION, null, null, null, null, null, null, null, null, null, null, null), false)
                .ruleIds().contains(RulesFixtures.BEIJING_MARKER_RULE_ID);
    }

    @Test
    void aValidatedRuleSetGoesLiveWithoutCompilingOrRunningTheCasesAgain() throws IOException {
        Path rules = RulesFixtures.copyOfRules(temp.resolve("validated"));
        DecisionEngine engine = new DecisionEngine(rules, getClass().getClassLoader());
        RulesFixtures.addBeijingMarkerRule(rules);
        append(rules.resolve("national/validation.drl"), "\n// an analyst's edit\n");
        validate(rules);

        ValidationReport report = new RuleSetValidator(engine).reload();

        assertTrue(report.valid(), report.toString());
        assertEquals(ValidationReport.CasesRunBy.VALIDATE_COMMAND, report.casesRunBy());
        assertEquals(CaseFiles.load(rules, null).size(), report.casesRun());
        report.packageOrigins().forEach((jurisdiction, origin) -> assertEquals(
                Set.of("beijing", "national").contains(jurisdiction) ? PackageOrigin.PRECOMPILED : PackageOrigin.KEPT,
                origin, jurisdiction));
        assertEquals(engine.ruleBase().version(), report.rulesetVersion());
        assertTrue(beijingMarked(engine));
    }

    @Test
    void casesEditedAfterTheValidationAreRunByTheReload() throws IOException {
        Path rules = RulesFixtures.copyOfRules(temp.resolve("case-edited"));
        DecisionEngine engine = new DecisionEngine(rules, getClass().getClassLoader());
        RulesFixtures.addBeijingMarkerRule(rules);
        validate(rules);
        Path cases = rules.resolve("national/cases/national.yaml");
        Files.writeString(cases, Files.readString(cases).replaceFirst(
                "earliestEligibleDate: '2024-07-15'", "earliestEligibleDate: '2024-07-16'"));

        ValidationReport report = new RuleSetValidator(engine).reload();

        assertFalse(report.valid());
        assertEquals(ValidationReport.CasesRunBy.SERVICE, report.casesRunBy());
        assertEquals("NAT-C01 FA day before the 6-month anniversary", report.failedCases().get(0).name());
        assertFalse(beijingMarked(engine), "the rejected rule set is not in service");
    }

    @Test
    void rulesEditedAfterTheValidationAreCompiledAndTheirCasesRun() throws IOException {
        Path rules = RulesFixtures.copyOfRules(temp.resolve("rule-edited"));
        DecisionEngine engine = new DecisionEngine(rules, getClass().getClassLoader());
        validate(rules);
        RulesFixtures.addBeijingMarkerRule(rules);

        ValidationReport report = new RuleSetValidator(engine).reload();

        assertTrue(report.valid(), report.toString());
        assertEquals(ValidationReport.CasesRunBy.SERVICE, report.casesRunBy());
        assertEquals(PackageOrigin.COMPILED, report.packageOrigins().get("beijing"));
        assertTrue(beijingMarked(engine));
    }
}
