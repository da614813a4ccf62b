package org.residencepermit.model;

import java.time.LocalDate;

public record Permit(Boolean held, String issuingCity, LocalDate issueDate, LocalDate validityStartDate,
                     LocalDate expiryDate, PermitStatus status, LocalDate cancellationDate,
                     CancellationReason cancellationReason, Boolean lost, Boolean damaged) {
    public static final Permit EMPTY = new Permit(null, null, null, null, null, null, null, null, null, null);

    /**
     * The recorded status, else CANCELLED when a cancellation is recorded (date or reason): rulebook 3.7 has the
     * engine derive the status, and a permit with a cancellation on record must not be taken for one in force.
     */
    Permit normalized() {
        if (status != null || cancellationDate == null && cancellationReason == null) {
            return this;
        }
        return new Permit(held, issuingCity, issueDate, validityStartDate, expiryDate, PermitStatus.CANCELLED,
                cancellationDate, cancellationReason, lost, damaged);
    }
}
