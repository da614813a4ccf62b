package org.residencepermit.model.outcome;

import java.time.LocalDate;

/** Where the failure is only a matter of time: the first day the procedure becomes possible. */
public record EarliestEligibleDate(LocalDate date) {
}
