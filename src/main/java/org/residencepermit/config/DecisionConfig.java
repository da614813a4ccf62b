package org.residencepermit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Service configuration (application.properties or environment, e.g. DECISION_ADMIN_API_KEY). */
@ConfigMapping(prefix = "decision")
public interface DecisionConfig {

    Rules rules();

    Admin admin();

    /** When set, decision endpoints also require this key in the X-API-Key header; open by default. */
    Optional<String> apiKey();

    /** Decide the rules' cases through the service's own endpoint after start-up, then exit (see TrainingRun). */
    @WithDefault("false")
    boolean trainingRun();

    interface Rules {
        /** The rules directory compiled at start-up and on reload. */
        @WithDefault("rules")
        String dir();

        /** Reload automatically when files under the rules directory change (off by default). */
        @WithDefault("false")
        boolean watch();

        @WithDefault("5s")
        Duration watchInterval();

        /**
         * After start-up, compile the DRL once in the background so that the first reload is as fast as later ones;
         * costs about 60-100 MB of resident memory for the compiler (off by default).
         */
        @WithDefault("false")
        boolean warmCompiler();

        /** Run one full garbage collection after each reload, so that the heap it grew is returned (see RuleReloads). */
        @WithDefault("true")
        boolean gcAfterReload();
    }

    interface Admin {
        /** The key admin endpoints require in X-API-Key; when absent, admin endpoints are disabled. */
        Optional<String> apiKey();
    }
}
