package gov.qsmo.workflow.resilience;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL database the application nodes share, started by the test from embedded binaries
 * (it outlives every node), and what the test reads in it directly: the application's rows and the
 * engine's jobs and job log.
 */
final class SharedDatabase implements AutoCloseable {

  /** Camunda's job log states (ACT_HI_JOB_LOG.JOB_STATE_). */
  static final int CREATED = 0;
  static final int FAILED = 1;
  static final int SUCCESSFUL = 2;
  static final int DELETED = 3;

  /** A row of ACT_RU_JOB: a timer or an asynchronous continuation not yet run. */
  record Job(String id, String type, String handlerType, String processInstanceId, Instant dueDate,
      String lockOwner) {

    boolean isTimer() {
      return "timer".equals(type);
    }

    boolean dueBy(Instant time) {
      return dueDate == null || !dueDate.isAfter(time);
    }
  }

  /** What Camunda's job log says of one job. */
  record JobHistory(String jobId, String definitionType, String activityId, int created, int failed,
      int successful, int deleted, List<String> successHosts, List<String> failures) {
  }

  private final EmbeddedPostgres postgres;
  final JdbcTemplate jdbc;

  private SharedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
    this.jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
  }

  static SharedDatabase start() {
    try {
      // fsync off: the database itself never crashes in these tests, only the application does.
      return new SharedDatabase(EmbeddedPostgres.builder()
          .setServerConfig("max_connections", "200")
          .setServerConfig("fsync", "off")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  String user() {
    return "postgres";
  }

  String password() {
    return "";
  }

  /**
   * Waits until PostgreSQL has ended every session but the test's own: after a kill, the dead node's
   * open transactions are rolled back and nothing it sent can still commit.
   */
  void awaitSessionsOfDeadNodesEnded() {
    await("sessions of the killed node ended").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(() -> jdbc.queryForObject("select count(*) from pg_stat_activity where backend_type = 'client backend' "
            + "and pid <> pg_backend_pid()", Integer.class) == 0);
  }

  /** The jobs of these process instances and the instances they call (by root instance) not yet run, oldest first. */
  List<Job> jobs(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select id_, type_, handler_type_, process_instance_id_, duedate_, lock_owner_ "
            + "from act_ru_job where root_proc_inst_id_ in (" + placeholders(processInstanceIds) + ") "
            + "order by create_time_, id_",
        (rs, row) -> new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs.getTimestamp(5)), rs.getString(6)),
        processInstanceIds.toArray());
  }

  /** Which of these jobs are still waiting in ACT_RU_JOB. */
  List<String> stillWaiting(Collection<String> jobIds) {
    if (jobIds.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList("select id_ from act_ru_job where id_ in (" + placeholders(jobIds) + ")", String.class,
        jobIds.toArray());
  }

  /** Camunda's job log of these process instances and the instances they call, per job id. */
  Map<String, JobHistory> jobHistory(Collection<String> processInstanceIds) {
    Map<String, JobHistory> history = new LinkedHashMap<>();
    jdbc.query("select job_id_, job_def_type_, act_id_, job_state_, hostname_, job_exception_msg_ "
            + "from act_hi_job_log where root_proc_inst_id_ in (" + placeholders(processInstanceIds) + ") "
            + "order by timestamp_, sequence_counter_",
        rs -> {
          String jobId = rs.getString(1);
          JobHistory old = history.getOrDefault(jobId, new JobHistory(jobId, rs.getString(2), rs.getString(3), 0, 0,
              0, 0, List.of(), List.of()));
          int state = rs.getInt(4);
          List<String> hosts = new ArrayList<>(old.successHosts());
          List<String> failures = new ArrayList<>(old.failures());
          if (state == SUCCESSFUL) {
            hosts.add(rs.getString(5));
          }
          if (state == FAILED) {
            failures.add(rs.getString(5) + ": " + rs.getString(6));
          }
          history.put(jobId, new JobHistory(jobId, old.definitionType(), old.activityId(),
              old.created() + (state == CREATED ? 1 : 0), old.failed() + (state == FAILED ? 1 : 0),
              old.successful() + (state == SUCCESSFUL ? 1 : 0), old.deleted() + (state == DELETED ? 1 : 0),
              Collections.unmodifiableList(hosts), Collections.unmodifiableList(failures)));
        },
        processInstanceIds.toArray());
    return history;
  }

  /**
   * Incidents (open or resolved) of these process instances and the instances they call: a job that ran out of
   * retries opens one.
   */
  List<String> incidents(Collection<String> processInstanceIds) {
    return jdbc.queryForList("select incident_type_ || ' at ' || activity_id_ || ': ' || coalesce(incident_msg_, '') "
        + "from act_hi_incident where root_proc_inst_id_ in (" + placeholders(processInstanceIds) + ")", String.class,
        processInstanceIds.toArray());
  }

  /** Board votes of a designation's rounds, per member. */
  Map<String, Integer> votesByMember(String designationId) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    jdbc.query("select v.member_id, count(*) from qsmo.board_vote v join qsmo.board_round r on r.id = v.round_id "
            + "where r.designation_id = ? group by v.member_id order by v.member_id",
        rs -> {
          votes.put(rs.getString(1), rs.getInt(2));
        }, designationId);
    return votes;
  }

  /** Score sheets of an RFI per assignment id (every version). */
  Map<String, Integer> sheetsByAssignment(String rfiId) {
    Map<String, Integer> sheets = new LinkedHashMap<>();
    jdbc.query("select a.id, count(s.id) from qsmo.rfi_assignment a left join qsmo.rfi_score_sheet s "
            + "on s.assignment_id = a.id where a.rfi_id = ? group by a.id order by a.id",
        rs -> {
          sheets.put(String.valueOf(rs.getLong(1)), rs.getInt(2));
        }, rfiId);
    return sheets;
  }

  /** How often the RFI's audit trail records this action. */
  int rfiEvents(String rfiId, String action) {
    return jdbc.queryForObject("select count(*) from qsmo.rfi_event where rfi_id = ? and action = ?", Integer.class,
        rfiId, action);
  }

  /** How often the audit trail records "scores submitted" per assignment id (reviewer and response). */
  Map<String, Integer> scoreSubmissionsByAssignment(String rfiId) {
    Map<String, Integer> events = new LinkedHashMap<>();
    jdbc.query("select a.id, count(e.id) from qsmo.rfi_assignment a left join qsmo.rfi_event e "
            + "on e.rfi_id = a.rfi_id and e.action = 'SCORES_SUBMITTED' and e.actor = a.reviewer_id "
            + "and e.detail = a.response_id where a.rfi_id = ? group by a.id order by a.id",
        rs -> {
          events.put(String.valueOf(rs.getLong(1)), rs.getInt(2));
        }, rfiId);
    return events;
  }

  /** Versions of a process definition deployed: once per change of the model, whatever the nodes. */
  int processDefinitionVersions(String key) {
    return jdbc.queryForObject("select count(*) from act_re_procdef where key_ = ?", Integer.class, key);
  }

  /** Rows of an application table (schema qsmo) that belong to a process instance. */
  int withProcess(String table) {
    return jdbc.queryForObject("select count(*) from qsmo." + table + " where process_instance_id is not null",
        Integer.class);
  }

  /** Panel members of an RFI who signed the attestation. */
  int attestedMembers(String rfiId) {
    return jdbc.queryForObject("select count(*) from qsmo.rfi_panel_member where rfi_id = ? and attested_at is not null",
        Integer.class, rfiId);
  }

  /** How often the designation's audit trail records this action. */
  int designationEvents(String designationId, String action) {
    return jdbc.queryForObject("select count(*) from qsmo.designation_event where designation_id = ? and action = ?",
        Integer.class, designationId, action);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String placeholders(Collection<?> values) {
    return String.join(", ", Collections.nCopies(Math.max(1, values.size()), "?"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
