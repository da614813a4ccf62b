package org.residencepermit.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import org.residencepermit.engine.RequestValidator;
import org.residencepermit.model.Decision;
import org.residencepermit.model.outcome.ConsequenceKey;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the generated OpenAPI schemas say what the service reads and writes, where reading the Java types alone
 * gets it wrong: a month is a "YYYY-MM" string (not YearMonth's getters), a document requirement is a bare code or
 * {@code {"anyOf": [...]}} (RequiredDocument's {@code @JsonValue}), a request needs {@code asOf}, {@code city} and
 * {@code procedure}, every other request field may be null (an unknown fact), unknown request fields are refused, and
 * counts, texts and dates carry the limits {@link RequestValidator} enforces.
 * A client generated from the document then sends and parses exactly what the service does.
 */
public class OpenApiContract implements OASFilter {
    static final List<String> REQUIRED_REQUEST_FIELDS = List.of("asOf", "city", "procedure");
    private static final String REQUEST = "DecisionRequest";
    /** The decision fields sent only where they apply (README "API"); every other one is in every decision. */
    static final Set<String> OPTIONAL_DECISION_FIELDS = Set.of("timeLimit", "fee", "deadline", "deadlineMissed",
            "earliestEligibleDate", "alternativeProcedure", "trace");
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addSchema("YearMonth", OASFactory.createSchema().addType(SchemaType.STRING)
                .pattern("^[0-9]{4}-(0[1-9]|1[0-2])$").examples(List.of("2024-07"))
                .description("A month, YYYY-MM"));
        components.addSchema("RequiredDocument", OASFactory.createSchema()
                .description("A document requirement: a document code, or {\"anyOf\": [codes]} when any one of "
                        + "several documents satisfies it (rulebook CONV-8)")
                .oneOf(List.of(reference("DocumentCode"), OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .addProperty("anyOf", OASFactory.createSchema().addType(SchemaType.ARRAY)
                                .items(reference("DocumentCode")).minItems(2))
                        .required(List.of("anyOf")).additionalPropertiesBoolean(false))));
        String range = " between " + RequestValidator.EARLIEST + " and " + RequestValidator.LATEST;
        components.getSchemas().get("YearMonth").description("A month, YYYY-MM; in a request a month" + range);
        Schema date = components.getSchemas().get("LocalDate");
        date.description((date.getDescription() == null ? "A date, YYYY-MM-DD" : date.getDescription())
                + "; in a request a date" + range);
        RequestValidator.countMaxima().forEach((path, max) ->
                requestProperty(components, path).minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(max)));
        for (String path : RequestValidator.textFields()) {
            // Not blank: leave a field out when it is unknown.
            requestProperty(components, path).minLength(1).maxLength(RequestValidator.MAX_TEXT).pattern("\\S");
        }
        describeDecision(components.getSchemas().get("Decision"));
        for (String name : requestObjects(components)) {
            Schema schema = components.getSchemas().get(name);
            List<String> required = name.equals(REQUEST) ? REQUIRED_REQUEST_FIELDS : List.of();
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((field, property) ->
                    properties.put(field, required.contains(field) ? property : nullable(property)));
            schema.setProperties(properties);
            schema.additionalPropertiesBoolean(false);
            if (!required.isEmpty()) {
                schema.required(required);
            }
        }
    }

    /**
     * What every decision carries (required), and {@code consequences} as sent: every key of the consequence
     * vocabulary present, a boolean or (penaltyRisk) a text, null when not asserted. Generated from the Java types,
     * no field was required and consequences was an object of anything.
     */
    private static void describeDecision(Schema decision) {
        decision.required(Arrays.stream(Decision.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !OPTIONAL_DECISION_FIELDS.contains(name)).toList());
        Schema consequences = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Every key present; null = not asserted")
                .additionalPropertiesBoolean(false);
        List<String> keys = new ArrayList<>();
        for (ConsequenceKey key : ConsequenceKey.values()) {
            SchemaType type = key == ConsequenceKey.PENALTY_RISK ? SchemaType.STRING : SchemaType.BOOLEAN;
            consequences.addProperty(key.jsonName(), OASFactory.createSchema()
                    .type(new ArrayList<>(List.of(type, SchemaType.NULL))));
            keys.add(key.jsonName());
        }
        decision.addProperty("consequences", consequences.required(keys));
    }

    /**
     * The object schemas of the request body (DecisionRequest and every object it contains), found by following its
     * references, so that a fact record added to the model is covered without being listed here.
     */
    private static Set<String> requestObjects(Components components) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(REQUEST));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            Schema schema = components.getSchemas().get(name);
            if (schema == null || schema.getProperties() == null || !found.add(name)) {
                continue;   // enums, dates and months have no properties
            }
            for (Schema property : schema.getProperties().values()) {
                Schema target = property.getItems() != null ? property.getItems() : property;
                if (target.getRef() != null && target.getRef().startsWith(SCHEMAS)) {
                    pending.push(target.getRef().substring(SCHEMAS.length()));
                }
            }
        }
        return found;
    }

    /** The schema of a request field given by its JSON path, e.g. {@code employment.tax.consecutiveMonths}. */
    private static Schema requestProperty(Components components, String path) {
        Schema schema = components.getSchemas().get(REQUEST);
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length; i++) {
            Schema property = schema.getProperties().get(names[i]);
            if (property == null) {
                throw new IllegalStateException("the request schema has no field " + path);
            }
            schema = i < names.length - 1 ? components.getSchemas().get(property.getRef().substring(SCHEMAS.length()))
                    : property;
        }
        return schema;
    }

    /** The property, or null: a reference becomes anyOf [reference, null], a plain type gets null among its types. */
    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema isNull = OASFactory.createSchema().addType(SchemaType.NULL);
            return OASFactory.createSchema().anyOf(List.of(property, isNull));
        }
        if (property.getType() != null && !property.getType().contains(SchemaType.NULL)) {
            property.setType(new ArrayList<>(property.getType()));
            property.addType(SchemaType.NULL);
        }
        return property;
    }

    private static Schema reference(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }
}
