package org.residencepermit.engine;

import org.residencepermit.model.DecisionRequest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

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
        counts(r).forEach((path, value) -> {
            if (value != null && (value < 0 || value > MAX_COUNT)) {
                throw new InvalidRequestException(path, path + " must be between 0 and " + MAX_COUNT);
            }
        });
        return r;
    }

    private static void checkRange(String path, LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidRequestException(path, path + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    private static Map<String, Integer> counts(DecisionRequest r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("registration.registeredMonthsLast12", r.registration().registeredMonthsLast12());
        counts.put("employment.socialInsurance.consecutiveMonths", r.employment().socialInsurance().consecutiveMonths());
        counts.put("employment.socialInsurance.monthsLast12", r.employment().socialInsurance().monthsLast12());
        counts.put("employment.socialInsurance.monthsLast24", r.employment().socialInsurance().monthsLast24());
        counts.put("employment.socialInsurance.consecutiveMonthsSinceRegistration",
                r.employment().socialInsurance().consecutiveMonthsSinceRegistration());
        counts.put("employment.tax.consecutiveMonths", r.employment().tax().consecutiveMonths());
        counts.put("submission.photoUploads", r.submission().photoUploads());
        counts.put("submission.proxy.agentAge",
                r.submission().proxy() == null ? null : r.submission().proxy().agentAge());
        return counts;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
    }
}
