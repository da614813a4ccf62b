package org.residencepermit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.RuleBase;

/** Ready once a rule base is compiled and serving. */
@Readiness
@ApplicationScoped
public class RulesReadinessCheck implements HealthCheck {

    @Inject
    DecisionEngine engine;

    @Override
    public HealthCheckResponse call() {
        RuleBase ruleBase = engine.ruleBase();
        return HealthCheckResponse.named("rules")
                .status(ruleBase != null && !ruleBase.rules().isEmpty())
                .withData("rulesetVersion", ruleBase == null ? "none" : ruleBase.version())
                .withData("rules", ruleBase == null ? 0 : ruleBase.rules().size())
                .build();
    }
}
