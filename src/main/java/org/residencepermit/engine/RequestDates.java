package org.residencepermit.engine;

import org.residencepermit.model.DecisionRequest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every date of a normalized request by its JSON path, so checks on dates are written once. */
final class RequestDates {

    private RequestDates() {
    }

    /** All dates; {@code includeExpiry} adds the permit's expiry, which may legitimately lie after asOf. */
    static Map<String, LocalDate> of(DecisionRequest r, boolean includeExpiry) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        dates.put("applicant.birthDate", r.applicant().birthDate());
        dates.put("registration.arrivalDate", r.registration().arrivalDate());
        dates.put("registration.residenceRegistrationDate", r.registration().residenceRegistrationDate());
        dates.put("registration.policeCollectedInfoDate", r.registration().policeCollectedInfoDate());
        dates.put("registration.bjRegistrationCardIssueDate", r.registration().bjRegistrationCardIssueDate());
        dates.put("permit.issueDate", r.permit().issueDate());
        dates.put("permit.validityStartDate", r.permit().validityStartDate());
        if (includeExpiry) {
            dates.put("permit.expiryDate", r.permit().expiryDate());
        }
        dates.put("permit.cancellationDate", r.permit().cancellationDate());
        dates.put("change.addressChangeDate", r.change().addressChangeDate());
        dates.put("appeal.decisionKnownDate", r.appeal().decisionKnownDate());
        dates.put("appeal.rightsKnownDate", r.appeal().rightsKnownDate());
        dates.put("appeal.reconsiderationDecisionReceivedDate", r.appeal().reconsiderationDecisionReceivedDate());
        dates.values().removeIf(java.util.Objects::isNull);
        return dates;
    }
}
