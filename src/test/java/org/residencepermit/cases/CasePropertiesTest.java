package org.residencepermit.cases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled rules have every {@link CaseProperties} property, each tried on enough requests to mean something. */
class CasePropertiesTest {
    private static final Path RULES = Path.of("rules");
    private static CaseProperties properties;

    @BeforeAll
    static void loadRulesAndCases() {
        RulesFixtures.quietDroolsLogging();
        properties = new CaseProperties(new DecisionEngine(RULES, CasePropertiesTest.class.getClassLoader()),
                CaseFiles.load(RULES, null));
    }

    @Test
    void anUnknownFactNeverTurnsOneDefiniteVerdictIntoTheOther() {
        assertHolds(properties.unknownFactsThatDecide(), 5_000);
    }

    @Test
    void theFactsAskedForAreNeverOnesTheRequestGave() {
        assertHolds(properties.factsAskedForThatWereGiven(), 8_000);
    }

    @Test
    void theSameRequestOnItsEarliestEligibleDateIsNotRefused() {
        assertHolds(properties.earliestDatesThatAreRefused(), 15);
    }

    @Test
    void oneDocumentOfEachRequirementIsEnoughAndEachIsNeeded() {
        assertHolds(properties.documentListsThatMislead(), 100);
    }

    private static void assertHolds(CaseProperties.Check check, int atLeastTried) {
        assertTrue(check.tried() >= atLeastTried, check.property() + ": tried on only " + check.tried() + " requests");
        assertTrue(check.violations().isEmpty(), check.property() + ": " + check.violations().size() + " of "
                + check.tried() + " requests break it:\n" + String.join("\n", check.violations()));
    }
}
