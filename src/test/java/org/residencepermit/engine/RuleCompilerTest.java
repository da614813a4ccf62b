package org.residencepermit.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler refuses rule sets that break the house conventions, naming file and line. */
class RuleCompilerTest {
    private final RuleCompiler compiler = new RuleCompiler(getClass().getClassLoader());

    @TempDir
    Path rules;

    private void national(String drl) throws IOException {
        Path dir = Files.createDirectories(rules.resolve("national"));
        Files.writeString(dir.resolve("jurisdiction.yaml"), "id: national\ncity: OTHER\nname: 测试\n");
        Files.writeString(dir.resolve("test.drl"), drl);
    }

    private static final String GOOD = """
            package org.residencepermit.rules.national;
            import org.residencepermit.model.*;
            import org.residencepermit.model.outcome.*;
            rule "NAT-T-1 always"
                @title("测试") @source("test source")
            when
                DecisionRequest()
            then
                insert(new Eligible("OK", "ok"));
            end
            """;

    @Test
    void compilesAGoodRuleSetAndHashesItsContent() throws IOException {
        national(GOOD);
        RuleBase first = compiler.compile(rules);
        assertEquals(1, first.rules().size());
        assertEquals("NAT-T-1", first.rules().get(0).id());
        assertEquals("test source", first.rules().get(0).source());
        assertEquals(first.version(), compiler.compile(rules).version(), "same content, same version");
        national(GOOD.replace("\"ok\"", "\"changed\""));
        assertNotEquals(first.version(), compiler.compile(rules).version());
    }

    @Test
    void drlErrorsNameTheFileAndLine() throws IOException {
        national(GOOD.replace("DecisionRequest()", "NoSuchFact()"));
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertTrue(e.errors().get(0).file().endsWith("test.drl"), e.errors().toString());
        assertTrue(e.errors().get(0).line() > 0, e.errors().toString());
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() throws IOException {
        // The compiler parses each file itself (to lift Regime guards) before Drools compiles it.
        national(GOOD.replace("DecisionRequest()", "DecisionRequest(("));
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertTrue(e.errors().get(0).file().endsWith("test.drl"), e.errors().toString());
        // Line 9 (the consequence) is where the parser finds the pattern unclosed.
        assertEquals(9, e.errors().get(0).line(), e.errors().toString());
    }

    @Test
    void aGuardOnATypeTheFileDoesNotImportIsStillAnError() throws IOException {
        national(GOOD.replace("import org.residencepermit.model.*;\n", "import org.residencepermit.model.DecisionRequest;\n")
                .replace("DecisionRequest()", "Regime(topic == Topic.SCOPE, jurisdiction == \"national\") DecisionRequest()"));
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertTrue(e.errors().get(0).file().endsWith("test.drl") && e.errors().get(0).line() > 0, e.errors().toString());
        assertTrue(e.errors().toString().contains("Regime"), e.errors().toString());
    }

    @Test
    void packageMustMatchTheFolder() throws IOException {
        national(GOOD.replace("rules.national;", "rules.beijing;"));
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertTrue(e.getMessage().contains("package must be org.residencepermit.rules.national"), e.getMessage());
    }

    @Test
    void everyRuleNeedsASourceATitleAndAnIdNameAndTheErrorsNameItsFile() throws IOException {
        national(GOOD.replace("@source(\"test source\")", "").replace("NAT-T-1 always", "always"));
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertTrue(e.errors().stream().anyMatch(err -> err.message().contains("must be ASCII and start with a rulebook ID")));
        assertTrue(e.errors().stream().anyMatch(err -> err.message().contains("no @source")));
        assertTrue(e.errors().stream().allMatch(err -> err.file().equals("national/test.drl")), e.errors().toString());
        national(GOOD.replace("@title(\"测试\")", ""));
        e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertTrue(e.errors().stream().anyMatch(err -> err.message().contains("no @title")), e.errors().toString());
    }

    @Test
    void theNationalBaseIsRequired() throws IOException {
        Path dir = Files.createDirectories(rules.resolve("beijing"));
        Files.writeString(dir.resolve("jurisdiction.yaml"), "id: beijing\ncity: BEIJING\nname: 北京\n");
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertTrue(e.getMessage().contains("national base rules are missing"));
    }

    /** The national GOOD rules plus a jurisdiction folder with this jurisdiction.yaml, which must not compile. */
    private RuleCompilationException refusedWithJurisdiction(String id, String yaml) throws IOException {
        national(GOOD);
        Path dir = Files.createDirectories(rules.resolve(id));
        Files.writeString(dir.resolve("jurisdiction.yaml"), yaml);
        return assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
    }

    @Test
    void unknownTopicInOverridesIsAnError() throws IOException {
        RuleCompilationException e = refusedWithJurisdiction("beijing",
                "id: beijing\ncity: BEIJING\nname: 北京\noverrides: [ENDORSMENT]\n");
        assertTrue(e.errors().get(0).file().contains("beijing"), e.errors().toString());
    }

    @Test
    void twoJurisdictionsForOneCityAreAnError() throws IOException {
        RuleCompilationException e = refusedWithJurisdiction("wuhan", "id: wuhan\ncity: OTHER\nname: 武汉\n");
        assertEquals("wuhan/jurisdiction.yaml", e.errors().get(0).file(), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains("city OTHER is already decided by jurisdiction 'national'"),
                e.errors().toString());
    }
}
