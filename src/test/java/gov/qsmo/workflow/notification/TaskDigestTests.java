package gov.qsmo.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.TestMailServer;
import gov.qsmo.workflow.identity.IdentitySetup;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many tasks assigned to one person for one record in one step (a batch of responses to score, a chair's
 * consensus reviews) are told in one message that lists them, at most {@value Notifications#DIGEST_MAX} tasks a
 * message; tasks of another record, or offered rather than assigned, keep their own message.
 *
 * <p>The events are recorded and written in one transaction, so that no other sending pass (this node's periodic
 * one) sees them before they are written: which events share a message is then decided by the sender alone.
 */
@ProcessEngineTest
class TaskDigestTests {

  static final String REVIEWER = "digest.reviewer";
  static final String OTHER = "digest.other";
  static final int MANY = Notifications.DIGEST_MAX + 30;

  @Autowired
  Outbox outbox;
  @Autowired
  Notifications notifications;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  IdentityService identityService;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void users() {
    TestMailServer.start();
    identitySetup.ensureUser(REVIEWER, "Dee", "Gest", "pw");
    identitySetup.ensureUser(OTHER, "Otto", "Gest", "pw");
  }

  @AfterEach
  void usersGone() {
    identityService.deleteUser(REVIEWER);
    identityService.deleteUser(OTHER);
  }

  /**
   * With batches of 5, the first batch is joined by the rest of the person's waiting events up to the limit; with
   * batches of 150 (a {@code batch-size} set above the limit) the batch itself holds them all and its group is
   * split at the limit. Either way: two messages, of 100 and 30 tasks.
   */
  @ParameterizedTest(name = "sending batches of {0}")
  @ValueSource(ints = {5, 150})
  void tasksAssignedToOnePersonForOneRecordAreToldInOneMessageThatListsThem(int batch) {
    String record = "RFI-DIGEST-" + System.nanoTime();
    String otherRecord = record + "-B";
    Instant due = Instant.parse("2027-01-15T22:00:00Z");
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      for (int i = 0; i < MANY; i++) {
        // Deadlines in reverse order: the message lists the earliest first.
        outbox.recordTaskEvent(MessageKind.TASK_ASSIGNED, facts(record + "-t" + i, "Score RFI response: Response "
            + i + " <b>& Co</b> (" + record + ")", record, Date.from(due.plusSeconds(3600L * (MANY - i))), REVIEWER));
      }
      outbox.recordTaskEvent(MessageKind.TASK_ASSIGNED, facts(record + "-o1", "Score RFI response: First", record,
          Date.from(due), OTHER));
      outbox.recordTaskEvent(MessageKind.TASK_ASSIGNED, facts(record + "-o2", "Hold consensus review: Second", record,
          Date.from(due), OTHER));
      outbox.recordTaskEvent(MessageKind.TASK_ASSIGNED, facts(otherRecord + "-t0", "Score RFI response: Alone",
          otherRecord, Date.from(due), REVIEWER));
      for (int i = 1; i <= 2; i++) {
        // Tasks of processes without a record (no business key) are not joined: nothing says they belong together.
        outbox.recordTaskEvent(MessageKind.TASK_ASSIGNED, facts(record + "-norecord" + i, "Unfiled task " + i, null,
            Date.from(due), OTHER));
      }
      outbox.recordTaskEvent(MessageKind.TASK_OFFERED, new Notifications.TaskFacts(record + "-offered",
          "Screen RFI responses", "RFI evaluation", record, Date.from(due), null, Set.of(REVIEWER), Set.of()));
        while (jdbc.queryForObject("select count(*) from qsmo.notification_task_event where record_id in (?, ?)",
          Integer.class, record, otherRecord) > 0) {
        notifications.writeTaskMessages(batch);
      }
    });

    List<Map<String, Object>> toReviewer = jdbc.queryForList("select subject, body_text, task_id from "
        + "qsmo.notification_message where record_id = ? and recipient_user_id = ? and kind = 'TASK_ASSIGNED' "
        + "order by id", record, REVIEWER);
    assertThat(toReviewer).as("%s tasks in two messages, not one each", MANY).hasSize(2);
    assertThat(toReviewer.get(0).get("subject")).isEqualTo("[QSMO] " + Notifications.DIGEST_MAX
        + " tasks assigned to you: Score RFI response (" + record + ")");
    assertThat(toReviewer.get(1).get("subject")).isEqualTo("[QSMO] 30 tasks assigned to you: Score RFI response ("
        + record + ")");
    assertThat(toReviewer).allSatisfy(m -> assertThat(m.get("task_id")).as("a message of several tasks").isNull());
    String all = (String) toReviewer.get(0).get("body_text") + toReviewer.get(1).get("body_text");
    for (int i = 0; i < MANY; i++) {
      assertThat(occurrences(all, "?task=" + record + "-t" + i + "\n")).as("task %d listed once", i).isEqualTo(1);
    }
    String first = (String) toReviewer.get(0).get("body_text");
    assertThat(first).contains("Tasks:             " + Notifications.DIGEST_MAX)
        .contains("Process:           RFI evaluation").contains("Record:            " + record)
        .contains("http://localhost:8080/camunda/app/tasklist/default/");
    // The first message holds the oldest events (0 to DIGEST_MAX - 1), the earliest deadline first: the last ones.
    int max = Notifications.DIGEST_MAX;
    assertThat(first).contains("Response 0 ").contains("Response " + (max - 1) + " ")
        .doesNotContain("Response " + max + " ");
    assertThat(first.indexOf("Response " + (max - 1) + " ")).isLessThan(first.indexOf("Response " + (max - 2) + " "));

    assertThat(jdbc.queryForList("select subject from qsmo.notification_message where record_id = ? "
        + "and recipient_user_id = ?", String.class, record, OTHER))
        .as("two tasks of different kinds: one message, without a common name")
        .containsExactly("[QSMO] 2 tasks assigned to you (" + record + ")");
    assertThat(jdbc.queryForList("select subject from qsmo.notification_message where record_id = ? "
        + "and recipient_user_id = ?", String.class, otherRecord, REVIEWER))
        .as("the one task of another record: its own message")
        .containsExactly("[QSMO] Task assigned to you: Score RFI response: Alone");
    assertThat(jdbc.queryForList("select subject from qsmo.notification_message where record_id = ? "
        + "and recipient_user_id = ? and kind = 'TASK_OFFERED'", String.class, record, REVIEWER))
        .as("a task offered: its own message").containsExactly("[QSMO] Task waiting for you: Screen RFI responses");

    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from "
        + "qsmo.notification_task_event where task_id like ?", Integer.class, record + "-norecord%") == 0);
    assertThat(jdbc.queryForList("select task_id from qsmo.notification_message where task_id like ? "
        + "and recipient_user_id = ? order by task_id", String.class, record + "-norecord%", OTHER))
        .as("one message each").containsExactly(record + "-norecord1", record + "-norecord2");

    // Over SMTP: the list in the HTML part, each task a link, people's words escaped.
    Mails mail = NotificationMailTests.awaitOne(REVIEWER, record, "30 tasks assigned to you");
    assertThat(mail.html()).contains("<ul>").contains("<li><a href=\"http://localhost:8080/camunda/app/tasklist/"
        + "default/#/?task=" + record + "-t" + (MANY - 1) + "\">Score RFI response: Response " + (MANY - 1) + " &lt;b&gt;&amp; Co&lt;/b&gt; ("
        + record + ")</a><br>Deadline: ").doesNotContain("<b>& Co</b>");
    assertThat(occurrences(mail.html(), "<li>")).isEqualTo(30);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from "
        + "qsmo.notification_message where record_id = ? and status = 'SENT'", Integer.class, record) == 4);
  }

  private static Notifications.TaskFacts facts(String taskId, String name, String record, Date due, String assignee) {
    return new Notifications.TaskFacts(taskId, name, "RFI evaluation", record, due, assignee, Set.of(), Set.of());
  }

  private static int occurrences(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
