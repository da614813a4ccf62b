package org.residencepermit.model.outcome;

/** Facts that contradict each other; the case goes back for correction (NEEDS_MORE_INFO). */
public record Conflict(String code, String message) {
}
