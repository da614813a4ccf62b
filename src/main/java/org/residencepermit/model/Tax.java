package org.residencepermit.model;

import java.time.YearMonth;

public record Tax(Integer consecutiveMonths, YearMonth lastPaidMonth) {
    public static final Tax EMPTY = new Tax(null, null);
}
