package org.residencepermit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.residencepermit.engine.Json;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The comparison of an {@code expect} block with a decision, for the keys that say what must be absent. */
class CaseRunnerTest {
    private static final String DECISION = """
            {"verdict": "ELIGIBLE", "ruleIds": ["NAT-END-1", "CONV-7"],
             "reasons": [{"ruleId": "NAT-END-1", "kind": "ELIGIBLE", "code": "WINDOW_OPEN"}],
             "requiredDocuments": ["ID_CARD"],
             "consequences": {"functionSuspended": true, "permitTerminated": null}}""";

    private final CaseRunner runner = new CaseRunner();

    private List<String> compare(String expect) throws Exception {
        JsonNode decision = Json.mapper().readTree(DECISION);
        return runner.compare(Json.mapper().readTree(expect), decision);
    }

    @Test
    void aRuleThatMustNotFireIsReportedWhenItFired() throws Exception {
        assertEquals(List.of("notRuleIds: [CONV-7] must not fire but did"),
                compare("{\"notRuleIds\": [\"CONV-7\", \"NAT-APP-2\"]}"));
        assertEquals(List.of(), compare("{\"notRuleIds\": [\"NAT-APP-2\"]}"));
    }

    @Test
    void aReasonThatMustNotBeGivenIsReportedWhenGiven() throws Exception {
        assertEquals(List.of("notReasons: [WINDOW_OPEN] must not be given but were"),
                compare("{\"notReasons\": [\"WINDOW_OPEN\"]}"));
        assertEquals(List.of(), compare("{\"notReasons\": [\"PERMIT_TERMINATED\"]}"));
    }

    /** A null in `consequences` is "not asserted", so absence needs its own key. */
    @Test
    void aConsequenceThatMustNotBeClaimedIsReportedWhenClaimed() throws Exception {
        assertEquals(List.of("notConsequences: functionSuspended must not be claimed but was true"),
                compare("{\"notConsequences\": [\"functionSuspended\", \"permitTerminated\", \"penaltyRisk\"]}"));
        assertEquals(List.of(), compare("{\"consequences\": {\"functionSuspended\": true, \"permitTerminated\": null}}"));
    }
}
