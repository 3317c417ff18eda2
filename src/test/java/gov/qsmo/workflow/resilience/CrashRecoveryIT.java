package gov.qsmo.workflow.resilience;

import static gov.qsmo.workflow.resilience.Workflows.BOARD_CHAIR;
import static gov.qsmo.workflow.resilience.Workflows.BOARD_VOTERS;
import static gov.qsmo.workflow.resilience.Workflows.DEMO_REVIEWERS;
import static gov.qsmo.workflow.resilience.Workflows.OFFICER;
import static gov.qsmo.workflow.resilience.Workflows.PANEL_CHAIR;
import static gov.qsmo.workflow.resilience.Workflows.TIMER_REVIEW_WINDOW;
import static gov.qsmo.workflow.resilience.Workflows.TIMER_SCORING_REMINDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.resilience.SharedDatabase.Job;
import gov.qsmo.workflow.resilience.SharedDatabase.JobHistory;
import gov.qsmo.workflow.resilience.Workflows.Board;
import gov.qsmo.workflow.resilience.Workflows.Rfi;
import gov.qsmo.workflow.resilience.Workflows.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application is killed with SIGKILL (kill -9) in the middle of a board round and of an RFI's
 * scoring, while votes and scores are being submitted, asynchronous continuations wait to run and
 * two timers (the board's review window, the scoring reminder) come due while it is down. It
 * restarts on the same database: every vote and score the application acknowledged is there exactly
 * once, every submission it did not answer is there entirely or not at all, every job that was due
 * runs once, and both processes run to their end.
 *
 * <p>The application runs as a separate JVM ({@link AppNode}), so the kill is a real one: no shutdown
 * hook, no graceful stop. Jobs locked by the killed node are retried once their lock expires, after
 * {@value #LOCK_MILLIS} ms here (Camunda's default is 5 minutes).
 */
class CrashRecoveryIT {

  static final int LOCK_MILLIS = 15_000;
  /** The timers come due this long after they are set: after the kill, before the restarted node is up. */
  static final Duration TIMERS_DUE_IN = Duration.ofSeconds(30);
  static final Map<String, String> RESPONDENTS = new LinkedHashMap<>(Map.of(
      "respondent.acme", "Acme Grants Cloud", "respondent.civic", "CivicGrants Inc.",
      OFFICER, "Federal Grants Shared Services Center"));

  static SharedDatabase database;
  static final List<AppNode> nodes = new ArrayList<>();

  @BeforeAll
  static void startDatabase() {
    database = SharedDatabase.start();
  }

  @AfterAll
  static void stopEverything() {
    nodes.forEach(AppNode::close);
    if (database != null) {
      database.close();
    }
  }

  @Test
  void afterKillDashNineEveryAcknowledgedVoteAndScoreIsThereOnceAndBothProcessesEnd() throws Exception {
    AppNode before = start("crash-before");
    HttpTestClient http = before.http;

    // A board round with four members to vote, and an RFI with 3 responses x 4 reviewers = 12 scores due.
    Board board = Workflows.demoBoardRound(http);
    Rfi rfi = Workflows.rfiWithPanel(http, RESPONDENTS, DEMO_REVIEWERS);
    List<String> panel = new ArrayList<>(List.of(PANEL_CHAIR));
    panel.addAll(DEMO_REVIEWERS);
    for (String member : panel) {
      Workflows.assertCompleted(Workflows.submit(http, Workflows.attestation(http, rfi, member)));
    }
    List<Submission> scoring = Workflows.scoringTasks(http, rfi, 12);
    List<String> instances = List.of(board.instance(), rfi.instance());

    // Acknowledged before the crash: two votes, reviewer1's and reviewer2's six scores.
    Map<String, Integer> answered = new ConcurrentHashMap<>();
    for (String member : BOARD_VOTERS.subList(0, 2)) {
      Submission vote = Workflows.vote(http, board, member);
      answered.put(vote.subject(), Workflows.submit(http, vote).status());
    }
    for (Submission score : scoring) {
      if (score.user().equals("reviewer1") || score.user().equals("reviewer2")) {
        answered.put(score.subject(), Workflows.submit(http, score).status());
      }
    }
    assertThat(answered).hasSize(8).allSatisfy((subject, status) -> assertThat(status).as(subject).isEqualTo(204));

    // Both timers come due while the node is down.
    Instant timersDue = Instant.now().plus(TIMERS_DUE_IN);
    String windowTimer = Workflows.makeTimerDue(http, board.instance(), TIMER_REVIEW_WINDOW, timersDue);
    String reminderTimer = Workflows.makeTimerDue(http, rfi.instance(), TIMER_SCORING_REMINDER, timersDue);

    // At once: board.opm's vote and reviewer3's and reviewer4's six scores. kill -9 as soon as two are answered.
    List<Submission> burst = new ArrayList<>(List.of(Workflows.vote(http, board, "board.opm")));
    scoring.stream().filter(s -> s.user().equals("reviewer3") || s.user().equals("reviewer4")).forEach(burst::add);
    Map<String, Submission> bySubject = new LinkedHashMap<>();
    burst.forEach(s -> bySubject.put(s.subject(), s));
    ExecutorService pool = Executors.newFixedThreadPool(burst.size());
    Map<String, Integer> burstAnswers = new ConcurrentHashMap<>();
    List<Future<?>> sent = new ArrayList<>();
    for (Submission submission : burst) {
      sent.add(pool.submit(() -> {
        try {
          burstAnswers.put(submission.subject(), Workflows.submit(http, submission).status());
        } catch (RuntimeException connectionLost) {
          // The node died before it answered: the submission may or may not have been committed.
        }
      }));
    }
    await("two answers to the burst").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
        .until(() -> burstAnswers.size() >= 2);
    int exit = before.killHard();
    Instant killedAt = Instant.now();
    for (Future<?> request : sent) {
      request.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(exit).as("exit status of a process ended by SIGKILL (128 + 9)").isEqualTo(137);
    assertThat(killedAt).as("the timers are not yet due when the node dies").isBefore(timersDue);
    assertThat(burstAnswers).as("answered before the kill").allSatisfy((subject, status) -> assertThat(status)
        .as(subject).isEqualTo(204));

    // What waits in the database while no node runs: timers, continuations, jobs locked by the dead node.
    database.awaitSessionsOfDeadNodesEnded();
    List<Job> atCrash = database.jobs(instances);
    Instant restartBy = timersDue;
    List<String> dueAtRestart = atCrash.stream().filter(job -> job.dueBy(restartBy)).map(Job::id).toList();
    assertThat(dueAtRestart).contains(windowTimer, reminderTimer);
    long continuations = atCrash.stream().filter(job -> !job.isTimer()).count();
    long lockedByDeadNode = atCrash.stream().filter(job -> job.lockOwner() != null).count();

    AppNode after = start("crash-after");
    HttpTestClient restarted = after.http;
    await("every job due at the crash has run").atMost(Duration.ofSeconds(90))
        .until(() -> database.stillWaiting(dueAtRestart).isEmpty());

    Map<String, JobHistory> jobLog = database.jobHistory(instances);
    for (String job : dueAtRestart) {
      JobHistory history = jobLog.get(job);
      assertThat(history.successful() + history.deleted()).as("job %s ran once or was cancelled", history)
          .isEqualTo(1);
      assertThat(history.successHosts()).as("job %s ran on the restarted node", history)
          .allSatisfy(host -> assertThat(host).isEqualTo(after.name));
    }
    assertThat(jobLog.get(windowTimer).successful()).isEqualTo(1);
    assertThat(jobLog.get(reminderTimer).successful()).isEqualTo(1);

    // Votes: acknowledged ones once; board.opm's vote there with its task completed, or neither.
    Map<String, Integer> votes = database.votesByMember(board.designationId());
    assertThat(votes).containsEntry(BOARD_CHAIR, 1).containsEntry("board.dhs", 1)
        .doesNotContainKey("board.hhs").allSatisfy((member, count) -> assertThat(count).isEqualTo(1));
    Submission opm = bySubject.get("board.opm");
    boolean opmCommitted = votes.containsKey("board.opm");
    if (burstAnswers.containsKey("board.opm")) {
      assertThat(opmCommitted).as("board.opm's acknowledged vote").isTrue();
    }
    assertThat(Workflows.endOf(restarted, opm.taskId())).as("board.opm's review task")
        .isEqualTo(opmCommitted ? "completed" : "deleted");
    assertThat(database.designationEvents(board.designationId(), "BOARD_ROUND_OPENED")).isEqualTo(1);

    // Scores: acknowledged ones once; each of the burst's there with its task completed, or neither.
    Map<String, Integer> sheets = database.sheetsByAssignment(rfi.id());
    assertThat(sheets).hasSize(12).allSatisfy((assignment, count) -> assertThat(count).isBetween(0, 1));
    assertThat(database.scoreSubmissionsByAssignment(rfi.id())).as("audit trail: scores submitted, per assignment")
        .isEqualTo(sheets);
    List<Submission> toRedo = new ArrayList<>();
    for (Submission score : scoring) {
      int count = sheets.get(score.subject());
      if (answered.containsKey(score.subject()) || burstAnswers.containsKey(score.subject())) {
        assertThat(count).as("acknowledged score of assignment %s", score.subject()).isEqualTo(1);
      }
      if (bySubject.containsKey(score.subject()) || count == 0) {
        assertThat(Workflows.endOf(restarted, score.taskId())).as("scoring task of assignment %s", score.subject())
            .isEqualTo(count == 1 ? "completed" : "open");
      }
      if (count == 0) {
        toRedo.add(score);
      }
    }
    // The scoring reminder ran once: the still open scoring tasks moved up.
    assertThat(database.rfiEvents(rfi.id(), "REVIEWERS_REMINDED")).isEqualTo(1);
    for (Submission open : toRedo) {
      assertThat(restarted.get(Workflows.ADMIN, "/engine-rest/task/" + open.taskId()).json().path("priority").asInt())
          .isEqualTo(80);
    }

    // The restarted node carries both processes to their end.
    for (Submission score : toRedo) {
      Workflows.assertCompleted(Workflows.submit(restarted, score));
    }
    Workflows.consensusAndReport(restarted, restarted, rfi, RESPONDENTS.size());
    Workflows.consolidateAndDesignate(restarted, restarted, board);
    await("both processes ended").atMost(Workflows.JOB_WAIT).until(() ->
        "COMPLETED".equals(Workflows.historicState(restarted, rfi.instance()))
            && "COMPLETED".equals(Workflows.historicState(restarted, board.instance())));
    assertThat(Workflows.rfiStatus(restarted, rfi)).isEqualTo("COMPLETED");
    assertThat(Workflows.designationStatus(restarted, board)).isEqualTo("DESIGNATED");
    assertThat(database.sheetsByAssignment(rfi.id())).hasSize(12)
        .allSatisfy((assignment, count) -> assertThat(count).isEqualTo(1));
    assertThat(database.votesByMember(board.designationId())).isEqualTo(votes);
    assertThat(database.designationEvents(board.designationId(), "DESIGNATED")).isEqualTo(1);

    // Over both processes' lives: no job ran twice, none failed, no incident; nothing left to run.
    Map<String, JobHistory> all = database.jobHistory(instances);
    assertThat(all.values()).allSatisfy(history -> {
      assertThat(history.successful()).as("%s", history).isLessThanOrEqualTo(1);
      assertThat(history.successful() + history.deleted()).as("%s", history).isEqualTo(history.created());
      assertThat(history.failures()).as("%s", history).allSatisfy(failure -> assertThat(failure)
          .as("only a concurrent attempt rolled back and tried again").contains("updated by another transaction concurrently"));
    });
    assertThat(database.incidents(instances)).isEmpty();
    assertThat(database.jobs(instances)).isEmpty();

    long unanswered = burst.size() - burstAnswers.size();
    long lost = toRedo.size() + (opmCommitted ? 0 : 1);
    System.out.printf("CrashRecoveryIT: before the burst 2 votes and 6 scores acknowledged; of the burst's %d "
            + "submissions %d answered, %d committed without an answer, %d lost (scores redone after the restart); "
            + "at the crash %d jobs waited (%d due by the restart: %d continuations, %d locked by the dead node); "
            + "%d jobs over both processes' lives%n",
        burst.size(), burstAnswers.size(), unanswered - lost, lost, atCrash.size(), dueAtRestart.size(),
        continuations, lockedByDeadNode, all.size());
  }

  private static AppNode start(String name) {
    AppNode node = AppNode.start(name, database, List.of(
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        // Timers made due through the REST API are picked up within two seconds.
        "--camunda.bpm.job-execution.wait-time-in-millis=1000",
        "--camunda.bpm.job-execution.max-wait=2000"));
    nodes.add(node);
    return node.awaitReady();
  }
}
