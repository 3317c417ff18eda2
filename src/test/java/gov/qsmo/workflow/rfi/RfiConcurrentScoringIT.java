package gov.qsmo.workflow.rfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpClientForTests;
import gov.qsmo.workflow.HttpClientForTests.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
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
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ten reviewers of one RFI submit their scoring forms over REST at the same moment: every submission
 * succeeds (the multi-instance continues asynchronously after each task, so completions never meet on
 * the parent execution) and no score is lost.
 */
@RunningApplicationTest
class RfiConcurrentScoringIT {

  static final int REVIEWERS = 10;

  @LocalServerPort
  int port;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RfiScoring scoring;
  @Autowired
  RfiPanel panel;

  @Test
  void tenReviewersCompletingAtOnceAllSucceedAndEveryScoreIsKept() throws Exception {
    HttpClientForTests http = new HttpClientForTests(port);
    List<String> reviewers = IntStream.rangeClosed(1, REVIEWERS).mapToObj(i -> "load.reviewer" + i).toList();
    reviewers.forEach(r -> identitySetup.ensureUser(r, "Load", r, r, Roles.RFI_REVIEWERS));

    Response drafted = http.post("director.hhs", "/api/rfis", RfiEvaluationIT.plan(LocalDate.now().plusDays(5)));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    String rfiId = drafted.json().path("id").asText();
    String instance = drafted.json().path("processInstanceId").asText();
    complete(http, "director.hhs", instance, RfiProcess.Elements.TASK_APPROVE_PLAN, Map.of("planDecision", "APPROVE"));
    assertThat(http.post("respondent.acme", "/api/rfis/" + rfiId + "/responses",
        RfiEvaluationIT.response("Acme Grants Cloud")).status()).isEqualTo(201);
    Job close = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    managementService.executeJob(close.getId());
    complete(http, "contracting.officer", instance, RfiProcess.Elements.TASK_CONFIRM_SCREENING,
        Map.of("screeningDecision", "CONFIRM"));
    complete(http, "panel.chair", instance, RfiProcess.Elements.TASK_FORM_PANEL,
        Map.of("reviewers", String.join("\n", reviewers)));
    for (String member : concat("panel.chair", reviewers)) {
      complete(http, member, instance, RfiProcess.Elements.TASK_SIGN_ATTESTATION, Map.of("attest", true));
    }
    runJobs(instance);
    assertThat(scoring.openAssignments(rfiId)).hasSize(REVIEWERS);

    Map<String, String> taskOf = new LinkedHashMap<>();
    for (String reviewer : reviewers) {
      taskOf.put(reviewer, tasks(http, reviewer, instance, RfiProcess.Elements.TASK_SCORE_RESPONSE).get(0)
          .path("id").asText());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
    List<Future<Response>> submissions = new ArrayList<>();
    for (String reviewer : reviewers) {
      int rating = 1 + reviewers.indexOf(reviewer) % 5;
      submissions.add(pool.submit(() -> {
        start.await();
        return submit(http, reviewer, taskOf.get(reviewer), RfiEvaluationIT.scores(rating, rating, rating));
      }));
    }
    start.countDown();
    List<Response> answers = new ArrayList<>();
    for (Future<Response> submission : submissions) {
      answers.add(submission.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(answers).extracting(Response::status).as(answers.toString()).containsOnly(204);
    runJobs(instance);
    List<Assignment> assignments = panel.assignments(rfiId);
    assertThat(assignments).hasSize(REVIEWERS).allSatisfy(a -> assertThat(a.status).isEqualTo(Assignment.Status.SCORED));
    assertThat(scoring.sheets(assignments)).hasSize(REVIEWERS).allSatisfy(sheet -> {
      Assignment assignment = assignments.stream().filter(a -> a.id.equals(sheet.assignmentId)).findFirst()
          .orElseThrow();
      int expected = 1 + reviewers.indexOf(assignment.reviewerId) % 5;
      assertThat(sheet.scores.values()).allSatisfy(score -> assertThat(score.rating).isEqualTo(expected));
    });
    assertThat(runtimeService.createExecutionQuery().processInstanceId(instance)
        .activityId(RfiProcess.Elements.TASK_HOLD_CONSENSUS).count()).as("the instance moved on to consensus")
        .isPositive();
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private void complete(HttpClientForTests http, String user, String instance, String key, Map<String, Object> form) {
    List<JsonNode> tasks = tasks(http, user, instance, key);
    assertThat(tasks).as(key + " for " + user).isNotEmpty();
    Response done = submit(http, user, tasks.get(0).path("id").asText(), form);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    runJobs(instance);
  }

  private static List<JsonNode> tasks(HttpClientForTests http, String user, String instance, String key) {
    List<JsonNode> tasks = new ArrayList<>();
    http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key
        + "&assignee=" + user).json().forEach(tasks::add);
    if (tasks.isEmpty()) {
      http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json()
          .forEach(tasks::add);
    }
    return tasks;
  }

  private static Response submit(HttpClientForTests http, String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  private void runJobs(String instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
