package gov.qsmo.workflow.designation.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.designation.TestDesignations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The assessments API over real HTTP as the demo users: the role matrix of every action (order, read, submit, decide),
 * an assessment from OMB's order through the director's submission and the board's window (the chair escalating in
 * Tasklist's own REST API) to OMB's decision, what each refusal leaves unchanged, the demo's assessment, and the
 * Tasklist filters.
 */
@RunningApplicationTest
class AssessmentApiIT {

  static final Map<String, Object> ANSWERS = Map.of("performanceMeasures", "Agencies onboarded | 6 | 5",
      "customersServed", "Education, Labor.", "customerSatisfaction", "4.2 of 5.", "risks", "A contract ends.");

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  AssessmentService assessments;
  @Autowired
  JdbcTemplate jdbc;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void onlyOmbOrdersAndDecidesOnlyTheAgencysDirectorsSubmitAndEveryDesignationReaderReads() {
    String designation = TestDesignations.designated(jdbc, "GRANTS", "HHS", null);
    String base = "/api/designations/" + designation + "/assessments";
    Map<String, Object> order = Map.of("reason", "Customers asked for a review.");

    for (String other : List.of("director.hhs", "auditor", "board.chair", "omb.analyst")) {
      assertThat(http.post(other, base, order).status()).as(other + " orders").isEqualTo(403);
    }
    Response noReason = http.post("omb.decider", base, Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    assertThat(assessments.of(designation, 0, 10)).isEmpty();
    Response ordered = http.post("omb.decider", base, order);
    assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
    assertThat(ordered.json().path("status").asText()).isEqualTo("AWAITING_SUBMISSION");
    assertThat(http.post("omb.decider", base, order).status()).isEqualTo(409);
    String assessment = base + "/" + ordered.json().path("id").asText();

    for (String reader : List.of("auditor", "omb.analyst", "omb.decider", "board.chair", "board.dhs", "director.hhs")) {
      assertThat(http.get(reader, base).status()).as(reader + " lists").isEqualTo(200);
      assertThat(http.get(reader, assessment).status()).as(reader + " reads").isEqualTo(200);
    }
    assertThat(http.get("director.dhs", assessment).status()).isEqualTo(404);
    assertThat(http.get("reviewer1", base).status()).isEqualTo(403);

    for (String other : List.of("omb.decider", "auditor", "board.chair")) {
      assertThat(http.post(other, assessment + "/submission", ANSWERS).status()).as(other + " submits")
          .isEqualTo(403);
    }
    assertThat(http.post("director.dhs", assessment + "/submission", ANSWERS).status()).isEqualTo(404);
    Response malformed = http.post("director.hhs", assessment + "/submission",
        Map.of("performanceMeasures", "Agencies onboarded, six", "customersServed", "Education.",
            "customerSatisfaction", "Good.", "risks", "None."));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("performanceMeasures").contains("measure | target | result");
    assertThat(http.get("auditor", assessment).json().path("submissions")).isEmpty();
    assertThat(http.post("omb.decider", assessment + "/decision", Map.of("decision", "CONTINUE", "reason", "x"))
        .status()).as("decided before the board").isEqualTo(409);
    Response submitted = http.post("director.hhs", assessment + "/submission", ANSWERS);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.json().path("status").asText()).isEqualTo("UNDER_BOARD_REVIEW");
    assertThat(http.post("director.hhs", assessment + "/submission", ANSWERS).status()).isEqualTo(409);

    for (String other : List.of("director.hhs", "auditor", "board.chair", "omb.analyst")) {
      assertThat(http.post(other, assessment + "/decision", Map.of("decision", "CONTINUE", "reason", "x")).status())
          .as(other + " decides").isEqualTo(403);
    }
  }

