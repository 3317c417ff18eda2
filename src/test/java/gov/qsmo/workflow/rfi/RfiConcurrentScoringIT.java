package gov.qsmo.workflow.rfi;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ten, then fifty reviewers of one RFI submit their scoring forms over REST at the same moment: every
 * submission succeeds (each completion locks the response's scoring instance first, so reviewers of one
 * response complete one after the other and never meet on the multi-instance's counters; ADR 0029) and no
 * score is lost. Without that lock nine of ten such submissions answer 409.
 */
@RunningApplicationTest
class RfiConcurrentScoringIT {

  @LocalServerPort
  int port;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RfiScoringService scoring;
  @Autowired
  RfiPanelService panel;

  @ParameterizedTest(name = "{0} reviewers at once")
  @ValueSource(ints = {10, 50})
  void reviewersCompletingAtOnceAllSucceedAndEveryScoreIsKept(int reviewerCount) throws Exception {
    HttpTestClient http = new HttpTestClient(port);
    List<String> reviewers = IntStream.rangeClosed(1, reviewerCount).mapToObj(i -> "load.reviewer" + i).toList();
    reviewers.forEach(r -> identitySetup.ensureUser(r, "Load", r, r, Roles.RFI_REVIEWERS));

    RfiRestWalk walk = new RfiRestWalk(http, managementService).open(LocalDate.now().plusDays(5));
    String rfiId = walk.rfiId;
    String instance = walk.instance;
    walk.respond("respondent.acme", "Acme Grants Cloud");
    walk.panel(reviewers);
    for (String member : concat("panel.chair", reviewers)) {
      walk.complete(member, RfiProcess.Elements.TASK_SIGN_ATTESTATION, Map.of("attest", true));
    }
    assertThat(scoring.openAssignments(rfiId)).hasSize(reviewerCount);

    Map<String, String> taskOf = new LinkedHashMap<>();
    for (String reviewer : reviewers) {
      taskOf.put(reviewer, walk.tasks(reviewer, RfiProcess.Elements.TASK_SCORE_RESPONSE).get(0)
          .path("id").asText());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(reviewerCount);
    List<Future<Response>> submissions = new ArrayList<>();
    for (String reviewer : reviewers) {
      int rating = 1 + reviewers.indexOf(reviewer) % 5;
      submissions.add(pool.submit(() -> {
        start.await();
        return walk.submit(reviewer, taskOf.get(reviewer), RfiEvaluationIT.scores(rating, rating, rating));
      }));
    }
    start.countDown();
    List<Response> answers = new ArrayList<>();
    for (Future<Response> submission : submissions) {
      answers.add(submission.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(answers).extracting(Response::status).as(answers.toString()).containsOnly(204);
    walk.runJobs();
    List<Assignment> assignments = panel.assignments(rfiId);
    assertThat(assignments).hasSize(reviewerCount).allSatisfy(a -> assertThat(a.status).isEqualTo(Assignment.Status.SCORED));
    assertThat(scoring.sheets(assignments)).hasSize(reviewerCount).allSatisfy(sheet -> {
      Assignment assignment = assignments.stream().filter(a -> a.id.equals(sheet.assignmentId)).findFirst()
          .orElseThrow();
      int expected = 1 + reviewers.indexOf(assignment.reviewerId) % 5;
      assertThat(sheet.scores.values()).allSatisfy(score -> assertThat(score.rating).isEqualTo(expected));
    });
    assertThat(runtimeService.createExecutionQuery().processInstanceId(instance)
        .activityId(RfiProcess.Elements.CALL_HOLD_CONSENSUS_REVIEWS).count()).as("the instance moved on to consensus")
        .isPositive();
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
