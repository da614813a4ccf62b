package org.residencepermit.engine;

import org.residencepermit.model.DecisionRequest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rejects requests that cannot be evaluated at all (HTTP 400), naming the field. Requests that are merely incomplete
 * or contradictory are not rejected here: the rules answer them with NEEDS_MORE_INFO.
 */
public final class RequestValidator {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    static final int MAX_COUNT = 10_000;
    public static final int MAX_TEXT = 200;

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

    /**
     * A count field, its largest accepted value and how to read it. A count of months within the last {@code max}
     * months cannot exceed them; other counts stay below MAX_COUNT.
     */
    private record Count(String path, int max, Function<DecisionRequest, Integer> value) {
    }

    private record Text(String path, Function<DecisionRequest, String> value) {
    }

    private static final List<Count> COUNTS = List.of(
            new Count("registration.registeredMonthsLast12", 12, r -> r.registration().registeredMonthsLast12()),
            new Count("employment.socialInsurance.consecutiveMonths", MAX_COUNT,
                    r -> r.employment().socialInsurance().consecutiveMonths()),
            new Count("employment.socialInsurance.monthsLast12", 12,
                    r -> r.employment().socialInsurance().monthsLast12()),
            new Count("employment.socialInsurance.monthsLast24", 24,
                    r -> r.employment().socialInsurance().monthsLast24()),
            new Count("employment.socialInsurance.consecutiveMonthsSinceRegistration", MAX_COUNT,
                    r -> r.employment().socialInsurance().consecutiveMonthsSinceRegistration()),
            new Count("employment.tax.consecutiveMonths", MAX_COUNT, r -> r.employment().tax().consecutiveMonths()),
            new Count("submission.photoUploads", MAX_COUNT, r -> r.submission().photoUploads()),
            new Count("submission.proxy.agentAge", MAX_COUNT,
                    r -> r.submission().proxy() == null ? null : r.submission().proxy().agentAge()));

    /** Place names and free text: a blank one says nothing (leave it out when unknown), a huge one is not a name. */
    private static final List<Text> TEXTS = List.of(
            new Text("cityName", DecisionRequest::cityName),
            new Text("district", DecisionRequest::district),
            new Text("applicant.hukouCity", r -> r.applicant().hukouCity()),
            new Text("applicant.hukouCounty", r -> r.applicant().hukouCounty()),
            new Text("applicant.hukouProvince", r -> r.applicant().hukouProvince()),
            new Text("permit.issuingCity", r -> r.permit().issuingCity()),
            new Text("submission.proxy.relationDetail",
                    r -> r.submission().proxy() == null ? null : r.submission().proxy().relationDetail()));

    /** Per JSON path of a count field: the largest value accepted (the smallest is 0); for the API's schema. */
    public static Map<String, Integer> countMaxima() {
        Map<String, Integer> maxima = new LinkedHashMap<>();
        COUNTS.forEach(count -> maxima.put(count.path(), count.max()));
        return maxima;
    }

    /** The JSON paths of the free-text fields, which must not be blank and hold at most MAX_TEXT characters. */
    public static List<String> textFields() {
        return TEXTS.stream().map(Text::path).toList();
    }

    private static void checkCounts(DecisionRequest r) {
        for (Count count : COUNTS) {
            Integer value = count.value().apply(r);
            if (value != null && (value < 0 || value > count.max())) {
                throw new InvalidRequestException(count.path(), count.path() + " must be between 0 and " + count.max());
            }
        }
    }

    private static void checkTexts(DecisionRequest r) {
        TEXTS.forEach(text -> checkText(text.path(), text.value().apply(r)));
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
        int at = firstUnprintable(value);
        if (at >= 0) {
            throw new InvalidRequestException(path, path + " must hold printable characters only (U+"
                    + String.format("%04X", value.codePointAt(at)) + " at position " + at + ")");
        }
    }

    /**
     * The index of the first character no printed name holds, or -1: a control character other than the whitespace
     * the engine reads as a word break, a format character (zero-width space, byte order mark, direction marks), a
     * no-break space, a private-use or unassigned code point, or half a surrogate pair. Names are compared as written,
     * so a hukou city "WUHAN" ending in NUL or a zero-width space counted as another city than WUHAN and decided the
     * case.
     */
    static int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int type = Character.getType(text.codePointAt(i));
                if (type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.FORMAT) {
                    return i;
                }
                i++;
                continue;
            }
            boolean refused = switch (Character.getType(c)) {
                case Character.CONTROL -> !Character.isWhitespace(c);
                case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                     Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                // No-break spaces: not word breaks to the engine, and invisible in the name.
                case Character.SPACE_SEPARATOR -> !Character.isWhitespace(c);
                default -> false;
            };
            if (refused) {
                return i;
            }
        }
        return -1;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required");
        }
    }
}
