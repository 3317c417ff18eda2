package gov.qsmo.workflow;

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
   * date's end) are in the server's time zone, as the engine's timers are: set TZ for the office's zone.
   */
  @Bean
  Clock clock() {
    return new EngineClock(ZoneId.systemDefault());
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
