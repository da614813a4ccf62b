package org.residencepermit.model.outcome;

/** A fact the rule needs is null; {@code path} is its JSON path in the request, e.g. "permit.expiryDate". */
public record MissingFact(String path, String message) {
}
