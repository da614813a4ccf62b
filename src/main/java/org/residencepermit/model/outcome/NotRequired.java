package org.residencepermit.model.outcome;

import org.residencepermit.model.DocumentCode;

/** A document that must not be demanded, e.g. an authorization letter for a minor under 16. */
public record NotRequired(DocumentCode code) {
}
