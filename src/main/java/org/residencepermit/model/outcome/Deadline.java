package org.residencepermit.model.outcome;

import java.time.LocalDate;

/** The applicant's own deadline for this procedure; {@code missed} when asOf is after it. */
public record Deadline(LocalDate date, boolean missed) {
}
