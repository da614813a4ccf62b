package org.residencepermit.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * One case from {@code rules/<jurisdiction>/cases/*.yaml}, OpenFisca style: {@code input} is the API request without
 * {@code asOf}, {@code expect} lists what the response must contain. The trees are shared by every load of an unchanged
 * file ({@link CaseFiles.Cache}): read them, or change the copy {@link #request()} returns.
 */
public record TestCase(String name, String description, String asOf, JsonNode input, JsonNode expect, Path file) {

    /** The API request body the case stands for: {@code input} with {@code asOf}, a fresh copy to change at will. */
    public ObjectNode request() {
        ObjectNode request = input.deepCopy();
        request.put("asOf", asOf);
        return request;
    }
}
