package org.residencepermit.model.outcome;

/** A consequence of the case; {@code value} is a Boolean, or a String for PENALTY_RISK. */
public record Consequence(ConsequenceKey key, Object value) {
    public Consequence {
        if (key == null || value == null) {
            throw new IllegalArgumentException("a consequence needs a key and a value");
        }
        if (key == ConsequenceKey.PENALTY_RISK ? !(value instanceof String) : !(value instanceof Boolean)) {
            throw new IllegalArgumentException(key + " cannot take the value " + value);
        }
    }
}
