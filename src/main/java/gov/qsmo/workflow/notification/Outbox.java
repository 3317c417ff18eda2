package gov.qsmo.workflow.notification;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox tables: a message, or the event a task listener records (a task assigned or offered, turned into
 * its messages by the sender), is written in the caller's transaction (the engine's, when a task listener
 * writes it: the engine runs on Spring's transaction manager and this shares its connection), so it exists
 * exactly when the step that caused it committed. After the commit the sender is woken.
 */
@Component
class Outbox {

  /** A message ready to go, or one that cannot (no address): recorded either way. */
  record Message(MessageKind kind, String userId, String address, String subject, String text, String html,
      String taskId, String recordId, String problem) {
  }

  /** A task assigned or offered, whose messages are still to be written; {@code kind} null if unknown. */
  record TaskEvent(long id, MessageKind kind, Notifications.TaskFacts task) {
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

  /** Records these messages, in one batch of inserts; the sender is woken after the commit. */
  void record(List<Message> messages) {
    record(messages, true);
  }

  /** Records these messages; {@code wake}: whether the sender is woken after the commit (not if it writes them). */
  void record(List<Message> messages, boolean wake) {
    if (messages.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.batchUpdate("insert into qsmo.notification_message (kind, recipient_user_id, recipient_address, subject, "
        + "body_text, body_html, task_id, record_id, status, attempts, next_attempt_at, created_at, last_error) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", messages, messages.size(), (statement, message) -> {
          boolean deliverable = message.problem() == null;
          int i = 0;
          statement.setString(++i, message.kind().name());
          statement.setString(++i, message.userId());
          statement.setString(++i, message.address());
          statement.setString(++i, message.subject());
          statement.setString(++i, message.text());
          statement.setString(++i, message.html());
          statement.setString(++i, message.taskId());
          statement.setString(++i, message.recordId());
          statement.setString(++i, deliverable ? "PENDING" : "UNDELIVERABLE");
          statement.setTimestamp(++i, now);
          statement.setTimestamp(++i, now);
          statement.setString(++i, deliverable ? null : cut(message.problem()));
        });
    if (wake && messages.stream().anyMatch(m -> m.problem() == null)) {
      wakeAfterCommit();
    }
  }

  /**
   * Records that a task was assigned or offered: one small row, whatever the number of its recipients; the
   * sender turns it into their messages ({@link #claimTaskEvents}).
   */
  void recordTaskEvent(MessageKind kind, Notifications.TaskFacts task) {
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into qsmo.notification_task_event (kind, task_id, "
          + "task_name, process_name, record_id, due_at, assignee, candidate_users, candidate_groups, created_at) "
          + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      int i = 0;
      statement.setString(++i, kind.name());
      statement.setString(++i, task.taskId());
      statement.setString(++i, task.name());
      statement.setString(++i, task.processName());
      statement.setString(++i, task.recordId());
      statement.setTimestamp(++i, task.due() == null ? null : new Timestamp(task.due().getTime()));
      statement.setString(++i, task.assignee());
      statement.setArray(++i, connection.createArrayOf("text", task.candidateUsers().toArray()));
      statement.setArray(++i, connection.createArrayOf("text", task.candidateGroups().toArray()));
      statement.setTimestamp(++i, Timestamp.from(clock.instant()));
      return statement;
    });
    wakeAfterCommit();
  }

  private static final String TASK_EVENT_COLUMNS = "select id, kind, task_id, task_name, process_name, record_id, "
      + "due_at, assignee, candidate_users, candidate_groups from qsmo.notification_task_event ";

  /** Claims the oldest task events for this transaction; another node's pass skips them while it runs. */
  List<TaskEvent> claimTaskEvents(int limit) {
    return jdbc.query(TASK_EVENT_COLUMNS + "order by id limit ? for update skip locked", Outbox::taskEvent, limit);
  }

  /**
   * Claims further events of tasks assigned to this person for this record, oldest first, at most {@code limit},
   * none of {@code taken} (which this transaction holds already).
   */
  List<TaskEvent> claimAssigned(String assignee, String recordId, List<Long> taken, int limit) {
    return jdbc.query(connection -> {
      var statement = connection.prepareStatement(TASK_EVENT_COLUMNS + "where kind = 'TASK_ASSIGNED' and assignee = ? "
          + "and record_id = ? and id <> all(?) order by id limit ? for update skip locked");
      int i = 0;
      statement.setString(++i, assignee);
      statement.setString(++i, recordId);
      statement.setArray(++i, connection.createArrayOf("bigint", taken.toArray()));
      statement.setInt(++i, limit);
      return statement;
    }, Outbox::taskEvent);
  }

  /** Claims this task event, unless another pass holds it or it is gone (then none). */
  List<TaskEvent> claimTaskEvent(long id) {
    return jdbc.query(TASK_EVENT_COLUMNS + "where id = ? for update skip locked", Outbox::taskEvent, id);
  }

  /** A task event as stored; its kind null if this version does not know it (the event is then set aside). */
  private static TaskEvent taskEvent(java.sql.ResultSet rs, int row) throws SQLException {
    String stored = rs.getString(2);
    MessageKind kind = java.util.Arrays.stream(MessageKind.values()).filter(k -> k.name().equals(stored))
        .findFirst().orElse(null);
    return new TaskEvent(rs.getLong(1), kind, new Notifications.TaskFacts(
        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getTimestamp(7) == null ? null : new Date(rs.getTimestamp(7).getTime()), rs.getString(8),
        texts(rs.getArray(9)), texts(rs.getArray(10))));
  }

  /** The task events whose messages are written. */
  void deleteTaskEvents(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("delete from qsmo.notification_task_event where id = any(?)");
      statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
      return statement;
    });
  }

  private static Set<String> texts(Array array) throws SQLException {
    Set<String> values = new LinkedHashSet<>();
    if (array != null) {
      for (Object value : (Object[]) array.getArray()) {
        values.add((String) value);
      }
    }
    return values;
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
