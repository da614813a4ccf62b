package org.residencepermit.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** With decision.rules.watch=true, edited rules go live by themselves, and broken edits do not. */
@QuarkusTest
@TestProfile(RulesWatcherTest.Watching.class)
class RulesWatcherTest {
    /** A fixed path: Quarkus loads test classes twice, so a static temp directory would differ between the two. */
    static final Path COPY = Path.of("target/watched-rules").toAbsolutePath();

    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copyOfBundledRules();
            return Map.of("decision.rules.dir", COPY.toString(), "decision.rules.watch", "true",
                    "decision.rules.watch-interval", "200ms");
        }
    }

    @Test
    void aValidEditIsPickedUpAndABrokenOneIsNot() throws Exception {
        String original = version();
        Path notes = COPY.resolve("national/first-application.drl");
        String drl = Files.readString(notes);
        Files.writeString(notes, drl.replace("每年签注一次(居住每满1年之日前1个月内)。", "每年签注一次。"));
        String edited = awaitVersionChange(original);
        assertNotEquals(original, edited);

        Files.writeString(COPY.resolve("national/broken.drl"), "package org.residencepermit.rules.national;\nrule \"NAT-X-1 x\" @source(\"t\")\nwhen\n  Nope()\nthen\nend\n");
        Thread.sleep(3_000);
        assertEquals(edited, version(), "a rule set that does not compile must not replace the serving one");
    }

    private static String version() {
        return given().when().get("/api/v1/rules").then().statusCode(200).extract().path("rulesetVersion");
    }

    private static String awaitVersionChange(String from) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String now = version();
            if (!now.equals(from)) {
                return now;
            }
            Thread.sleep(100);
        }
        return from;
    }

    private static void copyOfBundledRules() {
        RulesFixtures.delete(COPY);
        RulesFixtures.copyOfRules(COPY);
    }
}
