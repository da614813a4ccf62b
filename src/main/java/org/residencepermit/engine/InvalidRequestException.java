package org.residencepermit.engine;

/** A request that cannot be evaluated at all (e.g. no asOf); {@code field} is the JSON path at fault. */
public class InvalidRequestException extends RuntimeException {
    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
