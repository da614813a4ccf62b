package org.residencepermit.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.InvalidRequestException;
import org.residencepermit.model.Decision;
import org.residencepermit.model.DecisionRequest;

import java.util.List;

/** POST /api/v1/decisions: one request in, one decision out; {@code ?explain=true} adds the rule trace. */
@Path("/api/v1/decisions")
public class DecisionResource {
    static final String EXAMPLE_REQUEST = """
            {"asOf": "2024-07-15", "city": "OTHER", "cityName": "WUHAN", "procedure": "FIRST_APPLICATION",
             "applicant": {"birthDate": "1990-05-20", "citizenship": "MAINLAND", "hukouCity": "XINYANG"},
             "registration": {"residenceRegistrationDate": "2024-01-15", "registrationContinuous": true},
             "housing": {"housingType": "RENTED"},
             "submission": {"applicantPresent": true, "basisChosen": "RESIDENCE"}}""";

    @Inject
    DecisionEngine engine;

    @Inject
    MeterRegistry registry;

    @POST
    // A decision is pure computation (tens of microseconds, no I/O): run it on the event loop instead of handing
    // every request to a worker thread and back.
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide one residence-permit procedure",
            description = "Runs the request (rulebook fact model) through the rules of the city's jurisdiction and "
                    + "returns the verdict, reasons with legal sources, required documents, channels, time limit, "
                    + "fee, consequences, earliest eligible date, missing facts and the ruleset version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionRequest.class),
            examples = @ExampleObject(name = "first-application-wuhan", summary = "National default, exactly 6 months",
                    value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, wrong type, unknown or repeated field, unknown "
            + "enum value, impossible date, a missing asOf/procedure/city, explain not given once as true or false, or "
            + "an unknown query parameter; `field` names the JSON path or the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body larger than quarkus.http.limits.max-body-size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Only when decision.api-key is set: X-API-Key missing or wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept excludes application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json, the body is in a content "
            + "coding (Content-Encoding), or its charset is not UTF-8",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "explain", in = ParameterIn.QUERY,
            description = "Add the trace: every rule fired, in order, with the facts it matched",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public Decision decide(DecisionRequest request, @Context UriInfo uri) {
        Timer.Sample sample = Timer.start(registry);
        Decision decision = engine.decide(request, explain(uri.getQueryParameters().get("explain")));
        String city = decision.city().name();
        String procedure = decision.procedure().name();
        sample.stop(registry.timer("decision.latency", "city", city, "procedure", procedure));
        registry.counter("decisions", "city", city, "procedure", procedure, "verdict", decision.verdict().name())
                .increment();
        return decision;
    }

    /**
     * The explain flag. JAX-RS would read anything but "true" as false, and a bare {@code ?explain} as absent; a caller
     * who asked for "yes", or wrote the name alone, must not silently get one answer. Unknown and repeated parameters
     * never reach this method: {@link QueryParameterFilter} refuses them for every resource.
     */
    private static boolean explain(List<String> values) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        String value = values.get(0);
        if (value.equalsIgnoreCase("false")) {
            return false;
        } else if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidRequestException("explain", "explain must be true or false");
    }
}
