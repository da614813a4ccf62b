package org.residencepermit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.CaseRunner;
import org.residencepermit.cases.TestCase;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The published rulebook cases (rules/&#42;/cases/rulebook.yaml, copied from cases.json) through the real HTTP endpoint:
 * same comparison as the in-process runner, but on the JSON the service actually sends.
 */
@QuarkusTest
class RulebookCasesOverHttpTest {
    private final ObjectMapper json = new ObjectMapper();
    private final CaseRunner runner = new CaseRunner();

    @TestFactory
    Stream<DynamicTest> everyRulebookCaseOverHttp() {
        List<TestCase> cases = CaseFiles.load(Path.of("rules"), null).stream()
                .filter(c -> c.file().getFileName().toString().equals("rulebook.yaml")).toList();
        assertTrue(cases.size() >= 30, "expected the 30 rulebook cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ObjectNode request = c.request();
            String body = given().contentType(ContentType.JSON).body(request.toString())
                    .when().post("/api/v1/decisions")
                    .then().statusCode(200).extract().asString();
            JsonNode decision = json.readTree(body);
            List<String> mismatches = runner.compare(c.expect(), decision);
            if (!mismatches.isEmpty()) {
                fail("case '" + c.name() + "' (" + c.file() + ") over HTTP:\n  - " + String.join("\n  - ", mismatches));
            }
        }));
    }
}
