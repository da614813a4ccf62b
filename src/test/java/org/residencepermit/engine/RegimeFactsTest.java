package org.residencepermit.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Regime;
import org.residencepermit.model.Topic;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decision inserts only the regime facts its procedure's rules can match ({@link RuleScope#regimeFacts}). That is an
 * optimisation only: with every regime fact inserted, every bundled case gets the same decision, trace included.
 */
class RegimeFactsTest {
    private static final Path RULES = Path.of("rules");

    @Test
    void everyCaseIsDecidedAsWithEveryRegimeFactInserted() throws Exception {
        RulesFixtures.quietDroolsLogging();
        DecisionEngine engine = new DecisionEngine(RULES, RegimeFactsTest.class.getClassLoader());
        RuleBase ruleBase = engine.ruleBase();
        ObjectMapper json = Json.mapper();
        List<String> differing = new ArrayList<>();
        int fewerFacts = 0;
        List<TestCase> cases = CaseFiles.load(RULES, null);
        for (TestCase c : cases) {
            ObjectNode input = c.request();
            DecisionRequest request = RequestValidator.validate(json.treeToValue(input, DecisionRequest.class));
            Jurisdiction jurisdiction = ruleBase.jurisdictionFor(request.city());
            List<Regime> every = Arrays.stream(Topic.values())
                    .map(topic -> new Regime(topic, jurisdiction.governing(topic))).toList();
            if (ruleBase.regimeFacts(jurisdiction, request.procedure()).size() < every.size()) {
                fewerFacts++;
            }
            String expected = json.writeValueAsString(engine.evaluate(ruleBase, request, jurisdiction, every, true));
            String actual = json.writeValueAsString(engine.decide(ruleBase, request, true));
            if (!expected.equals(actual)) {
                differing.add(c.name() + ": every regime fact " + expected + "\n  procedure's facts " + actual);
            }
        }
        assertTrue(fewerFacts > cases.size() / 2, "most decisions need fewer regime facts: " + fewerFacts);
        assertEquals(List.of(), differing);
    }
}
