package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.notification.EscalationPaths.OverdueTask;
import gov.qsmo.workflow.notification.EscalationPaths.Resolvers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and overdue notices for every user task of every process, from the dates the task carries:
 * when its follow-up date has come (and its due date not yet), its assignee or candidates get a reminder;
 * when its due date has passed, an overdue notice goes to them and to whoever can resolve it (the
 * {@link EscalationPaths} its module declares). Each notice is sent once per task and due date (an
 * extension is a new due date), across restarts and nodes: the notice is recorded in {@code deadline_notice}
 * in the same transaction as its messages, and a second node's insert of the same notice finds it taken.
 * Each pass takes at most {@link #BATCH} tasks per transaction and only dates of the last
 * {@code qsmo.notification.deadline-look-back} (a task overdue for longer was told when it became so).
 */
@Component
public class DeadlineWatch {

  /** Tasks handled in one transaction. */
  static final int BATCH = 100;

  private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

  private static final String DUE_SOON = """
      select t.id_, t.proc_def_id_, t.task_def_key_, coalesce(t.due_date_, 'infinity'::timestamptz) as deadline,
             e.business_key_
      from act_ru_task t left join act_ru_execution e on e.id_ = t.proc_inst_id_
      where t.follow_up_date_ <= ? and t.follow_up_date_ > ?
        and (t.due_date_ is null or t.due_date_ > ?)
        and t.proc_def_id_ is not null
        and not exists (select 1 from qsmo.deadline_notice n where n.task_id = t.id_ and n.kind = 'REMINDER'
                        and n.deadline = coalesce(t.due_date_, 'infinity'::timestamptz))
      order by t.follow_up_date_, t.id_
      limit ?""";

  private static final String OVERDUE = """
      select t.id_, t.proc_def_id_, t.task_def_key_, t.due_date_ as deadline, e.business_key_
      from act_ru_task t left join act_ru_execution e on e.id_ = t.proc_inst_id_
      where t.due_date_ <= ? and t.due_date_ > ?
        and t.proc_def_id_ is not null
        and not exists (select 1 from qsmo.deadline_notice n where n.task_id = t.id_ and n.kind = 'OVERDUE'
                        and n.deadline = t.due_date_)
      order by t.due_date_, t.id_
      limit ?""";

  private record Due(String taskId, String processDefinitionId, String taskKey, Timestamp deadline,
      String recordId) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Notifications notifications;
  private final List<EscalationPaths> escalations;
  private final RepositoryService repositoryService;
  private final NotificationProperties properties;
  private final Clock clock;

  DeadlineWatch(JdbcTemplate jdbc, PlatformTransactionManager transactions, Notifications notifications,
      List<EscalationPaths> escalations, RepositoryService repositoryService, NotificationProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.notifications = notifications;
    this.escalations = escalations;
    this.repositoryService = repositoryService;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(initialDelayString = "${qsmo.notification.deadline-watch-interval:PT5M}",
      fixedDelayString = "${qsmo.notification.deadline-watch-interval:PT5M}")
  void scheduled() {
    if (!properties.deadlineWatch()) {
      return;
    }
    try {
      watch();
    } catch (RuntimeException e) {
      log.warn("The deadline watch failed; it tries again at its next pass: {}", e.toString());
    }
  }

  /** One pass: every reminder and overdue notice now due, in transactions of at most {@link #BATCH} tasks. */
  public Pass watch() {
    if (!notifications.enabled()) {
      return new Pass(0, 0);
    }
    Instant now = clock.instant();
    Instant since = now.minus(properties.deadlineLookBack());
    int reminded = 0;
    int overdue = 0;
    int taken;
    do {
      taken = batch(DUE_SOON, "REMINDER", now, since);
      reminded += taken;
    } while (taken == BATCH);
    do {
      taken = batch(OVERDUE, "OVERDUE", now, since);
      overdue += taken;
    } while (taken == BATCH);
    if (reminded + overdue > 0) {
      log.info("Deadline watch: {} reminder(s), {} overdue notice(s)", reminded, overdue);
    }
    return new Pass(reminded, overdue);
  }

  /** What one pass told: tasks reminded, tasks found overdue. */
  public record Pass(int reminded, int overdue) {
  }

  /** The tasks of one batch, each told in this transaction with its notice recorded; how many were taken. */
  private int batch(String query, String kind, Instant now, Instant since) {
    Integer taken = transaction.execute(status -> {
      Timestamp to = Timestamp.from(now);
      Timestamp from = Timestamp.from(since);
      org.springframework.jdbc.core.RowMapper<Due> row = (rs, i) -> new Due(rs.getString(1), rs.getString(2),
          rs.getString(3), rs.getTimestamp(4), rs.getString(5));
      List<Due> due = kind.equals("REMINDER") ? jdbc.query(query, row, to, from, to, BATCH)
          : jdbc.query(query, row, to, from, BATCH);
      for (Due task : due) {
        int claimed = jdbc.update("insert into qsmo.deadline_notice (task_id, kind, deadline, noticed_at) "
            + "values (?, ?, ?, ?) on conflict do nothing", task.taskId(), kind, task.deadline(), to);
        if (claimed == 0) {
          continue; // another node told them
        }
        if (kind.equals("REMINDER")) {
          notifications.remind(task.taskId());
        } else {
          Resolvers resolvers = resolversOf(task);
          notifications.overdue(task.taskId(), resolvers.users(), resolvers.groups());
        }
      }
      return due.size();
    });
    return taken == null ? 0 : taken;
  }

  private Resolvers resolversOf(Due task) {
    String processKey = repositoryService.getProcessDefinition(task.processDefinitionId()).getKey();
    OverdueTask overdue = new OverdueTask(processKey, task.taskKey(), task.recordId());
    return escalations.stream().map(paths -> paths.resolversOf(overdue)).flatMap(java.util.Optional::stream)
        .findFirst().orElse(Resolvers.none());
  }
}
