package gov.qsmo.workflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Dates for tests that must be business days (a plan due date, a deferral), whatever day the tests run. */
public final class TestDates {

  private TestDates() {
  }

  /** This day if it is a business day by the federal rules (no closures), else the next one. */
  public static LocalDate businessDay(LocalDate date) {
    LocalDate day = date;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
        || FederalHolidays.on(day, true).isPresent()) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** The first day on or after this one that is no business day (a Saturday, Sunday or holiday). */
  public static LocalDate nonBusinessDay(LocalDate date) {
    LocalDate day = date;
    while (!(day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
        || FederalHolidays.on(day, true).isPresent())) {
      day = day.plusDays(1);
    }
    return day;
  }
}
