package org.residencepermit.config;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.residencepermit.engine.DecisionEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Optional (decision.rules.watch=true): polls the rules directory and reloads when a file changes. A rule set that
 * fails validation is logged and not swapped in, exactly as with the reload endpoint.
 */
@ApplicationScoped
public class RulesWatcher {
    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);
    private ScheduledExecutorService scheduler;
    private long lastSeen;

    void start(@Observes StartupEvent event, DecisionConfig config, DecisionEngine engine, RuleReloads reloads) {
        if (!config.rules().watch()) {
            return;
        }
        Path dir = engine.rulesDirectory();
        lastSeen = newestModification(dir);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rules-watcher"));
        long interval = config.rules().watchInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> check(dir, reloads), interval, interval, TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for rule changes every %d ms", dir, interval);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void check(Path dir, RuleReloads reloads) {
        try {
            long newest = newestModification(dir);
            if (newest == lastSeen) {
                return;
            }
            lastSeen = newest;
            reloads.reload();   // logs what it did
        } catch (RuntimeException e) {
            LOG.warn("Rule watcher check failed", e);
        }
    }

    private static long newestModification(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
