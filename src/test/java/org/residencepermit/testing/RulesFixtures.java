package org.residencepermit.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.residencepermit.cases.CaseFiles;
import org.residencepermit.cases.TestCase;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.Json;
import org.residencepermit.engine.PrecompiledRules;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.model.DecisionRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Temporary copies of the rule base, and comparisons of rule bases, for tests that compile rule sets outside the service. */
public final class RulesFixtures {

    private RulesFixtures() {
    }

    /**
     * Outside Quarkus the JBoss LogManager on the test class path starts at level ALL, and Drools would format a TRACE
     * line for every fact; the service runs org.drools and org.kie at WARN, so do the same here.
     */
    public static void quietDroolsLogging() {
        for (String category : new String[]{"org.drools", "org.kie"}) {
            org.jboss.logmanager.LogContext.getLogContext().getLogger(category)
                    .setLevel(java.util.logging.Level.WARNING);
        }
    }

    /**
     * A copy of rules/ as in the repository: without a precompiled file an analyst's validation may have left there,
     * so that tests see the same origins everywhere.
     */
    public static Path copyOfRules(Path target) {
        Path source = Path.of("rules");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals(PrecompiledRules.FILE_NAME)).toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The rule {@link #addBeijingMarkerRule} adds: it fires on every Beijing request. */
    public static final String BEIJING_MARKER_RULE_ID = "TEST-MARK-1";

    /**
     * An analyst's edit to Beijing's rules in a copy: a new file with one rule that fires on every Beijing request,
     * so that a decision shows whether the edit is in service.
     */
    public static void addBeijingMarkerRule(Path rules) {
        try {
            Files.writeString(rules.resolve("beijing/zz-marker.drl"), """
                    package org.residencepermit.rules.beijing;
                    import org.residencepermit.model.*;
                    import org.residencepermit.model.outcome.*;
                    rule "TEST-MARK-1 beijing-edited"
                        @title("测试标记")
                        @source("test fixture")
                    when
                        DecisionRequest()
                    then
                        insert(new Note("beijing edited"));
                    end
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that two rule bases compiled from the bundled rules decide every bundled case alike, explained: the
     * whole decision as JSON, trace included. A difference names the case and both answers, labelled.
     */
    public static void assertEveryCaseDecidedAlike(DecisionEngine engine, RuleBase expected, String expectedLabel,
                                                   RuleBase actual, String actualLabel) throws Exception {
        ObjectMapper json = Json.mapper();
        List<String> differing = new ArrayList<>();
        List<TestCase> cases = CaseFiles.load(Path.of("rules"), null);
        for (TestCase c : cases) {
            DecisionRequest request = json.treeToValue(c.request(), DecisionRequest.class);
            String expectedJson = json.writeValueAsString(engine.decide(expected, request, true));
            String actualJson = json.writeValueAsString(engine.decide(actual, request, true));
            if (!expectedJson.equals(actualJson)) {
                differing.add(c.name() + ": " + expectedLabel + " " + expectedJson + "\n  " + actualLabel + " "
                        + actualJson);
            }
        }
        assertTrue(cases.size() > 100, "the bundled cases were found");
        assertEquals(List.of(), differing);
    }
}
