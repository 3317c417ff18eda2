package gov.qsmo.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.TestMailServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

  @Autowired
  Outbox outbox;
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
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      for (int i = 0; i < MESSAGES; i++) {
        outbox.record(new Outbox.Message(MessageKind.DECISION, "race.user" + i, "race.user" + i + "@qsmo.example.gov",
            "[QSMO] Race " + record + " #" + i, "Text " + record, "<p>" + record + "</p>", null, record, null));
      }
    });
    TestMailServer.start();
    // Make them due now, whatever the periodic pass did while the server was down.
    jdbc.update("update qsmo.notification_message set next_attempt_at = now() where record_id = ?", record);

    ExecutorService nodes = Executors.newFixedThreadPool(PASSES);
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
    nodes.shutdown();

    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from "
        + "qsmo.notification_message where record_id = ? and status = 'SENT'", Integer.class, record) == MESSAGES);
    Thread.sleep(2000);
    List<Mails> arrived = Mails.received().stream().filter(m -> m.subject().contains(record)).toList();
    Map<String, Long> copies = arrived.stream().collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
    assertThat(copies).hasSize(MESSAGES).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
    assertThat(arrived).hasSize(MESSAGES);
  }
}
