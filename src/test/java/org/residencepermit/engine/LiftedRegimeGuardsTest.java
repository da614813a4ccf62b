package org.residencepermit.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.io.DescrResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.residencepermit.model.City;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.RuleFiring;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.Regime;
import org.residencepermit.model.Topic;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leading Regime guards in the documented forms become rule metadata before compiling, and still decide in which
 * KieBases the rule stands; every other use of Regime stays a pattern.
 */
class LiftedRegimeGuardsTest {
    private static final Jurisdiction NATIONAL = new Jurisdiction("national", City.OTHER, "全国", Set.of(), List.of());
    private static final Jurisdiction BEIJING = new Jurisdiction("beijing", City.BEIJING, "北京",
            Set.of(Topic.ENDORSEMENT, Topic.REAPPLICATION), List.of());

    private static final String DRL = """
            package org.residencepermit.rules.test;
            import org.residencepermit.model.*;
            rule "national-endorsement"
            when Regime(topic == Topic.ENDORSEMENT, jurisdiction == "national")
                 DecisionRequest(procedure == Procedure.ENDORSEMENT)
            then end
            rule "beijing-endorsement-or-reapplication"
            when Regime(topic in (Topic.ENDORSEMENT, Topic.REAPPLICATION), jurisdiction == "beijing")
                 DecisionRequest(procedure in (Procedure.ENDORSEMENT, Procedure.REAPPLICATION))
            then end
            rule "two-guards-no-jurisdiction"
            when Regime(topic == Topic.SCOPE)
                 Regime( jurisdiction=="national" , topic==Topic.APPEAL )
                 DecisionRequest()
            then end
            rule "bound-guard"
            when Regime(topic == Topic.PROXY, $j : jurisdiction) DecisionRequest()
            then end
            rule "guard-after-request"
            when DecisionRequest(procedure == Procedure.APPEAL) Regime(topic == Topic.APPEAL, jurisdiction == "national")
            then end
            rule "guard-under-not"
            when not Regime(topic == Topic.PROXY, jurisdiction == "national") DecisionRequest()
            then end
            rule "guard-with-another-constraint"
            when Regime(topic == Topic.PROXY, jurisdiction != "beijing") DecisionRequest()
            then end
            rule "disjunction"
            when Regime(topic == Topic.PROXY || topic == Topic.SCOPE) DecisionRequest()
            then end
            """;

    private static PackageDescr lifted;
    private static Map<String, Rule> compiled;

    @BeforeAll
    static void liftAndCompile() throws Exception {
        RulesFixtures.quietDroolsLogging();
        lifted = parse(DRL);
        assertEquals(List.of(), LiftedRegimeGuards.lift(Map.of("test.drl", lifted)));
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(new DescrResource(lifted), ResourceType.DESCR);
        assertFalse(builder.hasErrors(), builder.getErrors().toString());
        compiled = new HashMap<>();
        for (KiePackage pkg : builder.getKnowledgePackages()) {
            for (Rule rule : pkg.getRules()) {
                compiled.put(rule.getName(), rule);
            }
        }
    }

