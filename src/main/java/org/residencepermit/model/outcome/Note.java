package org.residencepermit.model.outcome;

/** Free text for people (e.g. "home verification by police"); never compared by tests. */
public record Note(String text) {
}
