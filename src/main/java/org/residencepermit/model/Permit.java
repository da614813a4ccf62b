package org.residencepermit.model;

import java.time.LocalDate;

public record Permit(Boolean held, String issuingCity, LocalDate issueDate, LocalDate validityStartDate,
                     LocalDate expiryDate, PermitStatus status, LocalDate cancellationDate,
                     CancellationReason cancellationReason, Boolean lost, Boolean damaged) {
    public static final Permit EMPTY = new Permit(null, null, null, null, null, null, null, null, null, null);
}
