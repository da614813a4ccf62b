package org.residencepermit.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.Json;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Verdict;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An earliest eligible date keeps its promise (rulebook section 6 step 4: given only where the failure is a matter of
 * time): the same request decided on that date is not refused. Dates flagged uncertain because they assume facts the
 * request cannot show (Shenzhen: contributions continuing every month) are exempt.
 */
class EarliestEligibleDateTest {
    private static final Path RULES = Path.of("rules");

    @Test
    void theSameRequestOnItsEarliestEligibleDateIsNotRefused() throws Exception {
        RulesFixtures.quietDroolsLogging();
        DecisionEngine engine = new DecisionEngine(RULES, EarliestEligibleDateTest.class.getClassLoader());
        ObjectMapper json = Json.mapper();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (TestCase c : CaseFiles.load(RULES, null)) {
            ObjectNode request = c.request();
            Decision refused = engine.decide(json.treeToValue(request, DecisionRequest.class), false);
            if (refused.earliestEligibleDate() == null || refused.uncertainNotes() != null
                    && refused.uncertainNotes().stream().anyMatch(note -> note.contains("[EARLIEST_DATE]"))) {
                continue;
            }
            checked++;
            request.put("asOf", refused.earliestEligibleDate().toString());
            Decision later = engine.decide(json.treeToValue(request, DecisionRequest.class), false);
            if (later.verdict() == Verdict.NOT_ELIGIBLE) {
                broken.add(c.name() + " (" + c.file() + "): earliest " + refused.earliestEligibleDate()
                        + ", but on that day still NOT_ELIGIBLE: " + later.reasons());
            }
        }
        assertTrue(checked >= 10, "too few cases with an earliest eligible date: " + checked);
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }
}
