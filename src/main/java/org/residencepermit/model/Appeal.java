package org.residencepermit.model;

import java.time.LocalDate;

public record Appeal(AppealDecisionType decisionType, LocalDate decisionKnownDate, Boolean rightsNotified,
                     LocalDate rightsKnownDate, DecidingAuthority decidingAuthority, AppealRoute route,
                     LocalDate reconsiderationDecisionReceivedDate) {
    public static final Appeal EMPTY = new Appeal(null, null, null, null, null, null, null);
}
