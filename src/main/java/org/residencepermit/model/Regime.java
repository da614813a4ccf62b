package org.residencepermit.model;

/** Which jurisdiction's rules govern a topic for the current request, e.g. ENDORSEMENT by "beijing". */
public record Regime(Topic topic, String jurisdiction) {
}
