package gov.qsmo.workflow.resilience;

import static gov.qsmo.workflow.resilience.Workflows.ADMIN;
import static gov.qsmo.workflow.resilience.Workflows.BOARD_VOTERS;
import static gov.qsmo.workflow.resilience.Workflows.DEMO_REVIEWERS;
import static gov.qsmo.workflow.resilience.Workflows.OFFICER;
import static gov.qsmo.workflow.resilience.Workflows.PANEL_CHAIR;
import static gov.qsmo.workflow.resilience.Workflows.TASK_CONFIRM_SCREENING;
import static gov.qsmo.workflow.resilience.Workflows.TIMER_CLOSE_DATE;
import static gov.qsmo.workflow.resilience.Workflows.TIMER_SCORING_REMINDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.resilience.SharedDatabase.JobHistory;
import gov.qsmo.workflow.resilience.Workflows.Board;
import gov.qsmo.workflow.resilience.Workflows.Rfi;
import gov.qsmo.workflow.resilience.Workflows.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL database, both running timers and asynchronous jobs
 * (Camunda's shared-database cluster), started together on the empty database: one deployment of the
 * models and one set of demo data come of it, and both nodes start. Users work on
 * either node, alternately; timers of five RFIs come due at the same instant; 11 attestations, 30 scores
 * and 4 board votes are submitted at once, and their jobs (continuations, each response's end) pile up
 * for both job executors, while reviewers of one response on different nodes complete in turn (ADR 0029). Each timer and each job runs exactly once (Camunda's job log, which names the node,
 * and the application's rows), none fails, and both processes end as they should.
 */
class TwoNodeClusterIT {

  static final int EXTRA_REVIEWERS = 6;
  static final int SIDE_RFIS = 4;
  static final Map<String, String> RESPONDENTS = new LinkedHashMap<>(Map.of(
      "respondent.acme", "Acme Grants Cloud", "respondent.civic", "CivicGrants Inc.",
      OFFICER, "Federal Grants Shared Services Center"));

  /** Timers made due through the REST API are picked up within two seconds. */
  static final List<String> JOB_TIMING = List.of(
      "--camunda.bpm.job-execution.wait-time-in-millis=1000",
      "--camunda.bpm.job-execution.max-wait=2000");

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
  void everyTimerAndJobRunsOnceAndTasksCompleteOnEitherNode() throws Exception {
    // Both nodes start at the same time on the empty database.
    AppNode nodeA = AppNode.start("cluster-a", database, JOB_TIMING);
    AppNode nodeB = AppNode.start("cluster-b", database, JOB_TIMING);
    nodes.add(nodeA);
    nodes.add(nodeB);
    nodeA.awaitReady();
    nodeB.awaitReady();
    HttpTestClient a = nodeA.http;
    HttpTestClient b = nodeB.http;
    List<HttpTestClient> both = List.of(a, b);
    // One deployment of the models, one set of demo data, whichever node came first.
    assertThat(database.processDefinitionVersions(DesignationProcess.KEY)).isEqualTo(1);
    assertThat(database.processDefinitionVersions(RfiProcess.KEY)).isEqualTo(1);
    assertThat(database.withProcess("designation")).as("demo designations with a process").isEqualTo(5);
    assertThat(database.withProcess("rfi")).as("demo RFIs (one evaluated, waiting for the marketplace decision)")
        .isEqualTo(6);

    List<String> reviewers = new ArrayList<>(DEMO_REVIEWERS);
    for (int i = 1; i <= EXTRA_REVIEWERS; i++) {
      reviewers.add(createReviewer(i % 2 == 0 ? a : b, "cluster.reviewer" + i));
    }

    // The main RFI is drafted on A and approved on B; four more RFIs alternate. All five close at once.
    Rfi rfi = Workflows.openRfi(a);
    RESPONDENTS.forEach((user, organization) -> Workflows.respond(b, rfi, user, organization));
    List<Rfi> rfis = new ArrayList<>(List.of(rfi));
    for (int i = 0; i < SIDE_RFIS; i++) {
      Rfi side = Workflows.openRfi(both.get(i % 2));
      Workflows.respond(both.get((i + 1) % 2), side, "respondent.acme", "Acme Grants Cloud");
      rfis.add(side);
    }
    Instant now = Instant.now();
    List<String> closeTimers = new ArrayList<>();
    for (Rfi each : rfis) {
      closeTimers.add(Workflows.makeTimerDue(a, each.instance(), TIMER_CLOSE_DATE, now));
    }
    for (Rfi each : rfis) {
      await("screening of " + each.id()).atMost(Workflows.JOB_WAIT).until(() ->
          Workflows.tasks(b, OFFICER, each.instance(), TASK_CONFIRM_SCREENING).size() == 1);
      assertThat(database.rfiEvents(each.id(), "RESPONSES_SCREENED")).as(each.id()).isEqualTo(1);
    }
    Workflows.formPanel(b, rfi, reviewers);

    // Eleven attestations at once, alternating nodes: their continuations pile up for both job executors.
    List<Submission> attestations = new ArrayList<>();
    List<String> panel = new ArrayList<>(List.of(PANEL_CHAIR));
    panel.addAll(reviewers);
    for (String member : panel) {
      attestations.add(Workflows.attestation(a, rfi, member));
    }
    Map<String, Integer> completedOn = new TreeMap<>();
    submitAtOnce(attestations, both, completedOn);
    List<Submission> scoring = Workflows.scoringTasks(b, rfi, RESPONDENTS.size() * reviewers.size());
    assertThat(database.attestedMembers(rfi.id())).isEqualTo(panel.size());

    // The scoring reminder comes due; then thirty scores and the board's four votes at once, on both nodes.
    String reminder = Workflows.makeTimerDue(b, rfi.instance(), TIMER_SCORING_REMINDER, Instant.now());
    await("the scoring reminder").atMost(Workflows.JOB_WAIT).until(() ->
        database.rfiEvents(rfi.id(), "REVIEWERS_REMINDED") == 1);
    Board board = Workflows.demoBoardRound(a);
    List<Submission> burst = new ArrayList<>(scoring);
    for (int i = 0; i < BOARD_VOTERS.size(); i++) {
      burst.add(i * 8, Workflows.vote(both.get(i % 2), board, BOARD_VOTERS.get(i)));
    }
    submitAtOnce(burst, both, completedOn);

    // Consensus on A and B, the report approved on B; the board's recommendation on A, OMB's decision on B.
    Workflows.consensusAndReport(a, b, rfi, RESPONDENTS.size());
    Workflows.consolidateAndDesignate(a, b, board);
    List<String> instances = new ArrayList<>(rfis.stream().map(Rfi::instance).toList());
    instances.add(board.instance());
    await("both processes ended").atMost(Workflows.JOB_WAIT).until(() ->
        "COMPLETED".equals(Workflows.historicState(a, rfi.instance()))
            && "COMPLETED".equals(Workflows.historicState(b, board.instance())));
    assertThat(Workflows.rfiStatus(b, rfi)).isEqualTo("COMPLETED");
    assertThat(Workflows.designationStatus(a, board)).isEqualTo("DESIGNATED");

    // The application's rows: each score, vote, screening and reminder once.
    assertThat(database.sheetsByAssignment(rfi.id())).hasSize(scoring.size())
        .allSatisfy((assignment, count) -> assertThat(count).as("sheets of assignment " + assignment).isEqualTo(1));
    assertThat(database.scoreSubmissionsByAssignment(rfi.id()))
        .allSatisfy((assignment, count) -> assertThat(count).as("audit of assignment " + assignment).isEqualTo(1));
    assertThat(database.votesByMember(board.designationId())).hasSize(BOARD_VOTERS.size())
        .allSatisfy((member, count) -> assertThat(count).as(member).isEqualTo(1));
    assertThat(database.rfiEvents(rfi.id(), "REVIEWERS_REMINDED")).isEqualTo(1);
    assertThat(database.designationEvents(board.designationId(), "DESIGNATED")).isEqualTo(1);
    for (Rfi each : rfis) {
      assertThat(database.rfiEvents(each.id(), "RESPONSES_SCREENED")).as(each.id()).isEqualTo(1);
    }

    // Camunda's job log: every job of these instances ran once, on one node, and none failed but for retried conflicts.
    Map<String, JobHistory> jobLog = database.jobHistory(instances);
    List<String> waiting = database.stillWaiting(jobLog.keySet());
    Map<String, Integer> ranOn = new TreeMap<>();
    for (JobHistory job : jobLog.values()) {
      assertThat(job.created()).as("%s", job).isEqualTo(1);
      assertThat(job.successful()).as("%s", job).isLessThanOrEqualTo(1);
      // Two executors may start continuations of one instance at the same moment: the loser's attempt
      // is rolled back with an optimistic-locking failure and tried again, without using up a retry.
      assertThat(job.failures()).as("%s", job).allSatisfy(failure -> assertThat(failure)
          .contains("updated by another transaction concurrently"));
      if (!waiting.contains(job.jobId())) {
        assertThat(job.successful() + job.deleted()).as("%s ran once or was cancelled", job).isEqualTo(1);
      }
      job.successHosts().forEach(host -> ranOn.merge(host, 1, Integer::sum));
    }
    for (String timer : closeTimers) {
      assertThat(jobLog.get(timer).successful()).as("close-date timer %s", timer).isEqualTo(1);
    }
    assertThat(jobLog.get(reminder).successful()).isEqualTo(1);
    long continuations = jobLog.values().stream().filter(job -> job.successful() == 1
        && "async-continuation".equals(job.definitionType())).count();
    // Which node runs a job is up to the executors' race: usually both run some, one often most.
    assertThat(ranOn.keySet()).as("nodes that ran jobs").isSubsetOf(nodeA.name, nodeB.name);
    assertThat(database.incidents(instances)).isEmpty();
    assertThat(database.jobs(List.of(rfi.instance(), board.instance()))).isEmpty();

    System.out.printf("TwoNodeClusterIT: %d tasks submitted at once, per node %s; %d jobs ran once each (%d continuations, "
            + "%d timers), per node %s; %d scores, %d votes, %d attestations, %d RFIs screened%n",
        completedOn.values().stream().mapToInt(Integer::intValue).sum(), completedOn,
        ranOn.values().stream().mapToInt(Integer::intValue).sum(), continuations, closeTimers.size() + 1, ranOn,
        scoring.size(), BOARD_VOTERS.size(), panel.size(), rfis.size());
  }

  /** Submits every task at once, the n-th to node n mod 2; every submission must succeed. */
  private static void submitAtOnce(List<Submission> submissions, List<HttpTestClient> nodes,
      Map<String, Integer> completedOn) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < submissions.size(); i++) {
        Submission submission = submissions.get(i);
        HttpTestClient node = nodes.get(i % nodes.size());
        answers.add(pool.submit(() -> Workflows.submit(node, submission)));
      }
      for (int i = 0; i < answers.size(); i++) {
        Response answer = answers.get(i).get(90, TimeUnit.SECONDS);
        assertThat(answer.status()).as("%s on node %d: %s", submissions.get(i).subject(), i % nodes.size(),
            answer.body()).isEqualTo(204);
        completedOn.merge(i % nodes.size() == 0 ? "A" : "B", 1, Integer::sum);
      }
    } finally {
      pool.shutdown();
    }
  }

  /** A reviewer account made through Camunda's REST API as the administrator; its password is its id. */
  private static String createReviewer(HttpTestClient node, String id) {
    Response created = node.post(ADMIN, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", "Cluster", "lastName", "Reviewer " + id.replaceAll("\\D", ""),
            "email", id + "@example.gov"),
        "credentials", Map.of("password", id)));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    Response member = node.put(ADMIN, "/engine-rest/group/rfi-reviewers/members/" + id, Map.of());
    assertThat(member.status()).as(member.body()).isEqualTo(204);
    return id;
  }
}
