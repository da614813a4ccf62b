package org.residencepermit.model.outcome;

/** The substantive conditions of the requested procedure are met. */
public record Eligible(String code, String message) {
}
