package org.residencepermit.model;

/**
 * A subject a jurisdiction can regulate. The national rules are the base for every topic; a city that lists a topic
 * under {@code overrides} in its {@code jurisdiction.yaml} replaces the national rules for that topic (Catala-style
 * base case + exception), and the national rules for it stay silent.
 */
public enum Topic {
    SCOPE, RESIDENCE_REGISTRATION, REGISTRATION_CERTIFICATE, FIRST_APPLICATION, PROXY, ADDRESS_PROOF, ENDORSEMENT,
    INFO_CHANGE, INFO_CORRECTION, REPLACEMENT, REAPPLICATION, APPEAL
}
