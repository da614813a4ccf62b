package org.residencepermit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.InvalidRequestException;
import org.residencepermit.engine.Json;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Verdict;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unknown fact never decides a case (rulebook section 6 step 1: "the procedure needs a fact that is null" gives
 * NEEDS_MORE_INFO). For every case with a definite verdict, each of its facts in turn is made null: the verdict must
 * stay what it was (the fact did not matter) or become NEEDS_MORE_INFO (it did), never turn from ELIGIBLE to
 * NOT_ELIGIBLE or back because a rule read the missing fact as false, as zero or as "nothing changed".
 */
class UnknownFactsTest {
    private static final Path RULES = Path.of("rules");

    /**
     * Facts whose null has a meaning of its own in the fact model (rulebook section 3), not "unknown": the "or null"
     * dates and values (no such event, not applicable), the basis and office the applicant did not choose (the
     * engine then takes the first basis met, or the default route), no channel preference, and free text.
     */
    private static final Set<String> NULL_IS_A_VALUE = Set.of(
            "district", "channelRequested", "applicant.hukouCounty",
            "registration.arrivalDate", "registration.policeCollectedInfoDate",
            "registration.bjRegistrationCardIssueDate", "registration.registeredMonthsLast12",
            "study.schoolLevel", "housing.leaseRegistered", "housing.landlordPresent",
            "permit.cancellationDate", "permit.cancellationReason",
            "change.addressChangeDate", "change.withinIssuingArea",
            "submission.basisChosen", "submission.photoUploads", "submission.returnsOldCard",
            "submission.endorsementOffice", "submission.proxy.relationDetail",
            "appeal.rightsKnownDate", "appeal.reconsiderationDecisionReceivedDate");

    private static DecisionEngine engine;
    private final ObjectMapper json = Json.mapper();

    @BeforeAll
    static void loadRules() {
        RulesFixtures.quietDroolsLogging();
        engine = new DecisionEngine(RULES, UnknownFactsTest.class.getClassLoader());
    }

    @Test
    void aFactMadeUnknownNeverTurnsOneDefiniteVerdictIntoTheOther() throws Exception {
        List<String> flipped = new ArrayList<>();
        int tried = 0;
        for (TestCase c : CaseFiles.load(RULES, null)) {
            ObjectNode base = c.request();
            Verdict known = engine.decide(json.treeToValue(base, DecisionRequest.class), false).verdict();
            if (known == Verdict.NEEDS_MORE_INFO) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            scalarFacts(base, "", paths);
            for (String path : paths) {
                ObjectNode unknown = base.deepCopy();
                setNull(unknown, path);
                Verdict verdict;
                try {
                    verdict = engine.decide(json.treeToValue(unknown, DecisionRequest.class), false).verdict();
                } catch (InvalidRequestException required) {
                    continue;   // asOf, city and procedure are refused with 400 when null
                }
                tried++;
                if (verdict != known && verdict != Verdict.NEEDS_MORE_INFO) {
                    flipped.add(c.name() + " (" + c.file() + "): " + path + " = null turns " + known + " into "
                            + verdict);
                }
            }
        }
        assertTrue(tried > 1000, "too few facts tried: " + tried);
        assertTrue(flipped.isEmpty(), flipped.size() + " of " + tried + " unknown facts decided a case:\n"
                + String.join("\n", flipped));
    }

    /**
     * {@code missingFacts} names only facts the request left null: a rule that asks for the wrong path (say the hukou
     * city when the city of residence is missing) sends the caller looking for a fact they already gave. Checked on
     * every case, and on every case with each of its facts made null in turn.
     */
    @Test
    void theFactsAskedForAreNeverOnesTheRequestGave() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (TestCase c : CaseFiles.load(RULES, null)) {
            ObjectNode base = c.request();
            List<ObjectNode> variants = new ArrayList<>(List.of(base));
            List<String> paths = new ArrayList<>();
            scalarFacts(base, "", paths);
            for (String path : paths) {
                ObjectNode unknown = base.deepCopy();
                setNull(unknown, path);
                variants.add(unknown);
            }
            for (ObjectNode request : variants) {
                List<String> asked;
                try {
                    asked = engine.decide(json.treeToValue(request, DecisionRequest.class), false).missingFacts();
                } catch (InvalidRequestException required) {
                    continue;
                }
                for (String path : asked) {
                    JsonNode given = request.at("/" + path.replace('.', '/'));
                    if (!given.isMissingNode() && !given.isNull()) {
                        wrong.add(c.name() + " (" + c.file() + "): asks for " + path + ", given as " + given);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", new java.util.TreeSet<>(wrong)));
    }

    /** Paths of the non-null scalar facts; lists stay whole (a missing document is CONV-8's business). */
    private static void scalarFacts(JsonNode node, String prefix, List<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> scalarFacts(f.getValue(),
                    prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), paths));
        } else if (!node.isNull() && !node.isArray() && !NULL_IS_A_VALUE.contains(prefix)) {
            paths.add(prefix);
        }
    }

    private static void setNull(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.putNull(parts[parts.length - 1]);
    }
}
