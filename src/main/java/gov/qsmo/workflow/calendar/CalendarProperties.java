package gov.qsmo.workflow.calendar;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qsmo.calendar.*}: the office's time zone (blank: the server's), whether Inauguration Day is a
 * holiday (the Washington, D.C., area), and the processes' periods in business days.
 */
@ConfigurationProperties("qsmo.calendar")
public record CalendarProperties(String timeZone, Boolean inaugurationDay, Map<String, Integer> periods) {

  public CalendarProperties {
    periods = periods == null ? Map.of() : Map.copyOf(periods);
    for (Map.Entry<String, Integer> entry : periods.entrySet()) {
      Period.of(entry.getKey());
      if (entry.getValue() == null || entry.getValue() < 0 || entry.getValue() > 260) {
        throw new IllegalArgumentException("qsmo.calendar.periods." + entry.getKey() + " must be 0 to 260 business days, not "
            + entry.getValue() + ".");
      }
    }
    zoneOf(timeZone);
  }

  /** The office's time zone: deadlines end at 23:59:59 there. */
  public ZoneId zone() {
    return zoneOf(timeZone);
  }

  public boolean observesInaugurationDay() {
    return inaugurationDay == null || inaugurationDay;
  }

  public int days(Period period) {
    return periods.getOrDefault(period.key(), period.defaultDays());
  }

  private static ZoneId zoneOf(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(timeZone.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("qsmo.calendar.time-zone '" + timeZone + "' is no time zone (such as "
          + "America/New_York).", e);
    }
  }
}
