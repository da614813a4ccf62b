package org.residencepermit.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.InvalidRequestException;
import org.residencepermit.engine.Json;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every rule set must do beyond passing its cases, checked on the cases and on variants of them, so that a rule
 * that passes its own case can still be caught reading a missing fact as false. The test suite requires all four to
 * hold for the bundled rules; analysts run them with the {@code check} command. Each violation names the case, its
 * file and what went wrong.
 */
public final class CaseProperties {

    /**
     * Facts whose null has a meaning of its own in the fact model (rulebook section 3), not "unknown": the "or null"
     * dates and values (no such event, not applicable), the basis and office the applicant did not choose (the engine
     * then takes the first basis met, or the default route), no channel preference, free text, and a permit status
     * not on record (rulebook 3.7: the engine then derives it from the dates and the cancellation facts).
     */
    static final Set<String> NULL_IS_A_VALUE = Set.of(
            "district", "channelRequested", "applicant.hukouCounty",
            "registration.arrivalDate", "registration.policeCollectedInfoDate",
            "registration.bjRegistrationCardIssueDate", "registration.registeredMonthsLast12",
            "study.schoolLevel", "housing.leaseRegistered", "housing.landlordPresent",
            "permit.status", "permit.cancellationDate", "permit.cancellationReason",
            "change.addressChangeDate", "change.withinIssuingArea",
            "submission.basisChosen", "submission.photoUploads", "submission.returnsOldCard",
            "submission.endorsementOffice", "submission.proxy.relationDetail",
            "appeal.rightsKnownDate", "appeal.reconsiderationDecisionReceivedDate");

    private final DecisionEngine engine;
    private final List<TestCase> cases;
    private final ObjectMapper json = Json.mapper();
    /** Built on first use: see {@link #nullVariants()}. */
    private List<List<Variant>> nullVariants;

    public CaseProperties(DecisionEngine engine, List<TestCase> cases) {
        this.engine = engine;
        this.cases = cases;
    }

    /** One property checked: how many requests it was tried on, and what broke it. */
    public record Check(String property, int tried, List<String> violations) {
    }

    /** All four properties. */
    public List<Check> all() {
        return List.of(unknownFactsThatDecide(), factsAskedForThatWereGiven(), earliestDatesThatAreRefused(),
                documentListsThatMislead());
    }

    /**
     * An unknown fact never decides a case (rulebook section 6 step 1: "the procedure needs a fact that is null" gives
     * NEEDS_MORE_INFO). For every case with a definite verdict, each of its facts in turn is made null: the verdict must
     * stay (the fact did not matter) or become NEEDS_MORE_INFO (it did), never turn from ELIGIBLE to NOT_ELIGIBLE or
     * back because a rule read the missing fact as false, as zero or as "nothing changed".
     */
    public Check unknownFactsThatDecide() {
        List<String> violations = new ArrayList<>();
        int tried = 0;
        for (List<Variant> variants : nullVariants()) {
            Variant known = variants.get(0);
            if (known.decision().verdict() == Verdict.NEEDS_MORE_INFO) {
                continue;
            }
            for (Variant unknown : variants.subList(1, variants.size())) {
                tried++;
                Verdict verdict = unknown.decision().verdict();
                if (verdict != known.decision().verdict() && verdict != Verdict.NEEDS_MORE_INFO) {
                    violations.add(where(unknown.testCase()) + unknown.nulled() + " = null turns "
                            + known.decision().verdict() + " into " + verdict);
                }
            }
        }
        return new Check("an unknown fact never decides", tried, violations);
    }

    /**
     * {@code missingFacts} names only facts the request left null: a rule that asks for the wrong path (say the hukou
     * city when the city of residence is missing) sends the caller looking for a fact they already gave. Checked on
     * every case, and on every case with each of its facts made null in turn.
     */
    public Check factsAskedForThatWereGiven() {
        Set<String> violations = new TreeSet<>();
        int tried = 0;
        for (List<Variant> variants : nullVariants()) {
            for (Variant variant : variants) {
                tried++;
                for (String path : variant.decision().missingFacts()) {
                    JsonNode given = variant.request().at("/" + path.replace('.', '/'));
                    if (!given.isMissingNode() && !given.isNull()) {
                        violations.add(where(variant.testCase()) + "asks for " + path + ", given as " + given);
                    }
                }
            }
        }
        return new Check("missingFacts names only facts left null", tried, List.copyOf(violations));
    }

    /** A case's request, or that request with the fact at {@code nulled} made null, and its decision. */
    private record Variant(TestCase testCase, String nulled, ObjectNode request, Decision decision) {
    }

