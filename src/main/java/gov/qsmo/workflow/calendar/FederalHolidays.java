package gov.qsmo.workflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The legal public holidays of 5 U.S.C. 6103 as federal employees observe them (ADR 0017):
 * <ul>
 * <li>(a): New Year's Day, Birthday of Martin Luther King Jr., Washington's Birthday, Memorial Day,
 * Juneteenth National Independence Day, Independence Day, Labor Day, Columbus Day, Veterans Day,
 * Thanksgiving Day, Christmas Day;</li>
 * <li>(b) and Executive Order 11582: a holiday on a Saturday is observed the Friday before, one on a
 * Sunday the Monday after (so New Year's Day on a Saturday is observed on 31 December of the year before);</li>
 * <li>(c): Inauguration Day, 20 January of every fourth year after 1965, for employees in the
 * Washington, D.C., area; on a Sunday the Monday after is observed, on a Saturday no day is (and
 * none is added when it falls on the King holiday).</li>
 * </ul>
 * Pure rules, no state: closures an administrator adds are {@link BusinessCalendar}'s.
 */
public final class FederalHolidays {

  /** A holiday as observed: the day off, and the holiday it stands for. */
  public record Observed(LocalDate date, String name) {
  }

  private FederalHolidays() {
  }

  /** The holidays observed in this calendar year, in date order (a 31 December may stand for next New Year's Day). */
  public static List<Observed> observedIn(int year, boolean inaugurationDay) {
    List<Observed> days = new ArrayList<>();
    for (int y = year; y <= year + 1; y++) {
      for (Observed holiday : ofYear(y, inaugurationDay)) {
        if (holiday.date().getYear() == year) {
          days.add(holiday);
        }
      }
    }
    days.sort(Comparator.comparing(Observed::date));
    return List.copyOf(days);
  }

  /** The holiday observed on this day, if any. */
  public static Optional<Observed> on(LocalDate date, boolean inaugurationDay) {
    for (int y = date.getYear(); y <= date.getYear() + 1; y++) {
      for (Observed holiday : ofYear(y, inaugurationDay)) {
        if (holiday.date().equals(date)) {
          return Optional.of(holiday);
        }
      }
    }
    return Optional.empty();
  }

  /** The holidays of one year's statutory dates, each on the day it is observed (which may fall in the year before). */
  private static List<Observed> ofYear(int year, boolean inaugurationDay) {
    List<Observed> days = new ArrayList<>(12);
    days.add(fixed(year, Month.JANUARY, 1, "New Year's Day"));
    LocalDate king = nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY);
    days.add(new Observed(king, "Birthday of Martin Luther King, Jr."));
    if (inaugurationDay && year > 1965 && (year - 1965) % 4 == 0) {
      LocalDate inauguration = LocalDate.of(year, Month.JANUARY, 20);
      LocalDate observed = switch (inauguration.getDayOfWeek()) {
        case SUNDAY -> inauguration.plusDays(1);
        case SATURDAY -> null;
        default -> inauguration;
      };
      if (observed != null && !observed.equals(king)) {
        days.add(new Observed(observed, "Inauguration Day"));
      }
    }
    days.add(new Observed(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), "Washington's Birthday"));
    days.add(new Observed(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)),
        "Memorial Day"));
    if (year >= 2021) {
      days.add(fixed(year, Month.JUNE, 19, "Juneteenth National Independence Day"));
    }
    days.add(fixed(year, Month.JULY, 4, "Independence Day"));
    days.add(new Observed(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), "Labor Day"));
    days.add(new Observed(nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY), "Columbus Day"));
    days.add(fixed(year, Month.NOVEMBER, 11, "Veterans Day"));
    days.add(new Observed(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY), "Thanksgiving Day"));
    days.add(fixed(year, Month.DECEMBER, 25, "Christmas Day"));
    return days;
  }

  /** A fixed-date holiday on the day it is observed: Saturday to the Friday before, Sunday to the Monday after. */
  private static Observed fixed(int year, Month month, int day, String name) {
    LocalDate date = LocalDate.of(year, month, day);
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> new Observed(date.minusDays(1), name + " (observed)");
      case SUNDAY -> new Observed(date.plusDays(1), name + " (observed)");
      default -> new Observed(date, name);
    };
  }

  private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
  }
}
