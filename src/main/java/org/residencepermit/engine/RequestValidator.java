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
    static final int MAX_TEXT = 200;

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
        RequestDates.forEachMonth(r, (path, month) -> checkRange(path, month.atDay(1)));
        checkCounts(r);
        checkTexts(r);
        return r;
    }

    private static void checkRange(String path, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidRequestException(path, path + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    private static void checkCounts(DecisionRequest r) {
        checkCount("registration.registeredMonthsLast12", r.registration().registeredMonthsLast12(), 12);
        SocialInsurance insurance = r.employment().socialInsurance();
        checkCount("employment.socialInsurance.consecutiveMonths", insurance.consecutiveMonths());
        checkCount("employment.socialInsurance.monthsLast12", insurance.monthsLast12(), 12);
        checkCount("employment.socialInsurance.monthsLast24", insurance.monthsLast24(), 24);
        checkCount("employment.socialInsurance.consecutiveMonthsSinceRegistration",
                insurance.consecutiveMonthsSinceRegistration());
        checkCount("employment.tax.consecutiveMonths", r.employment().tax().consecutiveMonths());
        checkCount("submission.photoUploads", r.submission().photoUploads());
        if (r.submission().proxy() != null) {
            checkCount("submission.proxy.agentAge", r.submission().proxy().agentAge());
        }
    }

    /** Place names and free text: a blank one says nothing (leave it out when unknown), a huge one is not a name. */
    private static void checkTexts(DecisionRequest r) {
        checkText("cityName", r.cityName());
        checkText("district", r.district());
        checkText("applicant.hukouCity", r.applicant().hukouCity());
        checkText("applicant.hukouCounty", r.applicant().hukouCounty());
        checkText("applicant.hukouProvince", r.applicant().hukouProvince());
        checkText("permit.issuingCity", r.permit().issuingCity());
        if (r.submission().proxy() != null) {
            checkText("submission.proxy.relationDetail", r.submission().proxy().relationDetail());
        }
    }

    private static void checkText(String path, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new InvalidRequestException(path, path + " must not be blank; leave it out when it is unknown");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidRequestException(path, path + " must be at most " + MAX_TEXT + " characters");
        }
    }

    private static void checkCount(String path, Integer value) {
        checkCount(path, value, MAX_COUNT);
    }

    /** A count of months within the last {@code max} months cannot exceed them; other counts stay below MAX_COUNT. */
    private static void checkCount(String path, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            throw new InvalidRequestException(path, path + " must be between 0 and " + max);
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
    }
}
