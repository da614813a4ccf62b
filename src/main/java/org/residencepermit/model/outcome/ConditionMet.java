package org.residencepermit.model.outcome;

/** A precondition that holds (e.g. the applicant is in scope); reported among the reasons, never decisive alone. */
public record ConditionMet(String code, String message) {
}
