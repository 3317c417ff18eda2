package gov.qsmo.workflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mail committed but not yet sent survives a SIGKILL, and two nodes send it once. A node starts with its
 * mail server down: the demo's steps commit their messages (tasks offered and assigned, OMB's decisions),
 * the node tries to send them and cannot. It is killed with SIGKILL. The mail server comes back and two
 * nodes start on the same database, both running the sending pass: every message arrives exactly once
 * (one copy per outbox row and Message-ID) and every row is recorded as sent.
 */
class MailDeliveryResilienceIT {

  static SharedDatabase database;
  static final List<AppNode> nodes = new ArrayList<>();
  static int mailPort;
  static final String SENDER_DOMAIN = "resilience.test";

  @BeforeAll
  static void start() {
    database = SharedDatabase.start();
    mailPort = TestMailServer.port();
    TestMailServer.stop();
  }

  @AfterAll
  static void stopEverything() {
    nodes.forEach(AppNode::close);
    if (database != null) {
      database.close();
    }
    TestMailServer.start();
  }

  @Test
  void mailCommittedBeforeAKillIsSentOnceAfterTheRestartByTwoNodes() {
    AppNode first = start("mail-before-kill");
    await("messages committed and tried while the mail server is down").atMost(Duration.ofSeconds(60))
        .until(() -> count("status = 'PENDING' and attempts > 0") > 0);
    int assigned = count("kind = 'TASK_ASSIGNED'");
    assertThat(assigned).as("the board's review tasks assigned in the demo").isPositive();
    assertThat(count("status = 'SENT'")).isZero();

    assertThat(first.killHard()).isEqualTo(137);
    int committed = count("status <> 'UNDELIVERABLE'");
    TestMailServer.start();
    AppNode a = AppNode.start("mail-node-a", database, arguments());
    AppNode b = AppNode.start("mail-node-b", database, arguments());
    nodes.add(a);
    nodes.add(b);
    a.awaitReady();
    b.awaitReady();

    // Tasks assigned before the kill whose messages were not yet written are written by one of the nodes.
    await("every committed message sent").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .until(() -> database.jdbc.queryForObject(TestMailServer.UNSENT_MAIL_SQL, Integer.class) == 0);
    int sent = count("status = 'SENT'");
    assertThat(sent).isGreaterThanOrEqualTo(committed);
    await("every sent message received").atMost(Duration.ofSeconds(30))
        .until(() -> TestMailServer.received().stream().map(message -> {
          try {
            return message.getMessageID();
          } catch (MessagingException e) {
            throw new AssertionError(e);
          }
        }).filter(messageId -> messageId.endsWith("@" + SENDER_DOMAIN + ">")).count() >= sent);
    sleep(Duration.ofSeconds(5));
    Function<MimeMessage, String> id = message -> {
      try {
        return message.getMessageID();
      } catch (MessagingException e) {
        throw new AssertionError(e);
      }
    };
    // Only the nodes' messages (their sender's domain in the Message-ID), whatever else this JVM sends.
    Map<String, Long> copies = TestMailServer.received().stream().map(id)
        .filter(messageId -> messageId.endsWith("@" + SENDER_DOMAIN + ">"))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(copies).as("one copy of each message").hasSize(sent)
        .allSatisfy((messageId, n) -> assertThat(n).as(messageId).isEqualTo(1L));
  }

  private static AppNode start(String name) {
    AppNode node = AppNode.start(name, database, arguments());
    nodes.add(node);
    return node.awaitReady();
  }

  /** The nodes send through the test's mail server, and retry within seconds. */
  private static List<String> arguments() {
    return List.of("--qsmo.test-mail.enabled=false", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + mailPort, "--qsmo.notification.poll-interval=PT1S",
        "--qsmo.notification.retry-initial=PT1S", "--qsmo.notification.retry-max=PT2S",
        "--qsmo.notification.from=nodes@" + SENDER_DOMAIN);
  }

  private static int count(String condition) {
    return database.jdbc.queryForObject("select count(*) from qsmo.notification_message where " + condition,
        Integer.class);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
