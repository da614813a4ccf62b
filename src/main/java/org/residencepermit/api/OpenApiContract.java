package org.residencepermit.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the generated OpenAPI schemas say what the service reads and writes, where reading the Java types alone
 * gets it wrong: a month is a "YYYY-MM" string (not YearMonth's getters), a document requirement is a bare code or
 * {@code {"anyOf": [...]}} (RequiredDocument's {@code @JsonValue}), a request needs {@code asOf}, {@code city} and
 * {@code procedure}, every other request field may be null (an unknown fact), and unknown request fields are refused.
 * A client generated from the document then sends and parses exactly what the service does.
 */
public class OpenApiContract implements OASFilter {
    static final List<String> REQUIRED_REQUEST_FIELDS = List.of("asOf", "city", "procedure");
    /** The schemas of the request body: refused when they carry unknown fields, each field nullable. */
    static final Set<String> REQUEST_SCHEMAS = Set.of("DecisionRequest", "Applicant", "Registration", "Housing",
            "Employment", "SocialInsurance", "Tax", "Study", "Talent", "Permit", "Change", "Submission", "Proxy",
            "Appeal");
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
        for (String name : REQUEST_SCHEMAS) {
            Schema schema = components.getSchemas().get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            List<String> required = name.equals("DecisionRequest") ? REQUIRED_REQUEST_FIELDS : List.of();
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
