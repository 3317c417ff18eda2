package gov.qsmo.workflow.calendar;

import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federal business calendar (ADR 0017): a business day is a Monday to Friday that is no federal
 * holiday as observed ({@link FederalHolidays}) and no day an administrator closed. Periods count
 * business days; a deadline is the end (23:59:59) of a business day in the office's time zone.
 */
@Service
@Transactional(readOnly = true)
public class BusinessCalendar {

  /** The end of a deadline's day. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
  /** When a reminder (a task's follow-up date) falls on its day. */
  public static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

  private final ClosureDayRepository closures;
  private final CalendarProperties properties;
  private final Clock clock;
  private final ZoneId zone;

  BusinessCalendar(ClosureDayRepository closures, CalendarProperties properties, Clock clock) {
    this.closures = closures;
    this.properties = properties;
    this.clock = clock;
    this.zone = properties.zone();
  }

  /** The office's time zone. */
  public ZoneId zone() {
    return zone;
  }

  /** Today in the office's time zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /** A period's length in business days (configuration). */
  public int days(Period period) {
    return properties.days(period);
  }

  public boolean isBusinessDay(LocalDate date) {
    return whyClosed(date).isEmpty();
  }

  /** Why this day is no business day ("Saturday", "Christmas Day (observed)", "closed: ..."), or empty. */
  public Optional<String> whyClosed(LocalDate date) {
    return whyClosed(date, closedDays(date, date));
  }

  /** The first business day after this day. */
  public LocalDate nextBusinessDay(LocalDate date) {
    return addBusinessDays(date, 1);
  }

  /** This day if it is a business day, else the next one. */
  public LocalDate onOrAfter(LocalDate date) {
    return isBusinessDay(date) ? date : nextBusinessDay(date);
  }

  /**
   * The business day {@code days} business days after {@code start} (before it for a negative
   * number); {@code start} itself need not be a business day. Zero: {@code start} itself.
   */
  public LocalDate addBusinessDays(LocalDate start, int days) {
    if (days == 0) {
      return start;
    }
    int step = days > 0 ? 1 : -1;
    int remaining = Math.abs(days);
    // Closures in a window wide enough for the weekends and holidays in between; widened if used up.
    int span = remaining * 2 + 20;
    LocalDate windowStart = start;
    Set<LocalDate> closed = closedDays(start, start.plusDays((long) step * span));
    LocalDate day = start;
    while (remaining > 0) {
      day = day.plusDays(step);
      if (Math.abs(day.toEpochDay() - windowStart.toEpochDay()) > span) {
        windowStart = day;
        closed = closedDays(day, day.plusDays((long) step * span));
      }
      if (whyClosed(day, closed).isEmpty()) {
        remaining--;
      }
    }
    return day;
  }

  /** The end of this day (23:59:59) in the office's time zone. */
  public Instant endOf(LocalDate date) {
    return date.atTime(END_OF_DAY).atZone(zone).toInstant();
  }

  /** The deadline of a period that starts now: the end of its last business day. */
  public Instant deadline(Period period) {
    return endOf(addBusinessDays(today(), days(period)));
  }

  /**
   * The reminder before a deadline: {@link Period#REMINDER} business days before the deadline's day,
   * at 09:00 in the office's time zone; never before now, and never after the deadline.
   */
  public Instant reminderBefore(Instant deadline) {
    Instant reminder = reminderBefore(deadline.atZone(zone).toLocalDate(), days(Period.REMINDER));
    return reminder.isAfter(deadline) ? deadline : reminder;
  }

  /**
   * {@code businessDays} business days before {@code due}, at 09:00 in the office's time zone; never
   * before now, and never after the end of the due day.
   */
  public Instant reminderBefore(LocalDate due, int businessDays) {
    Instant reminder = addBusinessDays(due, -businessDays).atTime(REMINDER_TIME).atZone(zone).toInstant();
    Instant now = clock.instant();
    Instant end = endOf(due);
    Instant latest = reminder.isBefore(now) ? now : reminder;
    return latest.isAfter(end) ? end : latest;
  }

  /** An instant as the engine reads a timer's or a task's date: ISO 8601 with the office's offset. */
  public String iso(Instant instant) {
    return OffsetDateTime.ofInstant(instant, zone).toString();
  }

  /**
   * The rule for dates people enter (ADR 0017): a deadline must fall on a business day. Otherwise the
   * input is refused (400) with the reason and the next business day named.
   */
  public void requireBusinessDay(String field, String label, LocalDate date) {
    Optional<String> closed = whyClosed(date);
    if (closed.isPresent()) {
      LocalDate next = nextBusinessDay(date);
      throw new InvalidRequestException(field, label + " " + date + " is not a business day (" + closed.get()
          + "); the next business day is " + next + " (" + next.getDayOfWeek().getDisplayName(
              java.time.format.TextStyle.FULL, java.util.Locale.US) + ").");
    }
  }

  /** The federal holidays observed in a year. */
  public List<FederalHolidays.Observed> holidays(int year) {
    return FederalHolidays.observedIn(year, properties.observesInaugurationDay());
  }

  /** The closures of one year, in date order. */
  public List<ClosureDay> closures(int year) {
    return closures.findByDayBetweenOrderByDayAsc(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /**
   * Closes the offices on a day: a weekday that is not yet closed, today or later. Deadlines computed
   * from then on skip it; those already set stay as they are.
   */
  @Transactional
  public ClosureDay addClosure(LocalDate day, String reason, String actor) {
    if (day == null) {
      throw new InvalidRequestException("date", "Give the day of the closure (date, yyyy-mm-dd).");
    }
    if (day.isBefore(today())) {
      throw new InvalidRequestException("date", "The closure day " + day + " has passed (today is " + today()
          + "); add today or a later day.");
    }
    if (day.isAfter(today().plusYears(2))) {
      throw new InvalidRequestException("date", "The closure day " + day + " is more than two years away.");
    }
    if (closures.existsById(day)) {
      throw new ConflictException("The offices are already closed on " + day + ".");
    }
    Optional<String> closed = whyClosed(day);
    if (closed.isPresent()) {
      throw new InvalidRequestException("date", day + " is no business day already (" + closed.get() + ").");
    }
    try {
      return closures.saveAndFlush(new ClosureDay(day, reason, actor, clock.instant()));
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException("The offices are already closed on " + day + ".");
    }
  }

  /** Reopens a day an administrator closed. */
  @Transactional
  public void removeClosure(LocalDate day) {
    if (!closures.existsById(day)) {
      throw new NotFoundException("No closure on " + day + ".");
    }
    closures.deleteById(day);
  }

  private Set<LocalDate> closedDays(LocalDate from, LocalDate to) {
    LocalDate first = from.isBefore(to) ? from : to;
    LocalDate last = from.isBefore(to) ? to : from;
    return closures.findByDayBetweenOrderByDayAsc(first, last).stream().map(ClosureDay::getDay)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Optional<String> whyClosed(LocalDate date, Set<LocalDate> closed) {
    if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return Optional.of(date.getDayOfWeek() == DayOfWeek.SATURDAY ? "a Saturday" : "a Sunday");
    }
    Optional<FederalHolidays.Observed> holiday = FederalHolidays.on(date, properties.observesInaugurationDay());
    if (holiday.isPresent()) {
      return Optional.of(holiday.get().name());
    }
    if (closed.contains(date)) {
      return Optional.of("offices closed: " + closures.findById(date).map(ClosureDay::getReason).orElse("closure"));
    }
    return Optional.empty();
  }
}
