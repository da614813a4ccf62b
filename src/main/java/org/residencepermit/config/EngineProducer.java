package org.residencepermit.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.residencepermit.cases.RuleSetValidator;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.RuleCompilationException;

import java.nio.file.Path;

/** Creates the engine once, at start-up, on the configured rules directory (default: the bundled ./rules). */
@ApplicationScoped
public class EngineProducer {
    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    @Produces
    @Singleton
    @Startup
    DecisionEngine engine(DecisionConfig config) {
        Path dir = Path.of(config.rules().dir()).toAbsolutePath().normalize();
        long start = System.nanoTime();
        DecisionEngine engine = new DecisionEngine(dir, Thread.currentThread().getContextClassLoader());
        LOG.infof("Loaded %d rules of %d jurisdictions from %s in %d ms (ruleset %s; packages %s)",
                engine.ruleBase().rules().size(), engine.ruleBase().jurisdictions().size(), dir,
                (System.nanoTime() - start) / 1_000_000, engine.ruleBase().version(),
                engine.ruleBase().packageOrigins());
        // Serve at once; the KieBases and Drools' lazily compiled constraints warm up meanwhile.
        boolean warmCompiler = config.rules().warmCompiler();
        Thread warmUp = new Thread(() -> {
            try {
                engine.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("Warm-up stopped; requests will prepare what they need", e);
            }
            if (warmCompiler) {
                long compileStart = System.nanoTime();
                try {
                    engine.warmUpCompiler();
                    LOG.infof("DRL compiler warmed up for reloads in %d ms",
                            (System.nanoTime() - compileStart) / 1_000_000);
                } catch (RuleCompilationException e) {
                    LOG.warnf("DRL compiler warmed up, but the rules on disk no longer compile: %s", e.getMessage());
                }
            }
        }, "rules-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return engine;
    }

    @Produces
    @Singleton
    RuleSetValidator validator(DecisionEngine engine) {
        return new RuleSetValidator(engine);
    }
}
