package org.residencepermit.engine;

import org.residencepermit.model.DecisionRequest;
import org.residencepermit.model.SocialInsurance;

import java.time.LocalDate;

/**
 * Rejects requests that cannot be evaluated at all (HTTP 400), naming the field. Requests that are merely incomplete
 * or contradictory are not rejected here: the rules answer them with NEEDS_MORE_INFO.
 */
public final class RequestValidator {
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    static final int MAX_COUNT = 10_000;

    private RequestValidator() {
    }

    /** @return the normalized request */
    public static DecisionRequest validate(DecisionRequest request) {
        if (request == null) {
            throw new InvalidRequestException("", "the request body is empty");
        }
        require(request.asOf(), "asOf");
        require(request.procedure(), "procedure");
        require(request.city(), "city");
        DecisionRequest r = request.normalized();
        checkRange("asOf", r.asOf());
        RequestDates.forEach(r, true, RequestValidator::checkRange);
        checkCounts(r);
        return r;
    }

    private static void checkRange(String path, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidRequestException(path, path + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    private static void checkCounts(DecisionRequest r) {
        checkCount("registration.registeredMonthsLast12", r.registration().registeredMonthsLast12());
        SocialInsurance insurance = r.employment().socialInsurance();
        checkCount("employment.socialInsurance.consecutiveMonths", insurance.consecutiveMonths());
        checkCount("employment.socialInsurance.monthsLast12", insurance.monthsLast12());
        checkCount("employment.socialInsurance.monthsLast24", insurance.monthsLast24());
        checkCount("employment.socialInsurance.consecutiveMonthsSinceRegistration",
                insurance.consecutiveMonthsSinceRegistration());
        checkCount("employment.tax.consecutiveMonths", r.employment().tax().consecutiveMonths());
        checkCount("submission.photoUploads", r.submission().photoUploads());
        if (r.submission().proxy() != null) {
            checkCount("submission.proxy.agentAge", r.submission().proxy().agentAge());
        }
    }

    private static void checkCount(String path, Integer value) {
        if (value != null && (value < 0 || value > MAX_COUNT)) {
            throw new InvalidRequestException(path, path + " must be between 0 and " + MAX_COUNT);
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
    }
}
