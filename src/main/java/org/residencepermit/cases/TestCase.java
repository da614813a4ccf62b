package org.residencepermit.cases;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * One case from {@code rules/<jurisdiction>/cases/*.yaml}, OpenFisca style: {@code input} is the API request without
 * {@code asOf}, {@code expect} lists what the response must contain.
 */
public record TestCase(String name, String description, String asOf, JsonNode input, JsonNode expect, Path file) {
}
