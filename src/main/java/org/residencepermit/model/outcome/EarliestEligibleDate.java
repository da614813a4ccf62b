package org.residencepermit.model.outcome;

import java.time.LocalDate;

/**
 * The first day on which the refusal coded {@code resolves} (an {@link Ineligible} code) no longer holds, because it
 * is only a matter of time. The decision reports the latest such date, and only when every refusal is resolved by
 * one: a request also refused for its hukou or its citizenship gets no date (rulebook section 6 step 4).
 */
public record EarliestEligibleDate(LocalDate date, String resolves) {
}
