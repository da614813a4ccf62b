package org.residencepermit.model;

public enum CancellationReason {
    OVERDUE_LONG_SUSPENSION, FRAUD, NO_LONGER_ELIGIBLE, HUKOU_TRANSFERRED, DEATH, VOLUNTARY, ERRONEOUS
}
