package org.residencepermit.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;

/** POST /api/v1/decisions: one request in, one decision out; {@code ?explain=true} adds the rule trace. */
@Path("/api/v1/decisions")
public class DecisionResource {

    @Inject
    DecisionEngine engine;

    @Inject
    MeterRegistry registry;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Decision decide(DecisionRequest request, @QueryParam("explain") boolean explain) {
        Timer.Sample sample = Timer.start(registry);
        Decision decision = engine.decide(request, explain);
        String city = decision.city().name();
        String procedure = decision.procedure().name();
        sample.stop(registry.timer("decision.latency", "city", city, "procedure", procedure));
        registry.counter("decisions", "city", city, "procedure", procedure, "verdict", decision.verdict().name())
                .increment();
        return decision;
    }
}