  @Test
  void anOrderedAssessmentGoesFromTheDirectorThroughTheBoardToOmbsDecision() {
    String designation = TestDesignations.designated(jdbc, "GRANTS", "HHS", null);
    String base = "/api/designations/" + designation + "/assessments";
    long id = http.post("omb.decider", base, Map.of("reason", "Mid-year check.")).json().path("id").asLong();
    String assessment = base + "/" + id;
    assertThat(http.post("director.hhs", assessment + "/submission", ANSWERS).status()).isEqualTo(200);
    String instance = assessments.require(id).getProcessInstanceId();
    runJobs(instance);

    // board.hhs is recused: the others each have a review task, assigned by name.
    JsonNode reviews = http.get("auditor", "/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + AssessmentProcess.Elements.TASK_REVIEW_ASSESSMENT).json();
    List<String> assignees = new ArrayList<>();
    reviews.forEach(t -> assignees.add(t.path("assignee").asText()));
    assertThat(assignees).contains("board.chair", "board.dhs", "board.treas", "board.opm").doesNotContain("board.hhs");
    // Nobody votes; the window closes without a quorum and the chair escalates to OMB.
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers()
        .activityId(AssessmentProcess.Elements.TIMER_REVIEW_WINDOW_CLOSED).singleResult().getId());
    JsonNode extend = http.get("board.chair", "/engine-rest/task?processInstanceId=" + instance).json().get(0);
    assertThat(extend.path("taskDefinitionKey").asText())
        .isEqualTo(AssessmentProcess.Elements.TASK_EXTEND_OR_ESCALATE_REVIEW);
    Response escalated = http.post("board.chair", "/engine-rest/task/" + extend.path("id").asText() + "/submit-form",
        Map.of("variables", Map.of("reviewAction", Map.of("value", "ESCALATE"),
            "reviewActionReason", Map.of("value", "No quorum in the window."))));
    assertThat(escalated.status()).as(escalated.body()).isEqualTo(204);

    Response withoutWhatItNeeds = http.post("omb.decider", assessment + "/decision",
        Map.of("decision", "CORRECTIVE_ACTION", "reason", "Onboarding lags."));
    assertThat(withoutWhatItNeeds.status()).isEqualTo(400);
    assertThat(withoutWhatItNeeds.body()).contains("correctiveActions");
    Response unknown = http.post("omb.decider", assessment + "/decision", Map.of("decision", "PAUSE", "reason", "x"));
    assertThat(unknown.status()).isEqualTo(400);
    Response decided = http.post("omb.decider", assessment + "/decision",
        Map.of("decision", "CONTINUE", "reason", "The measures are on track."));
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(decided.json().path("decision").asText()).isEqualTo("CONTINUE");

    JsonNode detail = http.get("director.hhs", assessment).json();
    assertThat(detail.path("assessment").path("status").asText()).isEqualTo("DECIDED");
    assertThat(detail.path("submissions").get(0).path("performanceMeasures").get(0).path("result").asText())
        .isEqualTo("5");
    assertThat(detail.path("rounds").get(0).path("recused").asInt()).isEqualTo(1);
    assertThat(detail.path("history").findValuesAsText("action")).containsExactly("ORDERED", "SUBMITTED",
        "BOARD_ROUND_OPENED", "BOARD_REVIEW_ESCALATED", "DECIDED");
    assertThat(detail.path("history").findValuesAsText("actor")).containsExactly("omb.decider", "director.hhs",
        "system", "board.chair", "omb.decider");
    assertThat(http.post("omb.decider", assessment + "/decision", Map.of("decision", "CONTINUE", "reason", "Again."))
        .status()).isEqualTo(409);
  }

  @Test
  void theDemosFinancialManagementQsmoIsAtItsAnnualAssessmentUnderBoardReview() {
    JsonNode list = http.get("director.treas", "/api/designations/" + AssessmentDemoData.DESIGNATION
        + "/assessments").json();
    assertThat(list.findValuesAsText("status")).contains("UNDER_BOARD_REVIEW", "SCHEDULED");
    assertThat(list.findValuesAsText("kind")).containsOnly("ANNUAL");
    assertThat(filters("board.dhs")).contains("Assessments to review");
    JsonNode mine = http.get("board.dhs", "/engine-rest/task?taskDefinitionKey="
        + AssessmentProcess.Elements.TASK_REVIEW_ASSESSMENT + "&assignee=board.dhs").json();
    assertThat(mine.findValuesAsText("name")).anySatisfy(name -> assertThat(name).contains(
        "(" + AssessmentDemoData.DESIGNATION + ")"));
    assertThat(http.get("board.treas", "/engine-rest/task?taskDefinitionKey="
        + AssessmentProcess.Elements.TASK_REVIEW_ASSESSMENT + "&assignee=board.treas").json()
        .findValuesAsText("name")).noneSatisfy(name -> assertThat(name).contains(AssessmentDemoData.DESIGNATION));
  }

  @Test
  void eachRoleFindsItsAssessmentTasksUnderItsOwnTasklistFilter() {
    assertThat(filters("director.treas")).contains("Assessments to submit").doesNotContain("Assessments to decide");
    assertThat(filters("board.chair")).contains("Assessments to review", "Assessment reviews to consolidate");
    assertThat(filters("omb.decider")).contains("Assessments to decide").doesNotContain("Assessments to submit");
    assertThat(filters("auditor")).doesNotContain("Assessments to submit", "Assessments to decide");
  }

  private List<String> filters(String user) {
    List<String> names = new ArrayList<>();
    http.get(user, "/engine-rest/filter?resourceType=Task").json().forEach(f -> names.add(f.path("name").asText()));
    return names;
  }

  /** Runs the instance's due asynchronous steps, as the job executor would (it may be off in the test run). */
  private void runJobs(String instance) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (managementService.createJobQuery().processInstanceId(instance).executable().messages().count() > 0) {
      managementService.createJobQuery().processInstanceId(instance).executable().messages().list()
          .forEach(job -> {
            try {
              managementService.executeJob(job.getId());
            } catch (org.camunda.bpm.engine.ProcessEngineException ranElsewhere) {
              // The job executor ran it first.
            }
          });
      assertThat(System.nanoTime()).as("jobs of " + instance + " done within 30 s").isLessThan(deadline);
    }
  }
}
