package org.residencepermit.engine;

import org.residencepermit.model.DecisionRequest;

import java.time.LocalDate;
import java.util.function.BiConsumer;

/** Every date of a normalized request by its JSON path, so checks on dates are written once. */
final class RequestDates {

    private RequestDates() {
    }

    /**
     * Calls {@code action} with every date the request holds, by JSON path; {@code includeExpiry} adds the permit's
     * expiry, which may legitimately lie after asOf. Visits instead of building a map: it runs on every decision.
     */
    static void forEach(DecisionRequest r, boolean includeExpiry, BiConsumer<String, LocalDate> action) {
        visit("applicant.birthDate", r.applicant().birthDate(), action);
        visit("registration.arrivalDate", r.registration().arrivalDate(), action);
        visit("registration.residenceRegistrationDate", r.registration().residenceRegistrationDate(), action);
        visit("registration.policeCollectedInfoDate", r.registration().policeCollectedInfoDate(), action);
        visit("registration.bjRegistrationCardIssueDate", r.registration().bjRegistrationCardIssueDate(), action);
        visit("permit.issueDate", r.permit().issueDate(), action);
        visit("permit.validityStartDate", r.permit().validityStartDate(), action);
        if (includeExpiry) {
            visit("permit.expiryDate", r.permit().expiryDate(), action);
        }
        visit("permit.cancellationDate", r.permit().cancellationDate(), action);
        visit("change.addressChangeDate", r.change().addressChangeDate(), action);
        visit("appeal.decisionKnownDate", r.appeal().decisionKnownDate(), action);
        visit("appeal.rightsKnownDate", r.appeal().rightsKnownDate(), action);
        visit("appeal.reconsiderationDecisionReceivedDate", r.appeal().reconsiderationDecisionReceivedDate(), action);
    }

    private static void visit(String path, LocalDate date, BiConsumer<String, LocalDate> action) {
        if (date != null) {
            action.accept(path, date);
        }
    }
}
