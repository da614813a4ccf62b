package org.residencepermit.cases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.RuleInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The single data-driven runner: every case file under {@code rules/} becomes one JUnit test per case, named after
 * it. Afterwards it writes the rule-coverage report ({@code target/rule-coverage.md}) and fails when any rule of
 * {@code rules/} was fired by no case: every rule by its jurisdiction and full name, not only every rulebook ID (one
 * ID often has several rules, e.g. the one that asks for a missing fact).
 */
class RuleCasesTest {
    private static final Path RULES = Path.of(System.getProperty("rules.dir", "rules"));
    /** -Dcases.jurisdiction=beijing runs (and reports coverage for) one jurisdiction only. */
    private static final String ONLY = System.getProperty("cases.jurisdiction");
    private static DecisionEngine engine;
    private static final Map<String, Integer> casesPerRule = new ConcurrentHashMap<>();
    private static final CaseRunner runner = new CaseRunner();

    @BeforeAll
    static void compileRules() {
        engine = new DecisionEngine(RULES, RuleCasesTest.class.getClassLoader());
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFileUnderRules() {
        List<TestCase> cases = CaseFiles.load(RULES, ONLY);
        assertTrue(cases.size() > 0, "no case files found under " + RULES.toAbsolutePath());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c.file().toUri(), () -> {
            CaseResult result = runner.run(engine, engine.ruleBase(), c, true);
            if (result.decision() != null) {
                result.decision().trace().stream().map(firing -> firing.jurisdiction() + " " + firing.rule())
                        .distinct().forEach(rule -> casesPerRule.merge(rule, 1, Integer::sum));
            }
            if (!result.passed()) {
                fail(result.report());
            }
        }));
    }

    @AfterAll
    static void everyRuleIsFiredByAtLeastOneCase() throws IOException {
        Map<String, Integer> coverage = new TreeMap<>();
        for (RuleInfo rule : engine.ruleBase().rules()) {
            if (ONLY != null && !rule.jurisdiction().equals(ONLY)) {
                continue;
            }
            String key = rule.jurisdiction() + " " + rule.name();
            coverage.put(key, casesPerRule.getOrDefault(key, 0));
        }
        StringBuilder report = new StringBuilder("# Rule coverage\n\n| jurisdiction | rule | cases that fired it |\n|---|---|---|\n");
        coverage.forEach((key, count) -> {
            String[] parts = key.split(" ", 2);
            report.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ").append(count).append(" |\n");
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/rule-coverage.md"), report);
        System.out.println(report);
        List<String> unfired = coverage.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        if (!unfired.isEmpty()) {
            fail("rules fired by no case (see target/rule-coverage.md): " + unfired);
        }
    }
}
