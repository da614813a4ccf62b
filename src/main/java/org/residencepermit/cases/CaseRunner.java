package org.residencepermit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.Json;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs cases through the engine and compares the JSON decision with {@code expect}. Comparison follows rulebook
 * section 10: document lists and channels as sets (a requirement is the set of its alternatives), rule IDs, reasons
 * and conflicts as "must include", consequences only where the case asserts a value, {@code notes} never; the
 * {@code not...} keys say what must be absent (documents demanded, rules fired, reasons given, consequences claimed).
 */
public final class CaseRunner {
    private static final Set<String> SET_KEYS = Set.of("requiredDocuments", "missingDocuments",
            "alternativeRequiredDocuments", "channels", "alternativeChannels", "missingFacts");
    private static final Set<String> INCLUDES_KEYS = Set.of("ruleIds", "conflicts");
    private static final Set<String> SCALAR_KEYS = Set.of("verdict", "procedure", "fee", "deadline",
            "deadlineMissed", "earliestEligibleDate", "alternativeProcedure", "uncertain");
    private static final Set<String> IGNORED_KEYS = Set.of("notes", "fallbackIfNational");

    private final ObjectMapper json = Json.mapper();

    public CaseResult run(DecisionEngine engine, RuleBase ruleBase, TestCase testCase) {
        return run(engine, ruleBase, testCase, false);
    }

    /** Runs a case; with {@code explain} its decision carries the trace of the rules that fired. */
    public CaseResult run(DecisionEngine engine, RuleBase ruleBase, TestCase testCase, boolean explain) {
        Decision decision;
        try {
            ObjectNode request = testCase.request();
            decision = engine.decide(ruleBase, json.treeToValue(request, DecisionRequest.class), explain);
        } catch (Exception e) {
            return new CaseResult(testCase, List.of("request could not be decided: " + e), null);
        }
        return new CaseResult(testCase, compare(testCase.expect(), json.valueToTree(decision)), decision);
    }

    /** The fields of {@code actual} (a decision as JSON) that differ from {@code expect}. */
    public List<String> compare(JsonNode expect, JsonNode actual) {
        List<String> mismatches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode expected = field.getValue();
            JsonNode got = actual.path(key);
            if (IGNORED_KEYS.contains(key)) {
                continue;
            } else if (SCALAR_KEYS.contains(key)) {
                if (!scalar(expected).equals(scalar(got))) {
                    mismatches.add(key + ": expected " + scalar(expected) + " but was " + scalar(got));
                }
            } else if (SET_KEYS.contains(key)) {
                Set<Set<String>> want = requirements(expected);
                Set<Set<String>> have = requirements(got);
                if (!want.equals(have)) {
                    mismatches.add(key + ": expected " + want + " but was " + have);
                }
            } else if (INCLUDES_KEYS.contains(key)) {
                Set<String> missing = strings(expected);
                missing.removeAll(strings(got));
                if (!missing.isEmpty()) {
                    mismatches.add(key + ": missing " + missing + " (was " + strings(got) + ")");
                }
            } else if (key.equals("reasons")) {
                Set<String> codes = new TreeSet<>();
                got.forEach(r -> codes.add(r.path("code").asText()));
                Set<String> missing = strings(expected);
                missing.removeAll(codes);
                if (!missing.isEmpty()) {
                    mismatches.add("reasons: missing " + missing + " (was " + codes + ")");
                }
            } else if (key.equals("notRequired")) {
                Set<String> demanded = new HashSet<>();
                requirements(actual.path("requiredDocuments")).forEach(demanded::addAll);
                for (String code : strings(expected)) {
                    if (demanded.contains(code)) {
                        mismatches.add("notRequired: " + code + " must not be demanded but is in requiredDocuments");
                    }
                }
            } else if (key.equals("notRuleIds")) {
                Set<String> fired = strings(expected);
                fired.retainAll(strings(actual.path("ruleIds")));
                if (!fired.isEmpty()) {
                    mismatches.add("notRuleIds: " + fired + " must not fire but did");
                }
            } else if (key.equals("notReasons")) {
                Set<String> given = strings(expected);
                Set<String> codes = new TreeSet<>();
                actual.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
                given.retainAll(codes);
                if (!given.isEmpty()) {
                    mismatches.add("notReasons: " + given + " must not be given but were");
                }
            } else if (key.equals("notConsequences")) {
                // A null consequence in `consequences` means "not asserted" (rulebook section 10), so a case that
                // must not claim one lists it here.
                for (String consequence : strings(expected)) {
                    JsonNode claimed = actual.path("consequences").path(consequence);
                    if (!claimed.isMissingNode() && !claimed.isNull()) {
                        mismatches.add("notConsequences: " + consequence + " must not be claimed but was " + claimed);
                    }
                }
            } else if (key.equals("timeLimit") || key.equals("consequences")) {
                compareAsserted(key, expected, got, mismatches);
            } else {
                mismatches.add(key + ": unknown expectation key");
            }
        }
        return mismatches;
    }

    /** Compares the fields the case asserts; a null in {@code expect} means "not asserted" for consequences. */
    private static void compareAsserted(String key, JsonNode expected, JsonNode got, List<String> mismatches) {
        if (expected.isNull()) {
            if (!got.isMissingNode() && !got.isNull()) {
                mismatches.add(key + ": expected none but was " + got);
            }
            return;
        }
        expected.fields().forEachRemaining(f -> {
            boolean consequences = key.equals("consequences");
            if (consequences && f.getValue().isNull()) {
                return;
            }
            if (!scalar(f.getValue()).equals(scalar(got.path(f.getKey())))) {
                mismatches.add(key + "." + f.getKey() + ": expected " + scalar(f.getValue()) + " but was "
                        + scalar(got.path(f.getKey())));
            }
        });
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "null" : node.asText();
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> result = new TreeSet<>();
        node.forEach(n -> result.add(n.asText()));
        return result;
    }

    private static Set<Set<String>> requirements(JsonNode node) {
        Set<Set<String>> result = new HashSet<>();
        node.forEach(n -> result.add(n.isObject() ? strings(n.path("anyOf")) : Set.of(n.asText())));
        return result;
    }
}
