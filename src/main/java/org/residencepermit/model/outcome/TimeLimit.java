package org.residencepermit.model.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The official's processing deadline, e.g. 15 DAYS from ACCEPTANCE, extendable to 30 days. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeLimit(int value, String unit, String from, Integer maxExtendedDays, String note) {
    public static TimeLimit of(int value, String unit, String from) {
        return new TimeLimit(value, unit, from, null, null);
    }
}
