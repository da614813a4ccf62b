package org.residencepermit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * The document list keeps its promise (CONV-8): for every ELIGIBLE case, presenting one document of each requirement
 * keeps it ELIGIBLE, and leaving any one requirement out turns it into NEEDS_MORE_INFO naming that requirement.
 */
class RequiredDocumentsTest {
    private static final Path RULES = Path.of("rules");

    @Test
    void presentingTheRequiredDocumentsIsEnoughAndEachOneIsNeeded() throws Exception {
        RulesFixtures.quietDroolsLogging();
        DecisionEngine engine = new DecisionEngine(RULES, RequiredDocumentsTest.class.getClassLoader());
        ObjectMapper json = Json.mapper();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (TestCase c : CaseFiles.load(RULES, null)) {
            ObjectNode request = c.request();
            Decision eligible = engine.decide(json.treeToValue(request, DecisionRequest.class), false);
            if (eligible.verdict() != Verdict.ELIGIBLE) {
                continue;
            }
            List<String> oneOfEach = new ArrayList<>();
            for (JsonNode requirement : json.valueToTree(eligible).path("requiredDocuments")) {
                oneOfEach.add(requirement.isObject() ? requirement.path("anyOf").get(0).asText() : requirement.asText());
            }
            checked++;
            Decision withAll = engine.decide(withDocuments(json, request, oneOfEach), false);
            if (withAll.verdict() != Verdict.ELIGIBLE) {
                broken.add(c.name() + ": presenting " + oneOfEach + " gives " + withAll.verdict());
            }
            for (String left : oneOfEach) {
                List<String> fewer = new ArrayList<>(oneOfEach);
                fewer.remove(left);
                Decision without = engine.decide(withDocuments(json, request, fewer), false);
                boolean named = json.valueToTree(without).path("missingDocuments").toString().contains(left);
                if (without.verdict() != Verdict.NEEDS_MORE_INFO || !named) {
                    broken.add(c.name() + ": without " + left + " gives " + without.verdict()
                            + (named ? "" : ", and missingDocuments does not name it"));
                }
            }
        }
        assertTrue(checked >= 50, "too few eligible cases: " + checked);
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    private static DecisionRequest withDocuments(ObjectMapper json, ObjectNode request, List<String> codes)
            throws Exception {
        ObjectNode copy = request.deepCopy();
        ArrayNode provided = copy.withObject("/submission").putArray("documentsProvided");
        codes.forEach(provided::add);
        return json.treeToValue(copy, DecisionRequest.class);
    }
}
