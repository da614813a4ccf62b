package org.residencepermit.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 requests made from the case-file inputs by seeded random mutation (wrong types, nulls, huge strings, future
 * and ancient and impossible dates, contradictory facts, unknown enum values and fields, deleted fields, broken JSON)
 * go through the real HTTP endpoint. None may end in a 5xx or a client-side exception, every 4xx must be
 * application/problem+json, and every 200 must carry a verdict that the rest of the decision bears out. Seed and count: -Drobustness.seed, -Drobustness.requests.
 */
@QuarkusTest
class MutatedRequestsOverHttpTest {
    private static final long SEED = Long.getLong("robustness.seed", 20240715L);
    private static final int REQUESTS = Integer.getInteger("robustness.requests", 10_000);
    private static final int MAX_BODY = 60_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ENUM_LIKE = {"MARS", "", "first_application", "ELIGIBLE", "NULL", "0", "OTHER ",
            "BEIJING\u0000", "上海", "FIRST-APPLICATION"};
    private static final String[] DATES = {"2300-01-01", "2199-12-31", "2200-01-01", "1899-12-31", "1900-01-01",
            "0001-01-01", "9999-12-31", "2024-02-30", "2023-02-29", "2024-13-01", "24-07-15", "2024/07/15",
            "2024-07-15T10:00:00", "", "now", "-2024-01-01", "+12024-01-01", "1066-10-14"};

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void mutatedRequestsNeverCauseServerErrorsAndEveryRefusalIsAProblem() throws Exception {
        List<ObjectNode> bases = new ArrayList<>();
        for (TestCase c : CaseFiles.load(Path.of("rules"), null)) {
            ObjectNode body = c.request();
            bases.add(body);
        }
        assertTrue(bases.size() > 0, "no case inputs to mutate");
        Random random = new Random(SEED);
        RequestSpecification spec = RestAssured.given().contentType("application/json");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String body;
            do {   // stay under quarkus.http.limits.max-body-size: the 413 path is BodyLimitTest's
                body = mutate(bases.get(random.nextInt(bases.size())).deepCopy(), random);
            } while (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY);
            Response response;
            try {
                response = RestAssured.given().spec(spec).body(body).post("/api/v1/decisions");
            } catch (Exception e) {
                failures.add("#" + i + " client exception " + e + " for " + abbreviate(body));
                continue;
            }
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String type = response.contentType();
            if (status >= 500) {
                failures.add("#" + i + " HTTP " + status + " " + abbreviate(response.asString()) + " for "
                        + abbreviate(body));
            } else if (status >= 400 && (type == null || !type.startsWith("application/problem+json"))) {
                failures.add("#" + i + " HTTP " + status + " with content type " + type + " for " + abbreviate(body));
            } else if (status == 200) {
                String incoherent = incoherence(json.readTree(response.asString()));
                if (incoherent != null) {
                    failures.add("#" + i + " " + incoherent + " for " + abbreviate(body));
                }
            }
            if (failures.size() >= 20) {
                break;
            }
        }
        System.out.printf("[robustness] %d mutated requests (seed %d): statuses %s%n", REQUESTS, SEED, statuses);
        assertEquals(List.of(), failures, "statuses so far: " + statuses);
        assertTrue(statuses.getOrDefault(200, 0) > REQUESTS / 20, "too few requests were decided: " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) > REQUESTS / 20, "too few requests were refused: " + statuses);
    }

    @Test
    void theCoherenceCheckRecognisesIncoherentDecisions() throws Exception {
        assertEquals(null, incoherence(json.readTree("{\"verdict\": \"ELIGIBLE\", \"reasons\": [{\"kind\": \"ELIGIBLE\"}],"
                + " \"missingFacts\": [], \"missingDocuments\": [], \"conflicts\": []}")));
        assertTrue(incoherence(json.readTree("{\"verdict\": \"ELIGIBLE\", \"reasons\": [{\"kind\": \"ELIGIBLE\"}],"
                + " \"missingFacts\": [\"permit.held\"]}")) != null);
        assertTrue(incoherence(json.readTree("{\"verdict\": \"NOT_ELIGIBLE\", \"reasons\": []}")) != null);
        assertTrue(incoherence(json.readTree("{\"verdict\": \"NEEDS_MORE_INFO\", \"reasons\": []}")) != null);
        assertTrue(incoherence(json.readTree("{}")) != null);
    }

    /**
     * What is wrong with a decision's verdict given the rest of it (CONV-9), or null: ELIGIBLE with facts or documents
     * missing or facts in conflict, NOT_ELIGIBLE without a failed condition, NEEDS_MORE_INFO without saying what is
     * needed, or no verdict at all.
     */
    static String incoherence(JsonNode decision) {
        String verdict = decision.path("verdict").asText("");
        boolean missing = !decision.path("missingFacts").isEmpty() || !decision.path("missingDocuments").isEmpty();
        boolean conflicts = !decision.path("conflicts").isEmpty();
        List<String> kinds = new ArrayList<>();
        decision.path("reasons").forEach(reason -> kinds.add(reason.path("kind").asText()));
        return switch (verdict) {
            case "ELIGIBLE" -> missing || conflicts || !kinds.contains("ELIGIBLE")
                    ? "ELIGIBLE with missing " + missing + ", conflicts " + conflicts + ", reasons " + kinds : null;
            case "NOT_ELIGIBLE" -> conflicts || !kinds.contains("NOT_ELIGIBLE")
                    ? "NOT_ELIGIBLE with conflicts " + conflicts + ", reasons " + kinds : null;
            case "NEEDS_MORE_INFO" -> !missing && !conflicts && !kinds.contains("NEEDS_MORE_INFO")
                    && !kinds.contains("MISSING_FACT") && !kinds.contains("CONFLICT")
                    ? "NEEDS_MORE_INFO without anything missing, in conflict or to refer: reasons " + kinds : null;
            default -> "HTTP 200 without a verdict";
        };
    }

    /** One to four mutations; a few requests are broken at the JSON level instead. */
    private String mutate(ObjectNode body, Random random) throws Exception {
        int kind = random.nextInt(100);
        if (kind < 3) {
            String text = json.writeValueAsString(body);
            return text.substring(0, random.nextInt(text.length()));          // truncated JSON
        } else if (kind < 5) {
            return new String[]{"", "null", "[]", "42", "\"text\"", "{}", "{\"asOf\":}", "[{}]", "{\"a\":1,\"a\":2}",
                    "\u0000", "{\"asOf\":\"2024-07-15\"} trailing"}[random.nextInt(11)];
        }
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            List<Slot> slots = new ArrayList<>();
            collect(body, slots);
            Slot slot = slots.get(random.nextInt(slots.size()));
            switch (random.nextInt(12)) {
                case 0 -> slot.set(NODES.nullNode());
                case 1 -> slot.remove();
                case 2 -> slot.set(wrongType(slot.get(), random));
                case 3 -> slot.set(NODES.textNode(huge(random)));
                case 4 -> slot.set(NODES.textNode(DATES[random.nextInt(DATES.length)]));
                case 5 -> slot.set(NODES.textNode(ENUM_LIKE[random.nextInt(ENUM_LIKE.length)]));
                case 6 -> slot.set(number(random));
                case 7 -> slot.parent().set("unknownField" + random.nextInt(3), NODES.textNode("x"));
                case 8 -> contradict(body, random);
                case 9 -> body.put("asOf", DATES[random.nextInt(DATES.length)]);
                case 10 -> slot.set(NODES.objectNode().set("nested", NODES.arrayNode().add(1).add("two")));
                default -> body.remove(List.of("asOf", "city", "procedure", "applicant", "registration", "permit",
                        "submission").get(random.nextInt(7)));
            }
        }
        return json.writeValueAsString(body);
    }

    /** Facts that contradict each other but are each well-formed: the rules must answer, not the server fail. */
    private static void contradict(ObjectNode body, Random random) {
        ObjectNode permit = object(body, "permit");
        ObjectNode registration = object(body, "registration");
        switch (random.nextInt(6)) {
            case 0 -> {
                permit.put("validityStartDate", "2024-06-01");
                permit.put("expiryDate", "2023-06-01");
            }
            case 1 -> {
                body.put("procedure", "ENDORSEMENT");
                permit.put("held", false);
            }
            case 2 -> registration.put("residenceRegistrationDate", "2199-01-01");
            case 3 -> {
                object(body, "applicant").put("birthDate", "2199-01-01");
                object(body, "submission").put("applicantPresent", false);
            }
            case 4 -> {
                object(body, "applicant").put("hukouCity", body.path("cityName").asText("BEIJING"));
                object(body, "housing").put("housingType", "NONE");
                object(body, "submission").put("basisChosen", "RESIDENCE");
            }
            default -> {
                permit.put("status", "CANCELLED");
                permit.put("held", true);
                body.put("procedure", List.of("FIRST_APPLICATION", "REAPPLICATION", "REPLACEMENT_DAMAGED", "APPEAL",
                        "INFO_CHANGE").get(random.nextInt(5)));
            }
        }
    }

    /** The object at {@code name}, replacing whatever an earlier mutation left there. */
    private static ObjectNode object(ObjectNode parent, String name) {
        if (parent.get(name) instanceof ObjectNode existing) {
            return existing;
        }
        ObjectNode created = NODES.objectNode();
        parent.set(name, created);
        return created;
    }

    private static JsonNode wrongType(JsonNode current, Random random) {
        if (current != null && current.isTextual()) {
            return random.nextBoolean() ? NODES.numberNode(random.nextInt()) : NODES.booleanNode(true);
        }
        if (current != null && (current.isNumber() || current.isBoolean())) {
            return random.nextBoolean() ? NODES.textNode("yes") : NODES.arrayNode().add(current);
        }
        if (current != null && current.isContainerNode()) {
            return random.nextBoolean() ? NODES.textNode("{}") : NODES.numberNode(1);
        }
        return NODES.arrayNode().add(NODES.objectNode());
    }

    private static JsonNode number(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(-1);
            case 1 -> NODES.numberNode(Integer.MAX_VALUE);
            case 2 -> NODES.numberNode(Long.MAX_VALUE);
            case 3 -> NODES.numberNode(1.5);
            case 4 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 5 -> NODES.numberNode(1e300);
            default -> NODES.numberNode(10_001);
        };
    }

    /** Long, and now and then unusual, strings; kept under the 64K body limit (the 413 path has its own test). */
    private static String huge(Random random) {
        int length = 1_000 + random.nextInt(30_000);
        String unit = new String[]{"W", "北", "\\", "\"", "\uD83D\uDE00", "<script>", "%s%n", " "}[random.nextInt(8)];
        return unit.repeat(Math.max(1, length / unit.length() / (unit.codePointAt(0) > 127 ? 3 : 1)));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }

    /** A place in the request tree that a mutation can overwrite or delete. */
    private record Slot(JsonNode parentNode, String field, int index) {
        ObjectNode parent() {
            return parentNode instanceof ObjectNode o ? o : NODES.objectNode();
        }

        JsonNode get() {
            return field != null ? parentNode.get(field) : parentNode.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parentNode).set(field, value);
            } else {
                ((ArrayNode) parentNode).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parentNode).remove(field);
            } else {
                ((ArrayNode) parentNode).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
        if (slots.isEmpty()) {
            slots.add(new Slot(node, "asOf", -1));
        }
    }
}
