package org.residencepermit.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Regime;
import org.residencepermit.model.Topic;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two optimisations change no decision: lifting the Regime guards out of the rules' conditions
 * ({@link LiftedRegimeGuards}), and inserting only the regime facts that a procedure's rules can match
 * ({@link RuleScope#regimeFacts}). The bundled rules, with their guards rewritten into a form that stays a pattern and
 * with every regime fact inserted, decide every case exactly as the service does, trace included.
 */
class RegimeFactsTest {
    private static final Path RULES = Path.of("rules");
    /** A single-topic guard; a binding keeps it from being lifted, and RuleScope still reads it. */
    private static final Pattern GUARD = Pattern.compile("Regime\\((topic == Topic\\.\\w+, jurisdiction == \"\\w+\")\\)");

    @TempDir
    Path temp;

    @Test
    void everyCaseIsDecidedAsWithGuardPatternsAndEveryRegimeFact() throws Exception {
        RulesFixtures.quietDroolsLogging();
        Path asPatterns = RulesFixtures.copyOfRules(temp.resolve("rules"));
        int rewritten = keepGuardsAsPatterns(asPatterns);
        ClassLoader loader = RegimeFactsTest.class.getClassLoader();
        DecisionEngine engine = new DecisionEngine(RULES, loader);
        RuleBase lifted = engine.ruleBase();
        RuleBase patterns = new RuleCompiler(loader).compileAfresh(asPatterns);
        assertTrue(rewritten > 300, "guards rewritten: " + rewritten);
        assertEquals(List.of(), lifted.regimeFacts(lifted.jurisdiction("beijing"), Procedure.ENDORSEMENT));
        assertTrue(patterns.regimeFacts(patterns.jurisdiction("beijing"), Procedure.ENDORSEMENT).size() > 3,
                "the rewritten guards stayed patterns");

        ObjectMapper json = Json.mapper();
        List<String> differing = new ArrayList<>();
        List<TestCase> cases = CaseFiles.load(RULES, null);
        for (TestCase c : cases) {
            ObjectNode input = c.request();
            DecisionRequest request = RequestValidator.validate(json.treeToValue(input, DecisionRequest.class));
            Jurisdiction jurisdiction = patterns.jurisdictionFor(request.city());
            List<Regime> every = Arrays.stream(Topic.values())
                    .map(topic -> new Regime(topic, jurisdiction.governing(topic))).toList();
            String expected = withoutVersion(json, engine.evaluate(patterns, request, jurisdiction, every, true));
            String actual = withoutVersion(json, engine.decide(lifted, request, true));
            if (!expected.equals(actual)) {
                differing.add(c.name() + ": guard patterns, every regime fact " + expected + "\n  service " + actual);
            }
        }
        assertTrue(cases.size() > 100, "the bundled cases were found");
        assertEquals(List.of(), differing);
    }

    /** The two rule sets differ in their DRL text, hence in the ruleset version each response names. */
    private static String withoutVersion(ObjectMapper json, Object decision) {
        ObjectNode tree = json.valueToTree(decision);
        tree.remove("rulesetVersion");
        return tree.toString();
    }

    private static int keepGuardsAsPatterns(Path rules) throws Exception {
        int count = 0;
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher matcher = GUARD.matcher(Files.readString(drl));
                StringBuilder text = new StringBuilder();
                while (matcher.find()) {
                    matcher.appendReplacement(text, "Regime(\\$guard : $1)");
                    count++;
                }
                matcher.appendTail(text);
                Files.writeString(drl, text.toString());
            }
        }
        return count;
    }
}
