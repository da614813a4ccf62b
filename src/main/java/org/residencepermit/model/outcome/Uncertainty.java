package org.residencepermit.model.outcome;

/** CONV-10: an element of the outcome rests on a weak, conflicting or interpreted source. */
public record Uncertainty(String note) {
}
