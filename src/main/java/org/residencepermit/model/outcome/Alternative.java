package org.residencepermit.model.outcome;

/** The next best route when the requested one fails, e.g. RESIDENCE_REGISTRATION. */
public record Alternative(String procedure) {
}
