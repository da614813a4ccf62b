package org.residencepermit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.residencepermit.engine.DecisionEngine;
import org.residencepermit.engine.RuleBase;
import org.residencepermit.engine.RuleInfo;
import org.residencepermit.model.Channel;
import org.residencepermit.model.DocumentCode;

import java.util.Arrays;
import java.util.List;

/** Reference data for callers: jurisdictions, the document catalogue, channels and the loaded rules. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A query or matrix parameter: these resources take none",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "406", description = "Accept excludes application/json",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CatalogueResource {

    @Inject
    DecisionEngine engine;

    public record JurisdictionView(String id, String city, String name, List<String> overrides, List<String> sources,
                                   long rules) {
    }

    public record DocumentView(String code, String name) {
    }

    public record ChannelView(String code, String name, boolean online) {
    }

    public record RuleCatalogue(String rulesetVersion, List<RuleInfo> rules) {
    }

    @GET
    @Path("/jurisdictions")
    // Declared: with the class's 400 and 406, the generator no longer adds the 200 by itself.
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = JurisdictionView.class)))
    @Operation(summary = "The jurisdictions loaded: city, the topics each overrides, its sources and rule count")
    public List<JurisdictionView> jurisdictions() {
        RuleBase ruleBase = engine.ruleBase();
        return ruleBase.jurisdictions().stream().map(j -> new JurisdictionView(j.id(), j.city().name(), j.name(),
                j.overrides().stream().map(Enum::name).sorted().toList(), j.sources(),
                ruleBase.rules().stream().filter(r -> r.jurisdiction().equals(j.id())).count())).toList();
    }

    @GET
    @Path("/documents")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DocumentView.class)))
    @Operation(summary = "The document codes of requiredDocuments, with their Chinese names")
    public List<DocumentView> documents() {
        return Arrays.stream(DocumentCode.values()).map(d -> new DocumentView(d.name(), d.chineseName())).toList();
    }

    @GET
    @Path("/channels")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ChannelView.class)))
    @Operation(summary = "The channel codes of channels, with their Chinese names and whether they are online")
    public List<ChannelView> channels() {
        return Arrays.stream(Channel.values()).map(c -> new ChannelView(c.name(), c.chineseName(), c.online()))
                .toList();
    }

    @GET
    @Path("/rules")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleCatalogue.class)))
    @Operation(summary = "Every rule loaded: rulebook ID, name, jurisdiction, Chinese title and legal source")
    public RuleCatalogue rules() {
        RuleBase ruleBase = engine.ruleBase();
        return new RuleCatalogue(ruleBase.version(), ruleBase.rules());
    }

}
