package org.residencepermit.model.outcome;

/** A requirement not met by {@code submission.documentsProvided} (CONV-8, one-time notice). */
public record MissingDocument(RequiredDocument requirement) {
}
