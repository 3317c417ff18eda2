package gov.qsmo.workflow.process;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people in the office read them: in the office's time zone ({@code qsmo.office.time-zone},
 * America/New_York by default), in words ("Dec 18, 2026, 8:58 AM EST"), never an ISO instant in UTC.
 */
@Component
public class OfficeTime {

  private final ZoneId zone;
  private final DateTimeFormatter time;
  private final DateTimeFormatter date = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

  public OfficeTime(@Value("${qsmo.office.time-zone:America/New_York}") String zone) {
    this.zone = ZoneId.of(zone);
    this.time = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a zzz", Locale.US).withZone(this.zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** An instant in the office's zone, with the zone's abbreviation; "not recorded" for none. */
  public String dateTime(Instant instant) {
    if (instant == null) {
      return "not recorded";
    }
    try {
      return time.format(instant);
    } catch (DateTimeException outOfRange) {
      return instant.toString();
    }
  }

  /** A calendar date in words: "December 18, 2026". */
  public String date(LocalDate day) {
    return day == null ? "not recorded" : date.format(day);
  }

  /**
   * A date or time the process keeps as ISO text (an instant, a local date-time of the server's zone as the engine's timers use, or a
   * date) in words; text that is none of these is returned as it is.
   */
  public String text(String iso) {
    if (iso == null || iso.isBlank()) {
      return "not set";
    }
    try {
      return dateTime(Instant.parse(iso));
    } catch (DateTimeParseException notInstant) {
      try {
        return dateTime(LocalDateTime.parse(iso).atZone(ZoneId.systemDefault()).toInstant());
      } catch (DateTimeParseException notDateTime) {
        try {
          return date(LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso));
        } catch (DateTimeParseException notDate) {
          return iso;
        }
      }
    }
  }
}
