package org.residencepermit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.PackageOrigin;
import org.residencepermit.engine.PrecompiledRules;
import org.residencepermit.testing.RulesFixtures;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void decidesARequestFile() throws Exception {
        Path request = tmp.resolve("request.json");
        Files.writeString(request, """
                {"asOf": "2024-07-14", "city": "OTHER", "cityName": "WUHAN", "procedure": "FIRST_APPLICATION",
                 "applicant": {"citizenship": "MAINLAND", "hukouCity": "XINYANG"},
                 "registration": {"residenceRegistrationDate": "2024-01-15"},
                 "housing": {"housingType": "RENTED"}}
                """);
        assertEquals(0, cli.run("decide", request.toString(), "--explain"));
        assertTrue(out().contains("\"verdict\" : \"NOT_ELIGIBLE\""), out());
        assertTrue(out().contains("\"earliestEligibleDate\" : \"2024-07-15\""), out());
        assertTrue(out().contains("\"trace\""), out());
    }

    @Test
    void anInvalidRequestFileIsExitCode2WithTheReason() throws Exception {
        Path request = tmp.resolve("bad.json");
        Files.writeString(request, "{\"asOf\": \"2024-02-30\", \"city\": \"OTHER\"}");
        assertEquals(2, cli.run("decide", request.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("invalid request"));
    }

    @Test
    void runsTheCasesOfOneJurisdiction() {
        int exit = cli.run("test", "national");
        assertTrue(out().contains("PASS  NAT-FA-01"), out());
        assertTrue(out().matches("(?s).*\\d+ passed, \\d+ failed\\s*"), out());
        assertEquals(out().contains(" 0 failed") ? 0 : 1, exit);
    }

    @Test
    void validateReportsCompileErrorsWithFileAndLine() throws Exception {
        Path national = Files.createDirectories(tmp.resolve("rules/national"));
        Files.writeString(national.resolve("jurisdiction.yaml"), "id: national\ncity: OTHER\nname: t\n");
        Files.writeString(national.resolve("broken.drl"), "package org.residencepermit.rules.national;\nrule \"NAT-X-1 x\"\nwhen\n  Nope()\nthen\nend\n");
        assertEquals(1, cli.run("validate", tmp.resolve("rules").toString()));
        assertTrue(out().contains("ERROR national/broken.drl:"), out());
        assertTrue(out().contains("INVALID"), out());
    }

    @Test
    void validRulesLeaveTheirPrecompiledPackagesForTheService() {
        Path rules = RulesFixtures.copyOfRules(tmp.resolve("valid"));
        assertEquals(0, cli.run("validate", rules.toString()), out());
        assertTrue(out().contains("VALID ruleset"), out());
        Path file = PrecompiledRules.fileIn(rules);
        assertTrue(out().contains("Wrote " + file), out());

        DecisionEngine engine = new DecisionEngine(rules, CliTest.class.getClassLoader());
        assertEquals(Set.of(PackageOrigin.PRECOMPILED), Set.copyOf(engine.ruleBase().packageOrigins().values()));
    }

    @Test
    void checkFindsARuleThatReadsAnUnknownFactAsFalse() throws Exception {
        Path rules = RulesFixtures.copyOfRules(tmp.resolve("unknown"));
        assertEquals(0, cli.run("check", rules.toString()), out());
        assertTrue(out().contains("OK     an unknown fact never decides"), out());

        out.reset();
        Path drl = rules.resolve("hangzhou/first-application.drl");
        Files.writeString(drl, Files.readString(drl).replace("talent.talentOrInvestor == false,",
                "talent.talentOrInvestor != true,"));
        assertEquals(1, cli.run("check", rules.toString()), out());
        assertTrue(out().contains("BROKEN an unknown fact never decides"), out());
        assertTrue(out().contains("talent.talentOrInvestor = null turns ELIGIBLE into NOT_ELIGIBLE"), out());
    }

    @Test
    void rulesWhoseCasesFailLeaveNoPrecompiledFile() throws Exception {
        Path rules = RulesFixtures.copyOfRules(tmp.resolve("failing"));
        Path drl = rules.resolve("national/first-application.drl");
        Files.writeString(drl, Files.readString(drl).replace("RequiredDocument.of(DocumentCode.ID_CARD)", "RequiredDocument.of(DocumentCode.PHOTO)"));
        assertEquals(1, cli.run("validate", rules.toString()), out());
        assertTrue(out().contains("FAIL  case"), out());
        assertFalse(Files.exists(PrecompiledRules.fileIn(rules)));
    }

    @Test
    void theRulesOptionMayComeBeforeTheCommandAndOneCaseCanBeRunByName() {
        Path rules = RulesFixtures.copyOfRules(tmp.resolve("one-case"));
        String[] args = {"--rules", rules.toString(), "test", "national", "--case", "NAT-FA-01"};
        assertTrue(Cli.isCommandLine(args));
        assertEquals(0, cli.run(args), out());
        assertEquals("PASS  NAT-FA-01\n1 passed, 0 failed\n", out().replace("\r", ""));
    }

    @Test
    void explainListsTheRulesAFailingCaseFired() throws Exception {
        Path rules = RulesFixtures.copyOfRules(tmp.resolve("explain"));
        Path drl = rules.resolve("national/first-application.drl");
        Files.writeString(drl, Files.readString(drl).replace("RequiredDocument.of(DocumentCode.ID_CARD)", "RequiredDocument.of(DocumentCode.PHOTO)"));
        assertEquals(1, cli.run("test", "--rules", rules.toString(), "national", "--case", "NAT-FA-01", "--explain"));
        assertTrue(out().contains("FAIL  case 'NAT-FA-01'"), out());
        assertTrue(out().contains("rules fired:"), out());
        assertTrue(out().contains(". NAT-FA-1 half-year-same-day-boundary ("), out());
        assertTrue(out().contains("0 passed, 1 failed"), out());
    }

    @Test
    void anUnknownCaseNameIsAFailureNamingIt() {
        assertEquals(1, cli.run("test", "national", "--case", "NO-SUCH-CASE"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no case named 'NO-SUCH-CASE'"));
    }

    @Test
    void aRulesOptionWithoutACommandIsBadUsage() {
        assertEquals(2, cli.run("--rules", tmp.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }
}
