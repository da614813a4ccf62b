package org.residencepermit.model;

import java.time.YearMonth;

public record SocialInsurance(Boolean currentlyInsured, Integer consecutiveMonths, YearMonth lastPaidMonth,
                              Integer monthsLast12, Integer monthsLast24, Integer consecutiveMonthsSinceRegistration) {
    public static final SocialInsurance EMPTY = new SocialInsurance(null, null, null, null, null, null);
}