    private static PackageDescr parse(String drl) throws Exception {
        return new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL).parse(false, drl);
    }

    private static List<String> patterns(String rule) {
        return patterns(lifted, rule);
    }

    private static List<String> patterns(PackageDescr pkg, String rule) {
        RuleDescr descr = pkg.getRules().stream().filter(r -> r.getName().equals(rule)).findFirst().orElseThrow();
        return descr.getLhs().getAllPatternDescr().stream().map(PatternDescr::getObjectType).toList();
    }

    private static final String GUARDED = """
            rule "%s"
            when Regime(topic == Topic.ENDORSEMENT, jurisdiction == "national") DecisionRequest()
            then end
            """;

    @Test
    void rulesThatExtendOrAreExtendedKeepTheirGuardsAcrossFiles() throws Exception {
        PackageDescr parent = parse(HEADER + GUARDED.formatted("parent") + GUARDED.formatted("other"));
        PackageDescr child = parse(HEADER + """
                rule "child" extends "parent"
                when Derived()
                then end
                """);
        assertEquals(List.of(), LiftedRegimeGuards.lift(Map.of("a.drl", parent, "b.drl", child)));
        assertTrue(patterns(parent, "parent").contains("Regime"), "a parent's guard is copied into its children");
        assertFalse(patterns(parent, "other").contains("Regime"));
    }

    @Test
    void onlyTheFactModelsRegimeAndTopicAreLifted() throws Exception {
        PackageDescr unimported = parse("package org.residencepermit.rules.test;\n" + GUARDED.formatted("r"));
        PackageDescr foreign = parse(HEADER + "import org.example.Regime;\n" + GUARDED.formatted("r"));
        PackageDescr declared = parse(HEADER + "declare Topic end\n" + GUARDED.formatted("r"));
        for (PackageDescr pkg : List.of(unimported, foreign, declared)) {
            assertEquals(List.of(), LiftedRegimeGuards.lift(Map.of("a.drl", pkg)));
            assertTrue(patterns(pkg, "r").contains("Regime"), "left for Drools to resolve or reject");
        }
    }

    @Test
    void aRuleMayNotInsertRegimeFacts() throws Exception {
        PackageDescr pkg = parse(HEADER + """
                rule "r"
                when DecisionRequest()
                then insert(new Regime(Topic.SCOPE, "beijing"));
                end
                """);
        List<CompileError> errors = LiftedRegimeGuards.lift(Map.of("national/a.drl", pkg));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("must not insert Regime"), errors.toString());
    }

    @Test
    void theMetadataKeyIsReserved() throws Exception {
        PackageDescr pkg = parse(HEADER + """
                rule "r" @regimeGuards("SCOPE@*")
                when DecisionRequest()
                then end
                """);
        List<CompileError> errors = LiftedRegimeGuards.lift(Map.of("national/a.drl", pkg));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("national/a.drl", errors.get(0).file());
        assertTrue(errors.get(0).message().contains("reserved"), errors.toString());
    }

    @Test
    void aGuardOverTwoGovernedTopicsFiresOnceAndTheTraceShowsNoDroolsInternals(@TempDir Path rules) throws Exception {
        Path national = Files.createDirectories(rules.resolve("national"));
        Files.writeString(national.resolve("jurisdiction.yaml"), "id: national\ncity: OTHER\nname: 全国\n");
        Files.writeString(national.resolve("test.drl"), """
                package org.residencepermit.rules.national;
                import org.residencepermit.model.*;
                import org.residencepermit.model.outcome.*;
                rule "NAT-T-1 two-topics" @title("t") @source("s")
                when Regime(topic in (Topic.ENDORSEMENT, Topic.REAPPLICATION), jurisdiction == "national")
                     DecisionRequest(procedure == Procedure.ENDORSEMENT)
                then insert(new Note("two topics")); end
                rule "NAT-T-2 guard-then-not" @title("t") @source("s")
                when Regime(topic == Topic.APPEAL, jurisdiction == "national")
                     not Eligible()
                then insert(new Note("nothing eligible")); end
                """);
        DecisionEngine engine = new DecisionEngine(rules, LiftedRegimeGuardsTest.class.getClassLoader());
        DecisionRequest request = Json.mapper().readValue(
                "{\"asOf\": \"2025-03-03\", \"city\": \"OTHER\", \"procedure\": \"ENDORSEMENT\"}",
                DecisionRequest.class);
        List<RuleFiring> trace = engine.decide(request, true).trace();

        List<RuleFiring> twoTopics = trace.stream().filter(f -> f.rule().equals("NAT-T-1 two-topics")).toList();
        assertEquals(1, twoTopics.size(), "a guard is a condition, not one firing per regime fact: " + trace);
        assertEquals(List.of("Regime[topic=ENDORSEMENT, jurisdiction=national]",
                "Regime[topic=REAPPLICATION, jurisdiction=national]"), twoTopics.get(0).matched().subList(0, 2));
        RuleFiring notEligible = trace.stream().filter(f -> f.rule().equals("NAT-T-2 guard-then-not"))
                .findFirst().orElseThrow();
        assertEquals(List.of("Regime[topic=APPEAL, jurisdiction=national]"), notEligible.matched());
    }

    private static final String HEADER = """
            package org.residencepermit.rules.test;
            import org.residencepermit.model.*;
            """;

    @Test
    void leadingGuardsBecomeMetadata() {
        assertEquals(List.of("DecisionRequest"), patterns("national-endorsement"));
        assertEquals(List.of(new RegimeGuard(Set.of(Topic.ENDORSEMENT), "national")),
                LiftedRegimeGuards.of(compiled.get("national-endorsement")));
        assertEquals(List.of(new RegimeGuard(Set.of(Topic.ENDORSEMENT, Topic.REAPPLICATION), "beijing")),
                LiftedRegimeGuards.of(compiled.get("beijing-endorsement-or-reapplication")));
        assertEquals(List.of("DecisionRequest"), patterns("two-guards-no-jurisdiction"));
        assertEquals(List.of(new RegimeGuard(Set.of(Topic.SCOPE), null),
                        new RegimeGuard(Set.of(Topic.APPEAL), "national")),
                LiftedRegimeGuards.of(compiled.get("two-guards-no-jurisdiction")));
    }

    @Test
    void everyOtherUseOfRegimeStaysAPattern() {
        for (String rule : List.of("bound-guard", "guard-after-request", "guard-with-another-constraint",
                "disjunction")) {
            assertTrue(patterns(rule).contains("Regime"), rule);
            assertEquals(List.of(), LiftedRegimeGuards.of(compiled.get(rule)), rule);
        }
        assertEquals(List.of(), LiftedRegimeGuards.of(compiled.get("guard-under-not")));
    }

    @Test
    void liftedGuardsStillChooseTheKieBasesButNeedNoRegimeFacts() {
        RuleScope national = RuleScope.of((RuleImpl) compiled.get("national-endorsement"));
        assertTrue(national.canFire(NATIONAL));
        assertFalse(national.canFire(BEIJING));
        RuleScope beijing = RuleScope.of((RuleImpl) compiled.get("beijing-endorsement-or-reapplication"));
        assertTrue(beijing.canFire(BEIJING));
        assertFalse(beijing.canFire(NATIONAL));

        Map<Procedure, List<Regime>> facts = RuleScope.regimeFacts(BEIJING, List.of(beijing));
        facts.values().forEach(regimes -> assertEquals(List.of(), regimes));
        // A guard left as a pattern still gets its fact.
        RuleScope patternGuard = RuleScope.of((RuleImpl) compiled.get("guard-after-request"));
        assertEquals(List.of(new Regime(Topic.APPEAL, "national")),
                RuleScope.regimeFacts(BEIJING, List.of(beijing, patternGuard)).get(Procedure.APPEAL));
    }

    @Test
    void theTraceShowsTheRegimeFactsThatMadeAGuardHold() {
        RegimeGuard guard = new RegimeGuard(Set.of(Topic.REAPPLICATION, Topic.ENDORSEMENT), "beijing");
        assertEquals(List.of(new Regime(Topic.ENDORSEMENT, "beijing"), new Regime(Topic.REAPPLICATION, "beijing")),
                guard.factsIn(BEIJING));
        assertEquals(List.of(new Regime(Topic.APPEAL, "national")),
                new RegimeGuard(Set.of(Topic.APPEAL), null).factsIn(BEIJING));
        assertEquals(List.of(guard), RegimeGuard.decodeAll(guard.encode()));
    }
}
