package org.residencepermit.model;

import java.time.LocalDate;

public record Change(Boolean addressChanged, LocalDate addressChangeDate, Boolean withinIssuingArea,
                     Boolean identityInfoChanged, Boolean employerChanged, Boolean cardInfoError) {
    public static final Change EMPTY = new Change(null, null, null, null, null, null);
}
