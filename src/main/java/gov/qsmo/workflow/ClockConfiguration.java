package gov.qsmo.workflow;

import gov.qsmo.workflow.calendar.CalendarProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /**
   * The time source for every business rule. It reads the engine's clock, so that a test that moves
   * Camunda's clock (to fire a timer) moves the application's rules with it. Dates ("today", a due
   * date's end) are in the office's time zone, {@code qsmo.calendar.time-zone} (ADR 0017).
   */
  @Bean
  Clock clock(CalendarProperties calendar) {
    return new EngineClock(calendar.zone());
  }

  private static final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new EngineClock(newZone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
