package org.residencepermit.testing;

import org.residencepermit.engine.PrecompiledRules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary copies of the rule base for tests that compile rule sets outside the service. */
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
}
