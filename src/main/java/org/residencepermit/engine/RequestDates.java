package org.residencepermit.engine;

import org.residencepermit.model.DecisionRequest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.BiConsumer;

/** Every date and month of a normalized request by its JSON path, so checks on them are written once. */
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

    /** Calls {@code action} with every year-month (rulebook 3.5: months of social insurance and tax paid). */
    static void forEachMonth(DecisionRequest r, BiConsumer<String, YearMonth> action) {
        visit("employment.socialInsurance.lastPaidMonth", r.employment().socialInsurance().lastPaidMonth(), action);
        visit("employment.tax.lastPaidMonth", r.employment().tax().lastPaidMonth(), action);
    }

    private static <T> void visit(String path, T date, BiConsumer<String, T> action) {
        if (date != null) {
            action.accept(path, date);
        }
    }
}