    /**
     * Per case: its own request first, then one variant per fact made null (those refused outright left out). Both
     * checks on unknown facts read them, so each is decided once.
     */
    private List<List<Variant>> nullVariants() {
        if (nullVariants == null) {
            List<List<Variant>> all = new ArrayList<>(cases.size());
            for (TestCase c : cases) {
                ObjectNode request = c.request();
                List<Variant> variants = new ArrayList<>();
                variants.add(new Variant(c, null, request, decide(request)));
                for (String path : scalarFacts(request)) {
                    ObjectNode unknown = withNull(request, path);
                    Decision decision = decideOrNull(unknown);
                    if (decision != null) {
                        variants.add(new Variant(c, path, unknown, decision));
                    }
                }
                all.add(variants);
            }
            nullVariants = all;
        }
        return nullVariants;
    }

    /**
     * An earliest eligible date keeps its promise (section 6 step 4: given only where the failure is a matter of
     * time): the same request decided on that date is not refused. Dates flagged uncertain because they assume facts
     * the request cannot show (Shenzhen: contributions continuing every month) are exempt.
     */
    public Check earliestDatesThatAreRefused() {
        List<String> violations = new ArrayList<>();
        int tried = 0;
        for (TestCase c : cases) {
            ObjectNode request = c.request();
            Decision refused = decide(request);
            if (refused.earliestEligibleDate() == null || refused.uncertainNotes() != null
                    && refused.uncertainNotes().stream().anyMatch(note -> note.contains("[EARLIEST_DATE]"))) {
                continue;
            }
            tried++;
            request.put("asOf", refused.earliestEligibleDate().toString());
            Decision later = decide(request);
            if (later.verdict() == Verdict.NOT_ELIGIBLE) {
                violations.add(where(c) + "earliest " + refused.earliestEligibleDate()
                        + ", but on that day still NOT_ELIGIBLE: " + later.reasons());
            }
        }
        return new Check("the earliest eligible date is not refused", tried, violations);
    }

    /**
     * The document list keeps its promise (CONV-8): for every ELIGIBLE case, presenting one document of each
     * requirement keeps it ELIGIBLE, and leaving any one requirement out gives NEEDS_MORE_INFO naming it.
     */
    public Check documentListsThatMislead() {
        List<String> violations = new ArrayList<>();
        int tried = 0;
        for (TestCase c : cases) {
            ObjectNode request = c.request();
            Decision eligible = decide(request);
            if (eligible.verdict() != Verdict.ELIGIBLE) {
                continue;
            }
            tried++;
            List<String> oneOfEach = new ArrayList<>();
            for (JsonNode requirement : json.valueToTree(eligible).path("requiredDocuments")) {
                oneOfEach.add(requirement.isObject() ? requirement.path("anyOf").get(0).asText() : requirement.asText());
            }
            Decision withAll = decide(withDocuments(request, oneOfEach));
            if (withAll.verdict() != Verdict.ELIGIBLE) {
                violations.add(where(c) + "presenting " + oneOfEach + " gives " + withAll.verdict());
            }
            for (String left : oneOfEach) {
                List<String> fewer = new ArrayList<>(oneOfEach);
                fewer.remove(left);
                Decision without = decide(withDocuments(request, fewer));
                boolean named = json.valueToTree(without).path("missingDocuments").toString().contains(left);
                if (without.verdict() != Verdict.NEEDS_MORE_INFO || !named) {
                    violations.add(where(c) + "without " + left + " gives " + without.verdict()
                            + (named ? "" : ", and missingDocuments does not name it"));
                }
            }
        }
        return new Check("the required documents are enough and each is needed", tried, violations);
    }

    private Decision decide(ObjectNode request) {
        try {
            return engine.decide(json.treeToValue(request, DecisionRequest.class), false);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a case request no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    /** The decision, or null for a request refused outright (asOf, city and procedure are required). */
    private Decision decideOrNull(ObjectNode request) {
        try {
            return decide(request);
        } catch (InvalidRequestException required) {
            return null;
        }
    }

    private static String where(TestCase c) {
        return c.name() + " (" + c.file() + "): ";
    }

    /** Paths of the request's non-null scalar facts that may be unknown; lists stay whole (CONV-8's business). */
    static List<String> scalarFacts(JsonNode request) {
        List<String> paths = new ArrayList<>();
        collect(request, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(),
                    prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), paths));
        } else if (!node.isNull() && !node.isArray() && !NULL_IS_A_VALUE.contains(prefix)) {
            paths.add(prefix);
        }
    }

    private static ObjectNode withNull(ObjectNode request, String path) {
        ObjectNode copy = request.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.putNull(parts[parts.length - 1]);
        return copy;
    }

    private static ObjectNode withDocuments(ObjectNode request, List<String> codes) {
        ObjectNode copy = request.deepCopy();
        ArrayNode provided = copy.withObject("/submission").putArray("documentsProvided");
        codes.forEach(provided::add);
        return copy;
    }
}
