package gov.qsmo.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Business days, deadlines and closure days, with the closures in PostgreSQL. */
@ProcessEngineTest
class BusinessCalendarTests {

  @Autowired
  BusinessCalendar calendar;
  @Autowired
  ClosureDayRepository closures;
  @Autowired
  Clock clock;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The office in Washington, as configured by default (the test profile uses the machine's zone). */
  private BusinessCalendar washington() {
    return new BusinessCalendar(closures, new CalendarProperties("America/New_York", true, Map.of()), clock);
  }

  @Test
  void weekendsAndHolidaysAreNoBusinessDays() {
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 26))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 27))).isFalse();
    assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 28))).isTrue();
    assertThat(calendar.whyClosed(LocalDate.of(2026, 12, 25))).contains("Christmas Day");
    assertThat(calendar.whyClosed(LocalDate.of(2026, 12, 26))).contains("a Saturday");
    assertThat(calendar.nextBusinessDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(calendar.onOrAfter(LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2026, 12, 28));
    // New Year's Day 2028 on a Saturday is observed on Friday 31 December 2027.
    assertThat(calendar.nextBusinessDay(LocalDate.of(2027, 12, 30))).isEqualTo(LocalDate.of(2028, 1, 3));
  }

  @Test
  void periodsCountBusinessDaysForwardAndBack() {
    // From Friday 18 December 2026: 21, 22, 23, 24, (25 Christmas, 26, 27), 28, 29, 30, 31, (1 Jan), 4 January.
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 12, 18), 9)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(calendar.addBusinessDays(LocalDate.of(2027, 1, 4), -9)).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 12, 26), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 12, 26), 0)).isEqualTo(LocalDate.of(2026, 12, 26));
    // 2027 has 261 weekdays and 12 holidays on weekdays (31 December for New Year's Day 2028): 249
    // business days, so the 250th after 31 December 2026 is the first of 2028, Monday 3 January.
    LocalDate end = calendar.addBusinessDays(LocalDate.of(2026, 12, 31), 250);
    assertThat(end).isEqualTo(LocalDate.of(2028, 1, 3));
    assertThat(calendar.addBusinessDays(LocalDate.of(2026, 12, 31), 249)).isEqualTo(LocalDate.of(2027, 12, 30));
    assertThat(calendar.addBusinessDays(end, -250)).isEqualTo(LocalDate.of(2026, 12, 31));
  }

  @Test
  void deadlinesEndAtTheEndOfTheDayInTheOfficesTimeZone() {
    BusinessCalendar office = washington();
    assertThat(office.endOf(LocalDate.of(2026, 12, 24))).isEqualTo(Instant.parse("2026-12-25T04:59:59Z"));
    assertThat(office.endOf(LocalDate.of(2026, 7, 2))).isEqualTo(Instant.parse("2026-07-03T03:59:59Z"));
    assertThat(office.iso(Instant.parse("2026-12-25T04:59:59Z"))).isEqualTo("2026-12-24T23:59:59-05:00");
    // 03:00 UTC on Friday 4 December is still Thursday in Washington: ten business days end on Thursday the 17th.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-04T03:00:00Z")));
    assertThat(office.today()).isEqualTo(LocalDate.of(2026, 12, 3));
    assertThat(office.deadline(Period.BOARD_REVIEW)).isEqualTo(Instant.parse("2026-12-18T04:59:59Z"));
    // Its reminder: two business days before, at 09:00 in Washington.
    assertThat(office.reminderBefore(office.deadline(Period.BOARD_REVIEW)))
        .isEqualTo(Instant.parse("2026-12-15T14:00:00Z"));
    // A reminder never lies in the past, nor after its deadline.
    Instant deadline = office.deadline(Period.BOARD_REVIEW);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-16T15:00:00Z")));
    assertThat(office.reminderBefore(deadline)).isEqualTo(Instant.parse("2026-12-16T15:00:00Z"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-20T15:00:00Z")));
    assertThat(office.reminderBefore(deadline)).isEqualTo(deadline);
  }

  @Test
  void aDateOnANonBusinessDayIsRefusedWithTheNextBusinessDayNamed() {
    assertThatThrownBy(() -> calendar.requireBusinessDay("planDueDate", "Plan due date", LocalDate.of(2026, 12, 25)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Plan due date 2026-12-25 is not a business day (Christmas Day); the next business day is "
            + "2026-12-28 (Monday).");
    assertThatThrownBy(() -> calendar.requireBusinessDay("planDueDate", "Plan due date", LocalDate.of(2027, 7, 3)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("(a Saturday); the next business day is 2027-07-06 (Tuesday)");
    calendar.requireBusinessDay("planDueDate", "Plan due date", LocalDate.of(2026, 12, 28));
  }

  @Test
  void anAdministratorsClosureDayIsNoBusinessDayUntilRemoved() {
    LocalDate closed = TestDates.businessDay(calendar.today().plusDays(400));
    LocalDate before = calendar.addBusinessDays(closed, -1);
    LocalDate after = calendar.nextBusinessDay(closed);
    try {
      ClosureDay day = calendar.addClosure(closed, "Snow: federal offices in the Washington area closed.", "admin");
      assertThat(day.getAddedBy()).isEqualTo("admin");
      assertThat(closures.findById(closed)).isPresent();
      assertThat(calendar.isBusinessDay(closed)).isFalse();
      assertThat(calendar.whyClosed(closed)).contains("offices closed: Snow: federal offices in the Washington area closed.");
      assertThat(calendar.addBusinessDays(before, 1)).isEqualTo(after);
      assertThat(calendar.addBusinessDays(after, -1)).isEqualTo(before);
      assertThat(calendar.closures(closed.getYear())).extracting(ClosureDay::getDay).contains(closed);
      assertThatThrownBy(() -> calendar.requireBusinessDay("deferredUntil", "Deferred until", closed))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("the next business day is " + after);

      assertThatThrownBy(() -> calendar.addClosure(closed, "Again.", "admin")).isInstanceOf(ConflictException.class)
          .hasMessageContaining("already closed on " + closed);
    } finally {
      calendar.removeClosure(closed);
    }
    assertThat(calendar.isBusinessDay(closed)).isTrue();
    assertThat(calendar.addBusinessDays(before, 1)).isEqualTo(closed);
    assertThatThrownBy(() -> calendar.removeClosure(closed)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aClosureMustBeAFutureBusinessDay() {
    LocalDate saturday = TestDates.nonBusinessDay(calendar.today().plusDays(10));
    assertThatThrownBy(() -> calendar.addClosure(saturday, "x", "admin")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("is no business day already");
    assertThatThrownBy(() -> calendar.addClosure(calendar.today().minusDays(1), "x", "admin"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("has passed");
    assertThatThrownBy(() -> calendar.addClosure(calendar.today().plusYears(3), "x", "admin"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("more than two years away");
    assertThat(closures.count()).isZero();
  }
}
