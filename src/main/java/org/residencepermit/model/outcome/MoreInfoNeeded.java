package org.residencepermit.model.outcome;

/** The case cannot be decided as submitted (e.g. unsubstantiated jurisdiction, too many uploads). */
public record MoreInfoNeeded(String code, String message) {
}
