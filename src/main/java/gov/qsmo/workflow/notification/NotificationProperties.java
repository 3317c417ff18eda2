package gov.qsmo.workflow.notification;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qsmo.notification.*}: what e-mail the application sends and how.
 *
 * @param enabled whether steps record messages at all (off: nothing is written to the outbox)
 * @param from the sender address of every message
 * @param baseUrl where people reach the application; links to Tasklist start with it
 * @param officeTimeZone the time zone deadlines are written in
 * @param groupSizeLimit a task offered to a larger group is not mailed to each member
 * @param largeGroupAddress where a task offered to a larger group is mailed instead (empty: nowhere)
 * @param batchSize messages one sending pass takes from the outbox, and tasks assigned or offered whose messages
 *     one transaction of the sender writes (ADR 0032)
 * @param retryInitial the wait after the first failed attempt; it doubles with each failure
 * @param retryMax the longest wait between attempts
 * @param maxAttempts after this many failed attempts a message is recorded as undeliverable
 * @param keepSentDays sent messages are deleted from the outbox after this many days
 * @param deadlineWatch whether this node looks for tasks whose follow-up or due date has come (reminders,
 *     overdue notices; {@link DeadlineWatch}); every node may, each notice is sent once
 * @param deadlineLookBack how far back the watch looks for a follow-up or due date it has not yet told
 * @param sendDelay how long a sending pass waits after the first step that wrote mail: what the steps of that
 *     moment write goes out together, over one connection to the mail server
 */
@ConfigurationProperties("qsmo.notification")
public record NotificationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("qsmo-workflow@localhost") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("America/New_York") ZoneId officeTimeZone,
    @DefaultValue("25") int groupSizeLimit,
    @DefaultValue("") String largeGroupAddress,
    @DefaultValue("20") int batchSize,
    @DefaultValue("30s") Duration retryInitial,
    @DefaultValue("30m") Duration retryMax,
    @DefaultValue("60") int maxAttempts,
    @DefaultValue("30") int keepSentDays,
    @DefaultValue("true") boolean deadlineWatch,
    @DefaultValue("7d") Duration deadlineLookBack,
    @DefaultValue("200ms") Duration sendDelay) {

  /** The base URL without a trailing slash. */
  String base() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The direct link to a task in Tasklist. */
  String taskLink(String taskId) {
    return base() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** The wait before attempt {@code attempts + 1}, doubling from {@link #retryInitial} up to {@link #retryMax}. */
  Duration backoff(int attempts) {
    Duration wait = retryInitial;
    for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(retryMax) > 0 ? retryMax : wait;
  }
}
