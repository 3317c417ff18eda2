package gov.qsmo.workflow.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox table: a message is written in the caller's transaction (the engine's, when a task listener
 * writes it: the engine runs on Spring's transaction manager and this shares its connection), so it exists
 * exactly when the step that caused it committed. After the commit the sender is woken.
 */
@Component
class Outbox {

  /** A message ready to go, or one that cannot (no address): recorded either way. */
  record Message(MessageKind kind, String userId, String address, String subject, String text, String html,
      String taskId, String recordId, String problem) {
  }

  /** A pending message claimed by one sending pass. */
  record Claimed(long id, String address, String subject, String text, String html, int attempts) {
  }

  /** An undeliverable message, as administrators see it. */
  record Undeliverable(long id, String kind, String recipientUserId, String recipientAddress, String subject,
      String taskId, String recordId, int attempts, Instant createdAt, String reason) {
  }

  private static final Object WAKE_KEY = new Object();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Runnable wake;

  Outbox(JdbcTemplate jdbc, Clock clock, MailSenderWake wake) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.wake = wake;
  }

  void record(Message message) {
    Timestamp now = Timestamp.from(clock.instant());
    boolean deliverable = message.problem() == null;
    jdbc.update("insert into qsmo.notification_message (kind, recipient_user_id, recipient_address, subject, "
        + "body_text, body_html, task_id, record_id, status, attempts, next_attempt_at, created_at, last_error) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", message.kind().name(), message.userId(),
        message.address(), message.subject(), message.text(), message.html(), message.taskId(),
        message.recordId(), deliverable ? "PENDING" : "UNDELIVERABLE", now, now,
        deliverable ? null : cut(message.problem()));
    if (deliverable) {
      wakeAfterCommit();
    }
  }

  /** Claims due messages for this transaction; another node's pass skips them while it runs. */
  List<Claimed> claimDue(int limit) {
    return jdbc.query("select id, recipient_address, subject, body_text, body_html, attempts "
        + "from qsmo.notification_message where status = 'PENDING' and next_attempt_at <= ? "
        + "order by next_attempt_at, id limit ? for update skip locked",
        (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getInt(6)), Timestamp.from(clock.instant()), limit);
  }

  /** Marks these messages sent, in one statement (a pass's batch). */
  void markSent(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("update qsmo.notification_message set status = 'SENT', "
          + "sent_at = ?, attempts = attempts + 1, last_error = null where id = any(?)");
      statement.setTimestamp(1, Timestamp.from(clock.instant()));
      statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
      return statement;
    });
  }

  void postpone(long id, Instant next, String error) {
    jdbc.update("update qsmo.notification_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
        + "where id = ?", Timestamp.from(next), cut(error), id);
  }

  void markUndeliverable(long id, String reason) {
    jdbc.update("update qsmo.notification_message set status = 'UNDELIVERABLE', attempts = attempts + 1, "
        + "last_error = ? where id = ?", cut(reason), id);
  }

  List<Undeliverable> undeliverable(int page, int size) {
    return jdbc.query("select id, kind, recipient_user_id, recipient_address, subject, task_id, record_id, attempts, "
        + "created_at, last_error from qsmo.notification_message where status = 'UNDELIVERABLE' "
        + "order by id desc limit ? offset ?", (rs, i) -> new Undeliverable(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
            rs.getTimestamp(9).toInstant(), rs.getString(10)), size, (long) page * size);
  }

  /** Deletes sent messages older than the given days, a bounded number at a time. */
  int deleteSentBefore(Instant before, int limit) {
    return jdbc.update("delete from qsmo.notification_message where id in (select id from qsmo.notification_message "
        + "where status = 'SENT' and sent_at < ? limit ?)", Timestamp.from(before), limit);
  }

  private void wakeAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      wake.run();
      return;
    }
    if (!TransactionSynchronizationManager.hasResource(WAKE_KEY)) {
      TransactionSynchronizationManager.bindResource(WAKE_KEY, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_KEY);
          if (status == STATUS_COMMITTED) {
            wake.run();
          }
        }
      });
    }
  }

  private static String cut(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 997) + "...";
  }
}
