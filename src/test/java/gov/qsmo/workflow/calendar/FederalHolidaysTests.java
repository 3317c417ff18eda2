package gov.qsmo.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every federal holiday 2025-2030 as OPM publishes it ("Federal Holidays", opm.gov, policy data
 * oversight: pay and leave), written out date by date, against the rules of 5 U.S.C. 6103. Days given
 * by executive order (such as 24 and 26 December 2025) are no statutory holidays: administrators add
 * them as closure days.
 */
class FederalHolidaysTests {

  private static List<LocalDate> observed(int year) {
    return FederalHolidays.observedIn(year, true).stream().map(FederalHolidays.Observed::date).toList();
  }

  private static List<LocalDate> dates(int year, String... monthDays) {
    return java.util.Arrays.stream(monthDays).map(md -> LocalDate.parse(year + "-" + md)).toList();
  }

  @Test
  void holidays2025() {
    // Inauguration Day (Monday 20 January) falls on the King holiday: one day off.
    assertThat(observed(2025)).containsExactlyElementsOf(dates(2025, "01-01", "01-20", "02-17", "05-26", "06-19",
        "07-04", "09-01", "10-13", "11-11", "11-27", "12-25"));
  }

  @Test
  void holidays2026() {
    // Independence Day on a Saturday: Friday 3 July.
    assertThat(observed(2026)).containsExactlyElementsOf(dates(2026, "01-01", "01-19", "02-16", "05-25", "06-19",
        "07-03", "09-07", "10-12", "11-11", "11-26", "12-25"));
  }

  @Test
  void holidays2027() {
    // Juneteenth and Christmas on Saturdays (Fridays 18 June, 24 December), Independence Day on a Sunday
    // (Monday 5 July), and New Year's Day 2028 on a Saturday: Friday 31 December 2027.
    assertThat(observed(2027)).containsExactlyElementsOf(dates(2027, "01-01", "01-18", "02-15", "05-31", "06-18",
        "07-05", "09-06", "10-11", "11-11", "11-25", "12-24", "12-31"));
  }

  @Test
  void holidays2028() {
    // New Year's Day is observed in 2027; Veterans Day on a Saturday: Friday 10 November.
    assertThat(observed(2028)).containsExactlyElementsOf(dates(2028, "01-17", "02-21", "05-29", "06-19", "07-04",
        "09-04", "10-09", "11-10", "11-23", "12-25"));
  }

  @Test
  void holidays2029() {
    // Inauguration Day on a Saturday: no day in lieu. Veterans Day on a Sunday: Monday 12 November.
    assertThat(observed(2029)).containsExactlyElementsOf(dates(2029, "01-01", "01-15", "02-19", "05-28", "06-19",
        "07-04", "09-03", "10-08", "11-12", "11-22", "12-25"));
  }

  @Test
  void holidays2030() {
    assertThat(observed(2030)).containsExactlyElementsOf(dates(2030, "01-01", "01-21", "02-18", "05-27", "06-19",
        "07-04", "09-02", "10-14", "11-11", "11-28", "12-25"));
  }

  @Test
  void aSaturdayHolidayIsObservedTheFridayBeforeASundayOneTheMondayAfter() {
    assertThat(FederalHolidays.on(LocalDate.of(2026, 7, 3), true)).get()
        .extracting(FederalHolidays.Observed::name).isEqualTo("Independence Day (observed)");
    assertThat(FederalHolidays.on(LocalDate.of(2026, 7, 4), true)).isEmpty();
    assertThat(FederalHolidays.on(LocalDate.of(2027, 7, 5), true)).get()
        .extracting(FederalHolidays.Observed::name).isEqualTo("Independence Day (observed)");
    assertThat(FederalHolidays.on(LocalDate.of(2027, 7, 4), true)).isEmpty();
    // New Year's Day 2028 (a Saturday) is observed in the year before.
    assertThat(FederalHolidays.on(LocalDate.of(2027, 12, 31), true)).get()
        .extracting(FederalHolidays.Observed::name).isEqualTo("New Year's Day (observed)");
    assertThat(FederalHolidays.observedIn(2028, true)).noneMatch(h -> h.name().startsWith("New Year"));
  }

  @Test
  void inaugurationDayIsAHolidayOnAWeekdayNoneOnASaturdayAndTheMondayAfterASunday() {
    assertThat(FederalHolidays.on(LocalDate.of(2033, 1, 20), true)).get()
        .extracting(FederalHolidays.Observed::name).isEqualTo("Inauguration Day");
    assertThat(FederalHolidays.on(LocalDate.of(2033, 1, 20), false)).isEmpty();
    assertThat(FederalHolidays.observedIn(2029, true)).noneMatch(h -> h.name().equals("Inauguration Day"));
    assertThat(FederalHolidays.on(LocalDate.of(2029, 1, 19), true)).isEmpty();
    // 20 January 2041 is a Sunday: Monday the 21st is observed, which is also the King holiday.
    assertThat(FederalHolidays.on(LocalDate.of(2041, 1, 21), true)).isPresent();
    assertThat(FederalHolidays.observedIn(2041, true).stream().filter(h -> h.date().equals(LocalDate.of(2041, 1, 21))))
        .hasSize(1);
    // 2025: on the King holiday, no second day.
    assertThat(FederalHolidays.observedIn(2025, true)).hasSize(11);
    // Not an inauguration year.
    assertThat(FederalHolidays.on(LocalDate.of(2026, 1, 20), true)).isEmpty();
  }
}
