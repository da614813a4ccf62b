package org.residencepermit.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.residencepermit.model.City;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Regime;
import org.residencepermit.testing.RulesFixtures;
import org.residencepermit.model.Topic;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule is left out of a jurisdiction's KieBase only when its Regime guard can never hold there, and a decision leaves
 * out only the regime facts that no rule able to fire for its procedure could match.
 */
class RuleScopeTest {
    private static final Jurisdiction NATIONAL = new Jurisdiction("national", City.OTHER, "全国", Set.of(), List.of());
    private static final Jurisdiction BEIJING =
            new Jurisdiction("beijing", City.BEIJING, "北京", Set.of(Topic.ENDORSEMENT), List.of());

    private static final String DRL = """
            package org.residencepermit.rules.test;
            import org.residencepermit.model.*;
            rule "national-endorsement"
            when Regime(topic == Topic.ENDORSEMENT, jurisdiction == "national") DecisionRequest()
            then end
            rule "beijing-endorsement"
            when Regime(topic == Topic.ENDORSEMENT, jurisdiction == "beijing") DecisionRequest()
            then end
            rule "national-endorsement-or-proxy"
            when Regime(topic in (Topic.ENDORSEMENT, Topic.PROXY), jurisdiction == "national") DecisionRequest()
            then end
            rule "unguarded"
            when DecisionRequest()
            then end
            rule "guard-under-not"
            when not Regime(topic == Topic.ENDORSEMENT, jurisdiction == "national") DecisionRequest()
            then end
            rule "jurisdiction-bound-not-literal"
            when DecisionRequest($c : city) Regime(topic == Topic.ENDORSEMENT, jurisdiction == $c.name())
            then end
            """;

    private static Map<String, RuleScope> scopes;

    @BeforeAll
    static void compile() {
        RulesFixtures.quietDroolsLogging();
        scopes = scopesOf(DRL);
    }

    @Test
    void aNationalRuleOfAnOverriddenTopicCannotFireInTheCity() {
        assertTrue(scopes.get("national-endorsement").canFire(NATIONAL));
        assertFalse(scopes.get("national-endorsement").canFire(BEIJING));
        assertTrue(scopes.get("beijing-endorsement").canFire(BEIJING));
        assertFalse(scopes.get("beijing-endorsement").canFire(NATIONAL));
    }

    @Test
    void aGuardOverSeveralTopicsHoldsWhileOneOfThemIsStillNational() {
        assertTrue(scopes.get("national-endorsement-or-proxy").canFire(BEIJING));
        Jurisdiction overridesBoth = new Jurisdiction("x", City.SHANGHAI, "x",
                Set.of(Topic.ENDORSEMENT, Topic.PROXY), List.of());
        assertFalse(scopes.get("national-endorsement-or-proxy").canFire(overridesBoth));
    }

    @Test
    void rulesWithoutARecognisedPositiveGuardAreKeptEverywhere() {
        for (String name : List.of("unguarded", "guard-under-not", "jurisdiction-bound-not-literal")) {
            assertTrue(scopes.get(name).canFire(NATIONAL), name);
            assertTrue(scopes.get(name).canFire(BEIJING), name);
        }
    }

    @Test
    void readsTheTopicConstantsOfAGuard() {
        assertEquals(Set.of(Topic.PROXY), RuleScope.topics("topic == Topic.PROXY"));
        // Drools hands "topic in (A, B)" over as a disjunction.
        assertEquals(Set.of(Topic.PROXY, Topic.APPEAL),
                RuleScope.topics("topic == Topic.PROXY || topic == Topic.APPEAL"));
        assertEquals(Set.of(Topic.values()), RuleScope.topics("topic == Topic.PROXY || city == City.OTHER"));
        assertEquals(Set.of(Topic.values()), RuleScope.topics("topic == $t"));
        assertEquals("beijing", RuleScope.stringLiteral("jurisdiction == \"beijing\"", "jurisdiction"));
    }

    @Test
    void aDecisionGetsTheRegimeFactsOfTheRulesThatCanFireForItsProcedure() {
        Jurisdiction city = new Jurisdiction("beijing", City.BEIJING, "北京",
                Set.of(Topic.ENDORSEMENT, Topic.FIRST_APPLICATION), List.of());
        Map<Procedure, List<Regime>> facts = RuleScope.regimeFacts(city, scopesOf(PROCEDURES_DRL).values());

        Regime firstApplication = new Regime(Topic.FIRST_APPLICATION, "beijing");
        Regime endorsement = new Regime(Topic.ENDORSEMENT, "beijing");
        Regime addressProof = new Regime(Topic.ADDRESS_PROOF, "national");
        assertEquals(List.of(firstApplication, endorsement), facts.get(Procedure.FIRST_APPLICATION));
        assertEquals(List.of(firstApplication, endorsement), facts.get(Procedure.REAPPLICATION));
        assertEquals(List.of(addressProof, endorsement), facts.get(Procedure.RESIDENCE_REGISTRATION));
        // Only the rule without a procedure constraint can fire for an appeal.
        assertEquals(List.of(endorsement), facts.get(Procedure.APPEAL));
        // The national first-application rule cannot fire in a city that overrides the topic: it needs nothing.
        Jurisdiction national = new Jurisdiction("national", City.OTHER, "全国", Set.of(), List.of());
        assertEquals(List.of(new Regime(Topic.ADDRESS_PROOF, "national"), new Regime(Topic.ENDORSEMENT, "national")),
                RuleScope.regimeFacts(national, scopesOf(PROCEDURES_DRL).values()).get(Procedure.RESIDENCE_REGISTRATION));
    }

    @Test
    void aRegimePatternOutsideTheGuardsMakesEveryRegimeFactNeededForEveryProcedure() {
        String drl = PROCEDURES_DRL + """
                rule "no-national-proxy"
                when DecisionRequest(procedure == Procedure.APPEAL) not Regime(topic == Topic.PROXY, jurisdiction == "national")
                then end
                """;
        Map<Procedure, List<Regime>> facts = RuleScope.regimeFacts(NATIONAL, scopesOf(drl).values());
        for (Procedure procedure : Procedure.values()) {
            assertEquals(Topic.values().length, facts.get(procedure).size(), procedure.name());
        }
    }

    private static final String PROCEDURES_DRL = """
            package org.residencepermit.rules.test;
            import org.residencepermit.model.*;
            rule "beijing-first-application"
            when Regime(topic == Topic.FIRST_APPLICATION, jurisdiction == "beijing")
                 DecisionRequest(procedure in (Procedure.FIRST_APPLICATION, Procedure.REAPPLICATION))
            then end
            rule "national-first-application"
            when Regime(topic == Topic.FIRST_APPLICATION, jurisdiction == "national")
                 DecisionRequest(procedure == Procedure.FIRST_APPLICATION)
            then end
            rule "address-proof"
            when Regime(topic == Topic.ADDRESS_PROOF, jurisdiction == "national")
                 DecisionRequest(procedure == Procedure.RESIDENCE_REGISTRATION, city == City.BEIJING)
            then end
            rule "endorsement-for-any-procedure"
            when Regime(topic == Topic.ENDORSEMENT) DecisionRequest()
            then end
            """;

    private static Map<String, RuleScope> scopesOf(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertFalse(builder.hasErrors(), builder.getErrors().toString());
        Map<String, RuleScope> result = new HashMap<>();
        for (KiePackage pkg : builder.getKnowledgePackages()) {
            for (Rule rule : pkg.getRules()) {
                result.put(rule.getName(), RuleScope.of((RuleImpl) rule));
            }
        }
        return result;
    }
}
