package org.residencepermit.engine;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencepermit.model.City;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.Procedure;
import org.residencepermit.model.RequestAndDerived;
import org.residencepermit.testing.RulesFixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request and Derived patterns a rule wrote become one pattern on RequestAndDerived where that keeps the rule's
 * meaning, and the bundled rules decide every case as written, trace included.
 */
class MergedRequestPatternsTest {
    private static final Path RULES = Path.of("rules");
    private static final String HEADER = """
            package org.residencepermit.rules.test;
            import org.residencepermit.model.*;
            """;
    private static final String MERGED = RequestAndDerived.class.getName();

    @TempDir
    Path temp;

    private static PackageDescr merged(String rules) throws Exception {
        PackageDescr pkg = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL).parse(false, HEADER + rules);
        assertEquals(List.of(), MergedRequestPatterns.merge(Map.of("test.drl", pkg)));
        return pkg;
    }

    private static RuleDescr rule(PackageDescr pkg, String name) {
        return pkg.getRules().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
    }

    /** Each top-level element as "Type(constraint; constraint)", or its class for other elements. */
    private static List<String> lhs(PackageDescr pkg, String name) {
        List<String> shown = new ArrayList<>();
        for (BaseDescr element : rule(pkg, name).getLhs().getDescrs()) {
            if (element instanceof PatternDescr pattern) {
                List<String> constraints = ((AndDescr) pattern.getConstraint()).getDescrs().stream()
                        .map(c -> ((ExprConstraintDescr) c).getExpression()).toList();
                shown.add(pattern.getObjectType() + "(" + String.join("; ", constraints) + ")");
            } else {
                shown.add(element.getClass().getSimpleName());
            }
        }
        return shown;
    }

    private static String metadata(PackageDescr pkg, String name) {
        var annotation = rule(pkg, name).getAnnotation(MergedRequestPatterns.METADATA_KEY);
        return annotation == null ? null : annotation.getValue().toString();
    }

    @Test
    void theRequestAndTheDerivedPatternRightAfterItBecomeOnePatternWithTheirBindings() throws Exception {
        PackageDescr pkg = merged("""
                rule "both"
                when $r : DecisionRequest(procedure == Procedure.ENDORSEMENT, $held : permit.held)
                     $d : Derived(overdueDays > 0, $days : overdueDays)
                     eval($days > 3)
                then end
                """);
        assertEquals(List.of(MERGED + "($r : request; procedure == Procedure.ENDORSEMENT; $held : permit.held; "
                + "$d : derived; overdueDays > 0; $days : overdueDays)", "EvalDescr"), lhs(pkg, "both"));
        assertEquals("\"DecisionRequest,Derived\"", metadata(pkg, "both"));
    }

    @Test
    void aRequestOrDerivedPatternAloneIsRewrittenAlone() throws Exception {
        PackageDescr pkg = merged("""
                rule "request-only"
                when DecisionRequest(procedure == Procedure.APPEAL) RequiredDocument()
                then end
                rule "derived-only"
                when RequiredDocument() Derived(functionSuspended)
                then end
                """);
        assertEquals(List.of(MERGED + "(procedure == Procedure.APPEAL)", "RequiredDocument()"),
                lhs(pkg, "request-only"));
        assertEquals("\"DecisionRequest\"", metadata(pkg, "request-only"));
        assertEquals(List.of("RequiredDocument()", MERGED + "(functionSuspended)"), lhs(pkg, "derived-only"));
        assertEquals("\"Derived\"", metadata(pkg, "derived-only"));
    }

    @Test
    void thisBecomesTheFactThePatternMatchedOutsideLiterals() throws Exception {
        PackageDescr pkg = merged("""
                function boolean f(DecisionRequest r, Derived d, String s) { return true; }
                rule "this"
                when $r : DecisionRequest(f(this, null, "this"), thisIsNoKeyword != null)
                     Derived(f($r, this, 'this'))
                then end
                """);
        assertEquals(List.of(MERGED + "($r : request; f(request, null, \"this\"); thisIsNoKeyword != null; "
                + "f($r, derived, \"this\"))"), lhs(pkg, "this"), "the parser writes 'this' as \"this\"");
        // An escaped quote does not end a literal.
        assertEquals("f(\"a \\\"this\\\" b\", derived)",
                MergedRequestPatterns.replaceThis("f(\"a \\\"this\\\" b\", this)", "derived"));
    }

    @Test
    void patternsWhoseMeaningWouldChangeAreLeftAsWritten() throws Exception {
        String[] unchanged = {
                // Derived not right after the request: merging would reorder the trace's matched facts.
                "rule \"apart\" when DecisionRequest() RequiredDocument() Derived() then end",
                "rule \"from\" when $r : DecisionRequest() Derived() from $r then end",
                "rule \"two-requests\" when DecisionRequest(procedure == Procedure.APPEAL) DecisionRequest() then end",
                "rule \"positional\" when DecisionRequest(procedure == Procedure.APPEAL) Derived($a; ) then end",
                "rule \"parent\" when DecisionRequest() then end\n"
                        + "rule \"child\" extends \"parent\" when Derived() then end",
        };
        for (String drl : unchanged) {
            PackageDescr pkg = merged(drl);
            for (RuleDescr rule : pkg.getRules()) {
                assertNull(rule.getAnnotation(MergedRequestPatterns.METADATA_KEY), drl);
                assertTrue(lhs(pkg, rule.getName()).stream().noneMatch(p -> p.startsWith(MERGED)), drl);
            }
        }
        PackageDescr underNot = merged("rule \"not\" when DecisionRequest() not Derived(functionSuspended) then end");
        assertEquals(List.of(MERGED + "()", "NotDescr"), lhs(underNot, "not"), "only the top-level pattern");
    }

    @Test
    void theMetadataKeyIsReservedAndOnlyTheFactModelsTypesAreRewritten() throws Exception {
        String rule = "rule \"r\" @requestPatterns(\"Derived\") when DecisionRequest() then end";
        PackageDescr reserved = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL).parse(false, HEADER + rule);
        List<CompileError> errors = MergedRequestPatterns.merge(Map.of("a.drl", reserved));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("@requestPatterns is reserved"), errors.toString());

        PackageDescr declared = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL).parse(false,
                HEADER + "declare Derived end\nrule \"d\" when Derived() then end");
        assertEquals(List.of(), MergedRequestPatterns.merge(Map.of("a.drl", declared)));
        assertEquals(List.of("Derived()"), lhs(declared, "d"));
    }

    /** A copy of the bundled rules with one more national DRL file. */
    private Path rulesWithNationalFile(String name, String drl) throws Exception {
        RulesFixtures.quietDroolsLogging();
        Path rules = RulesFixtures.copyOfRules(temp.resolve("rules"));
        Files.writeString(rules.resolve("national").resolve(name), drl);
        return rules;
    }

    /**
     * A constraint the rewritten pattern cannot compile (a method of DecisionRequest called on the pattern's fact)
     * leaves the package as written: it compiles and decides as the analyst wrote it.
     */
    @Test
    void aPackageTheRewriteCannotCompileIsCompiledAsWritten() throws Exception {
        Path rules = rulesWithNationalFile("method-call.drl", """
                package org.residencepermit.rules.national;
                import org.residencepermit.model.*;
                import org.residencepermit.model.outcome.*;
                rule "NAT-TEST-1 method-call"
                    @title("测试") @source("test")
                when
                    DecisionRequest(procedure().name() == "APPEAL", asOf.getYear() > 2000)
                then
                    insert(new Note("fired"));
                end
                """);
        RuleBase ruleBase = new RuleCompiler(getClass().getClassLoader()).compileAfresh(rules);
        var national = ruleBase.packages().get(Jurisdiction.NATIONAL);
        assertTrue(national.stream().flatMap(p -> p.getRules().stream())
                        .noneMatch(r -> r.getMetaData().containsKey(MergedRequestPatterns.METADATA_KEY)),
                "the whole national package is compiled as written");
        assertTrue(ruleBase.packages().get("beijing").stream().flatMap(p -> p.getRules().stream())
                .anyMatch(r -> r.getMetaData().containsKey(MergedRequestPatterns.METADATA_KEY)), "other packages merge");
        DecisionEngine engine = new DecisionEngine(RULES, getClass().getClassLoader());
        Decision decision = engine.decide(ruleBase, new DecisionRequest(LocalDate.of(2027, 3, 1), City.OTHER, null,
                null, Procedure.APPEAL, null, null, null, null, null, null, null, null, null, null, null), true);
        assertTrue(decision.ruleIds().contains("NAT-TEST-1"), decision.ruleIds().toString());
    }

    /** An analyst's mistake is reported for the DRL they wrote, not for the rewritten pattern. */
    @Test
    void compileErrorsNameTheDrlAsWritten() throws Exception {
        Path rules = rulesWithNationalFile("mistake.drl", """
                package org.residencepermit.rules.national;
                import org.residencepermit.model.*;
                rule "NAT-TEST-2 unknown-field"
                    @title("测试") @source("test")
                when
                    DecisionRequest(procedure == Procedure.APPEAL, noSuchField == 1)
                    Derived(overdueDays > 0)
                then
                end
                """);
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> new RuleCompiler(getClass().getClassLoader()).compileAfresh(rules));
        String messages = e.errors().toString();
        assertTrue(e.errors().stream().anyMatch(error -> error.file().equals("national/mistake.drl")
                && error.message().contains("noSuchField")), messages);
        assertFalse(messages.contains(RequestAndDerived.class.getSimpleName()), messages);
    }

    @Test
    void everyCaseIsDecidedAsWrittenTraceIncluded() throws Exception {
        RulesFixtures.quietDroolsLogging();
        ClassLoader loader = getClass().getClassLoader();
        DecisionEngine engine = new DecisionEngine(RULES, loader);
        RuleBase merged = engine.ruleBase();
        RuleBase asWritten = new RuleCompiler(loader, false).compileAfresh(RULES);
        long mergedRules = merged.packages().values().stream().flatMap(pkgs -> pkgs.stream())
                .flatMap(p -> p.getRules().stream())
                .filter(r -> r.getMetaData().containsKey(MergedRequestPatterns.METADATA_KEY)).count();
        assertTrue(mergedRules > 400, "rules merged: " + mergedRules);

        RulesFixtures.assertEveryCaseDecidedAlike(engine, asWritten, "as written", merged, "merged");
    }
}
