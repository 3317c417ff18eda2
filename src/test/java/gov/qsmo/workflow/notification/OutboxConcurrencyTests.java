package gov.qsmo.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.TestMailServer;
import gov.qsmo.workflow.identity.IdentitySetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending passes that run at the same moment, as on two nodes (each its own transaction and connection on
 * one database, besides this node's own periodic pass): every message of the outbox goes out exactly once.
 */
@ProcessEngineTest
class OutboxConcurrencyTests {

  static final int MESSAGES = 60;
  static final int PASSES = 6;
  static final String CLAIMED_USER = "claimed.task.user";

  @Autowired
  Outbox outbox;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  Notifications notifications;
  @Autowired
  IdentityService identityService;
  @Autowired
  MailDispatcher dispatcher;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void serverRuns() {
    TestMailServer.start();
  }

  @Test
  void passesRacingForTheSameMessagesSendEachOnce() throws Exception {
    String record = "RACE-" + System.nanoTime();
    TestMailServer.stop();
    List<Outbox.Message> messages = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      messages.add(new Outbox.Message(MessageKind.DECISION, "race.user" + i, "race.user" + i + "@qsmo.example.gov",
          "[QSMO] Race " + record + " #" + i, "Text " + record, "<p>" + record + "</p>", null, record, null));
    }
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> outbox.record(messages));
    TestMailServer.start();
    // Make them due now, whatever the periodic pass did while the server was down.
    jdbc.update("update qsmo.notification_message set next_attempt_at = now() where record_id = ?", record);

    racingPasses();

    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from "
        + "qsmo.notification_message where record_id = ? and status = 'SENT'", Integer.class, record) == MESSAGES);
    Thread.sleep(2000);
    List<Mails> arrived = Mails.received().stream().filter(m -> m.subject().contains(record)).toList();
    Map<String, Long> copies = arrived.stream().collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
    assertThat(copies).hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
    assertThat(arrived).hasSize(MESSAGES);
  }

  /**
   * Tasks assigned and offered are recorded as events; passes racing for them write each event's messages
   * once (each task named once to each recipient) and leave no event behind.
   */
  @Test
  void passesRacingForTheSameTaskEventsWriteEachMessageOnce() throws Exception {
    String record = "RACE-TASKS-" + System.nanoTime();
    List<String> users = List.of("race.task.a", "race.task.b", "race.task.c");
    users.forEach(user -> identitySetup.ensureUser(user, "Race", user, "pw"));
    try {
      int events = 30;
      new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
        for (int i = 0; i < events; i++) {
          boolean assigned = i % 2 == 0;
          outbox.recordTaskEvent(assigned ? MessageKind.TASK_ASSIGNED : MessageKind.TASK_OFFERED,
              new Notifications.TaskFacts(record + "-" + i, "Race task " + i, "Race", record, null,
                  assigned ? users.get(i % users.size()) : null, assigned ? Set.of() : Set.copyOf(users), Set.of()));
        }
      });
      racingPasses();

      assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_task_event where record_id = ?",
          Integer.class, record)).as("every event taken").isZero();
      Map<String, Long> copies = jdbc.queryForList("select task_id || ' to ' || recipient_user_id from "
          + "qsmo.notification_message where record_id = ? and kind = 'TASK_OFFERED'", String.class, record).stream()
          .collect(Collectors.groupingBy(key -> key, Collectors.counting()));
      assertThat(copies).as("three messages per offered task, one to each candidate")
          .hasSize(events / 2 * users.size())
          .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
      // A person's tasks of one record may share a message (Notifications.DIGEST_MAX): each is named in one.
      List<Map<String, Object>> assignedMessages = jdbc.queryForList("select recipient_user_id, body_text from "
          + "qsmo.notification_message where record_id = ? and kind = 'TASK_ASSIGNED'", record);
      for (int i = 0; i < events; i += 2) {
        String link = "?task=" + record + "-" + i + "\n";
        String assignee = users.get(i % users.size());
        assertThat(assignedMessages.stream().filter(m -> ((String) m.get("body_text")).contains(link)).toList())
            .as("task %d assigned: named in one message, to %s", i, assignee).singleElement()
            .satisfies(m -> assertThat(m.get("recipient_user_id")).isEqualTo(assignee));
      }
    } finally {
      users.forEach(identityService::deleteUser);
    }
  }

  /**
   * A pass that has claimed a task event and written its messages dies before its commit (its transaction rolls
   * back, as a killed node's does): while it holds the event other passes skip it; then the next pass writes its
   * messages, once.
   */
  @Test
  void anEventClaimedByAPassThatDiesIsWrittenByTheNextPassOnce() throws Exception {
    identitySetup.ensureUser(CLAIMED_USER, "Claimed", "User", "pw");
    ExecutorService node = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch release = new CountDownLatch(1);
      Future<Boolean> dying = null;
      String record = null;
      // The periodic pass (every second here) may take a new event before this test's pass does: then again.
      for (int attempt = 0; attempt < 5 && dying == null; attempt++) {
        String candidate = "CLAIMED-" + System.nanoTime();
        long id = insertEvent("TASK_ASSIGNED", candidate, CLAIMED_USER);
        CountDownLatch claimed = new CountDownLatch(1);
        AtomicBoolean took = new AtomicBoolean();
        Future<Boolean> pass = node.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
          took.set(notifications.writeTaskMessagesOf(id) == 1);
          claimed.countDown();
          if (took.get()) {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          status.setRollbackOnly();
          return took.get();
        }));
        assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
        if (took.get()) {
          dying = pass;
          record = candidate;
        } else {
          pass.get(30, TimeUnit.SECONDS);
        }
      }
      assertThat(dying).as("this test's pass took one of five new events before the periodic pass").isNotNull();

      dispatcher.sendQuietly();
      assertThat(taskEvents(record)).as("held by the dying pass, skipped by the others").isEqualTo(1);
      assertThat(messages(record)).as("the dying pass's messages are not committed").isZero();

      release.countDown();
      assertThat(dying.get(30, TimeUnit.SECONDS)).isTrue();
      dispatcher.sendQuietly();
      String claimedRecord = record;
      await().atMost(Duration.ofSeconds(30)).until(() -> taskEvents(claimedRecord) == 0);
      assertThat(messages(record)).as("written once, by the next pass").isEqualTo(1);
    } finally {
      node.shutdownNow();
      identityService.deleteUser(CLAIMED_USER);
    }
  }

  /**
   * A task event whose messages cannot be written (here: of a kind this version does not know) is set aside,
   * listed as undeliverable with the reason; the event beside it is written all the same.
   */
  @Test
  void anEventThatCannotBeWrittenIsSetAsideAndHoldsUpNoOther() {
    identitySetup.ensureUser(CLAIMED_USER, "Claimed", "User", "pw");
    try {
      String record = "SET-ASIDE-" + System.nanoTime();
      new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
        insertEvent("NO_SUCH_KIND", record, CLAIMED_USER);
        insertEvent("TASK_ASSIGNED", record, CLAIMED_USER);
      });
      dispatcher.sendQuietly();
      await().atMost(Duration.ofSeconds(30)).until(() -> taskEvents(record) == 0);
      assertThat(jdbc.queryForList("select task_id || ' ' || status || ' ' || coalesce(last_error, '') from "
          + "qsmo.notification_message where record_id = ? order by task_id", String.class, record))
          .satisfiesExactly(
              first -> assertThat(first).startsWith(record + "-NO_SUCH_KIND UNDELIVERABLE The messages of this task "
                  + "could not be written").contains("of no kind this version writes"),
              second -> assertThat(second).startsWith(record + "-TASK_ASSIGNED ").doesNotContain("UNDELIVERABLE"));
    } finally {
      identityService.deleteUser(CLAIMED_USER);
    }
  }

  /** {@value #PASSES} sending passes at the same moment, each on its own thread, transaction and connection. */
  private void racingPasses() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(PASSES);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> passes = new ArrayList<>();
      for (int i = 0; i < PASSES; i++) {
        passes.add(nodes.submit(() -> {
          go.await();
          dispatcher.sendQuietly();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> pass : passes) {
        pass.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdown();
    }
  }

  private long insertEvent(String kind, String record, String assignee) {
    return jdbc.queryForObject("insert into qsmo.notification_task_event (kind, task_id, task_name, process_name, "
        + "record_id, assignee, candidate_users, candidate_groups, created_at) values (?, ?, 'Claimed task', "
        + "'Race', ?, ?, '{}', '{}', now()) returning id", Long.class, kind, record + "-" + kind, record, assignee);
  }

  private int taskEvents(String record) {
    return jdbc.queryForObject("select count(*) from qsmo.notification_task_event where record_id = ?",
        Integer.class, record);
  }

  private int messages(String record) {
    return jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ?",
        Integer.class, record);
  }
}
