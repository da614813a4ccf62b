package org.residencepermit.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Statutory rest days for CONV-7 (a period whose last day is a rest day ends on the next working day): weekends,
 * plus the public holidays and minus the adjusted working weekends (调休) of the years the calendar covers.
 */
public record HolidayCalendar(Set<Integer> yearsCovered, Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
    public static final HolidayCalendar WEEKENDS_ONLY = new HolidayCalendar(Set.of(), Set.of(), Set.of());

    public HolidayCalendar {
        yearsCovered = Set.copyOf(yearsCovered);
        holidays = Set.copyOf(holidays);
        workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    public boolean isRestDay(LocalDate day) {
        if (holidays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !workingWeekendDays.contains(day);
    }

    /** Whether the public holidays of that year are known; outside them only weekends are skipped. */
    public boolean covers(int year) {
        return yearsCovered.contains(year);
    }

    /** A summary for rule traces: the days themselves would swamp the trace, and a set's order varies by run. */
    @Override
    public String toString() {
        return "HolidayCalendar[yearsCovered=" + new TreeSet<>(yearsCovered) + ", holidays=" + holidays.size()
                + " days, workingWeekendDays=" + workingWeekendDays.size() + " days]";
    }
}
