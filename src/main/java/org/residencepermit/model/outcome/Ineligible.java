package org.residencepermit.model.outcome;

/** A substantive condition fails on asOf; {@code code} is the machine reason, {@code message} says which condition. */
public record Ineligible(String code, String message) {
}
