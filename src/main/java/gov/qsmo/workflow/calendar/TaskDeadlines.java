package gov.qsmo.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dates the process models give their user tasks and timers, read as {@code ${deadlines...}}
 * in {@code camunda:dueDate}, {@code camunda:followUpDate} and {@code timeDate} (ADR 0017). Tasklist
 * shows and sorts by the due date; the follow-up date is the reminder.
 */
@Component("deadlines")
public class TaskDeadlines {

  private final BusinessCalendar calendar;

  TaskDeadlines(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /** The deadline of a period that starts now: the end of its last business day, in the office's time zone. */
  public Date due(String period) {
    return Date.from(calendar.deadline(Period.of(period)));
  }

  /** The follow-up date of a task due at the end of a period that starts now. */
  public Date followUp(String period) {
    return Date.from(calendar.reminderBefore(calendar.deadline(Period.of(period))));
  }

  /** The end (23:59:59, office's time zone) of a day given as yyyy-mm-dd: a plan's due date. */
  public Date endOfDay(Object isoDate) {
    return isoDate == null ? null : Date.from(calendar.endOf(LocalDate.parse(isoDate.toString())));
  }

  /**
   * A date-time held in a variable: an instant or offset date-time as written, a local date-time or
   * a date (its start) in the office's time zone. Null stays null (the task then has no such date).
   */
  public Date at(Object value) {
    Instant instant = instant(value);
    return instant == null ? null : Date.from(instant);
  }

  /** The follow-up date of a task due at this date-time (see {@link #at}). */
  public Date followUpBefore(Object deadline) {
    Instant instant = instant(deadline);
    return instant == null ? null : Date.from(calendar.reminderBefore(instant));
  }

  /**
   * A variable of the execution's process instance or, when it has none, of the instance that called it
   * (a scoring instance reads its RFI's deadline). Null when neither has it. The engine evaluates a
   * task's dates with its execution as {@code execution}.
   */
  public Object inherited(DelegateExecution from, String name) {
    DelegateExecution execution = from;
    while (execution != null) {
      Object value = execution.getVariable(name);
      if (value != null) {
        return value;
      }
      execution = execution.getProcessInstance().getSuperExecution();
    }
    return null;
  }

  private Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notInstant) {
        try {
          return LocalDateTime.parse(text).atZone(calendar.zone()).toInstant();
        } catch (DateTimeParseException notLocal) {
          return LocalDate.parse(text).atStartOfDay(calendar.zone()).toInstant();
        }
      }
    }
  }
}
