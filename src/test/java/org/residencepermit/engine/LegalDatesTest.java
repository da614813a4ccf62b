package org.residencepermit.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.residencepermit.model.HolidayCalendar;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegalDatesTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "CONV-1 addMonths({0}, {1}) = {2}")
    @CsvSource({
            "2024-01-15, 6, 2024-07-15",
            "2024-01-31, 1, 2024-02-29",   // leap year: last day of the shorter month
            "2023-01-31, 1, 2023-02-28",
            "2024-08-31, 1, 2024-09-30",
            "2024-03-31, -1, 2024-02-29",
            "2024-05-10, 18, 2025-11-10"})
    void addMonthsLandsOnTheSameDayOrTheLastDayOfAShorterMonth(String start, int months, String expected) {
        assertEquals(d(expected), LegalDates.addMonths(d(start), months));
    }

    @ParameterizedTest(name = "CONV-1 completedMonths({0} → {1}) = {2}")
    @CsvSource({
            "2024-01-15, 2024-07-14, 5",
            "2024-01-15, 2024-07-15, 6",
            "2024-01-31, 2024-02-28, 0",
            "2024-01-31, 2024-02-29, 1",
            "2024-01-15, 2024-01-15, 0",
            "2024-01-15, 2023-12-20, -1",
            "2023-05-10, 2024-04-10, 11",
            "2023-05-10, 2024-04-09, 10"})
    void completedMonthsCountsWholeMonths(String start, String asOf, int expected) {
        assertEquals(expected, LegalDates.completedMonths(d(start), d(asOf)));
    }

    @Test
    void monthBoundaryIsTheSameDayAnniversary() {
        assertTrue(LegalDates.isMonthAnniversary(d("2024-01-15"), d("2024-07-15")));
        assertFalse(LegalDates.isMonthAnniversary(d("2024-01-15"), d("2024-07-16")));
        assertTrue(LegalDates.hasCompletedMonths(d("2024-01-15"), d("2024-07-15"), 6));
        assertFalse(LegalDates.hasCompletedMonths(d("2024-01-15"), d("2024-07-14"), 6));
    }

    @Test
    void windowsIncludeBothEnds() {
        LocalDate expiry = d("2024-06-30");
        assertTrue(LegalDates.withinDaysBefore(d("2024-05-31"), expiry, 30));   // CONV-2: opening day
        assertFalse(LegalDates.withinDaysBefore(d("2024-05-30"), expiry, 30));  // the day before
        assertTrue(LegalDates.withinDaysBefore(expiry, expiry, 30));            // expiry day itself
        assertFalse(LegalDates.withinDaysBefore(d("2024-07-01"), expiry, 30));
        assertTrue(LegalDates.withinMonthsBefore(d("2024-05-20"), d("2024-06-20"), 1));
        assertFalse(LegalDates.withinMonthsBefore(d("2024-05-19"), d("2024-06-20"), 1));
    }

    @Test
    void overdueDaysCountFromTheDayAfterExpiry() {
        assertEquals(1, LegalDates.daysBetween(d("2024-06-30"), d("2024-07-01")));   // CONV-3
        assertEquals(60, LegalDates.daysBetween(d("2024-06-30"), d("2024-08-29")));
    }

    @ParameterizedTest(name = "CONV-6 age({0} on {1}) = {2}")
    @CsvSource({
            "2008-04-20, 2024-04-19, 15",
            "2008-04-20, 2024-04-20, 16",
            "2008-02-29, 2024-02-28, 15",
            "2008-02-29, 2024-02-29, 16"})
    void ageIncreasesOnTheBirthday(String birth, String asOf, int age) {
        assertEquals(age, LegalDates.age(d(birth), d(asOf)));
    }

    private static final HolidayCalendar WEEKENDS = HolidayCalendar.WEEKENDS_ONLY;
    /** 2024 Labour Day: 05-01..05-05 off, Saturday 05-11 a working day. */
    private static final HolidayCalendar MAY_2024 = new HolidayCalendar(Set.of(2024),
            Set.of(d("2024-05-01"), d("2024-05-02"), d("2024-05-03"), d("2024-05-04"), d("2024-05-05")),
            Set.of(d("2024-05-11")));

    @Test
    void appealPeriodsStartTheDayAfterAndSkipRestDays() {
        assertEquals(d("2024-04-30"), LegalDates.periodEndDays(d("2024-03-01"), 60, WEEKENDS));   // CONV-7, a Tuesday
        assertEquals(d("2024-06-03"), LegalDates.periodEndDays(d("2024-04-01"), 61, WEEKENDS));   // Sat → Mon
        assertEquals(d("2024-09-02"), LegalDates.periodEndMonths(d("2024-03-01"), 6, WEEKENDS));  // Sun → Mon
        assertEquals(d("2024-05-06"), LegalDates.periodEndDays(d("2024-03-02"), 60, MAY_2024));   // 05-01 holiday → 05-06
        assertEquals(d("2024-05-11"), LegalDates.periodEndDays(d("2024-03-12"), 60, MAY_2024));   // working Saturday stays
        assertEquals(d("2024-05-06"), LegalDates.addWorkingDays(d("2024-04-29"), 2, MAY_2024));   // 04-30, then 05-06
        assertEquals(d("2024-04-10"), LegalDates.addDays(d("2024-06-09"), -60));
        assertEquals(d("2024-04-30"), LegalDates.earliest(d("2024-04-30"), d("2025-03-03")));
        assertEquals(d("2025-03-03"), LegalDates.earliest(null, d("2025-03-03")));
    }

    @Test
    void monthlyRunsCountTheMonthsUpToAnEndMonth() {
        java.time.YearMonth june = java.time.YearMonth.of(2024, 6);
        assertEquals(java.time.YearMonth.of(2024, 6), LegalDates.monthsBefore(d("2024-07-10"), 1));
        assertEquals(12, LegalDates.runMonthsThrough(june, 12, june));       // run ends in the end month
        assertEquals(11, LegalDates.runMonthsThrough(june, 12, java.time.YearMonth.of(2024, 5)));
        assertEquals(0, LegalDates.runMonthsThrough(java.time.YearMonth.of(2024, 4), 12, june)); // run stopped earlier
        assertEquals(0, LegalDates.runMonthsThrough(june, 3, java.time.YearMonth.of(2024, 2)));
    }
}
