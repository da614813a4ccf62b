package org.residencepermit.engine;

import org.residencepermit.model.HolidayCalendar;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The one place where legal date arithmetic lives (rulebook CONV-1..CONV-7). Rules import these functions instead of
 * computing dates themselves, so every boundary convention is implemented and tested once.
 */
public final class LegalDates {

    private LegalDates() {
    }

    /** CONV-1: same day of the month n months later, or the last day of a shorter target month (民法典 Art. 202). */
    public static LocalDate addMonths(LocalDate date, int months) {
        return date.plusMonths(months);
    }

    /** CONV-1: the number of whole months completed from start to asOf; negative when asOf is before start. */
    public static int completedMonths(LocalDate start, LocalDate asOf) {
        int months = (int) ChronoUnit.MONTHS.between(start.withDayOfMonth(1), asOf.withDayOfMonth(1));
        while (addMonths(start, months).isAfter(asOf)) {
            months--;
        }
        while (!addMonths(start, months + 1).isAfter(asOf)) {
            months++;
        }
        return months;
    }

    /** CONV-1: "has completed n months" (满n个月 / n个月以上) means asOf >= addMonths(start, n). */
    public static boolean hasCompletedMonths(LocalDate start, LocalDate asOf, int months) {
        return !asOf.isBefore(addMonths(start, months));
    }

    /** CONV-1: asOf is exactly a month anniversary of start, the same-day boundary that carries uncertainty. */
    public static boolean isMonthAnniversary(LocalDate start, LocalDate asOf) {
        return asOf.equals(addMonths(start, completedMonths(start, asOf)));
    }

    /** Days from {@code from} to {@code to}; positive when {@code to} is later. */
    public static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** CONV-2: asOf lies in the window "within n days before x", i.e. [x - n days, x], both ends included. */
    public static boolean withinDaysBefore(LocalDate asOf, LocalDate x, int days) {
        return !asOf.isBefore(x.minusDays(days)) && !asOf.isAfter(x);
    }

    /** CONV-2: asOf lies in the window "within n months before x", i.e. [addMonths(x, -n), x]. */
    public static boolean withinMonthsBefore(LocalDate asOf, LocalDate x, int months) {
        return !asOf.isBefore(addMonths(x, -months)) && !asOf.isAfter(x);
    }

    /** CONV-6: age in whole years; it increases on the birthday itself. */
    public static int age(LocalDate birthDate, LocalDate asOf) {
        return Period.between(birthDate, asOf).getYears();
    }

    /** Calendar days later (negative: earlier), e.g. the opening of a window "60 days before expiry". */
    public static LocalDate addDays(LocalDate date, int days) {
        return date.plusDays(days);
    }

    /**
     * CONV-7: the last day of a period of n days that starts counting the day after {@code known} (民法典 Art. 201),
     * moved to the next working day when it falls on a statutory rest day (民法典 Art. 203).
     */
    public static LocalDate periodEndDays(LocalDate known, int days, HolidayCalendar calendar) {
        return nextWorkingDay(known.plusDays(days), calendar);
    }

    /** CONV-7 for periods counted in months (e.g. 6 months to sue): corresponding day, then next working day. */
    public static LocalDate periodEndMonths(LocalDate known, int months, HolidayCalendar calendar) {
        return nextWorkingDay(addMonths(known, months), calendar);
    }

    /** The n-th working day after {@code date} (e.g. "within 3 working days after arriving"). */
    public static LocalDate addWorkingDays(LocalDate date, int workingDays, HolidayCalendar calendar) {
        LocalDate day = date;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (!calendar.isRestDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static LocalDate nextWorkingDay(LocalDate day, HolidayCalendar calendar) {
        LocalDate result = day;
        while (calendar.isRestDay(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    /** The calendar month n months before the month of {@code date} (1 = the month before). */
    public static YearMonth monthsBefore(LocalDate date, int months) {
        return YearMonth.from(date).minusMonths(months);
    }

    /**
     * How many months of an unbroken monthly run (e.g. social-insurance contributions) ending in {@code lastPaid} and
     * {@code consecutive} months long fall on or before {@code end}.
     */
    public static int runMonthsThrough(YearMonth lastPaid, int consecutive, YearMonth end) {
        if (lastPaid.isBefore(end)) {
            return 0;
        }
        long monthsAfterEnd = ChronoUnit.MONTHS.between(end, lastPaid);
        return (int) Math.max(0, consecutive - monthsAfterEnd);
    }

    /** The earlier of two optional dates; null only when both are null. */
    public static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
