package gov.qsmo.workflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A board round through the real entry points, as the demo users: who votes, and who sees which votes. */
@RunningApplicationTest
class BoardReviewIT {

  @LocalServerPort
  int port;

  @Autowired
  ManagementService managementService;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void votingIsBlindWhileTheRoundIsOpenAndARecusedMemberHasNoVote() {
    String instanceId = planUnderReview("HHS", "director.hhs");
    String designationId = http.get("auditor", "/engine-rest/process-instance/" + instanceId).json()
        .path("businessKey").asText();

    // HHS's own board member is recused: no review task, and another member's task is out of reach.
    assertThat(http.get("board.hhs", "/engine-rest/task?processInstanceId=" + instanceId).json().size()).isZero();
    String dhsTask = http.get("board.dhs", "/engine-rest/task?processInstanceId=" + instanceId).json().get(0)
        .path("id").asText();
    assertThat(submit("board.hhs", dhsTask, Map.of("recommendation", "ENDORSE")).status()).isEqualTo(403);

    Response voted = submit("board.dhs", dhsTask, Map.of("recommendation", "ENDORSE",
        "governanceComment", "Clear governance."));
    assertThat(voted.status()).as(voted.body()).isEqualTo(204);
    assertThat(submit("board.dhs", dhsTask, Map.of("recommendation", "NOT_ENDORSE")).status())
        .as("a second vote on the same task").isEqualTo(404);

    JsonNode ownView = http.get("board.dhs", "/api/designations/" + designationId + "/board-rounds").json().get(0);
    assertThat(ownView.path("votesCast").asInt()).isEqualTo(1);
    assertThat(ownView.path("votes").findValuesAsText("memberId")).containsExactly("board.dhs");
    JsonNode chairOnRoster = http.get("board.chair", "/api/designations/" + designationId + "/board-rounds").json()
        .get(0);
    assertThat(chairOnRoster.path("votes").size()).as("the chair votes too: blind while open").isZero();
    JsonNode recused = http.get("board.hhs", "/api/designations/" + designationId + "/board-rounds").json().get(0);
    assertThat(recused.path("votes").size()).isZero();
    assertThat(recused.path("votesShown").asText()).contains("recused");
    JsonNode otherMember = http.get("board.treas", "/api/designations/" + designationId + "/board-rounds").json()
        .get(0);
    assertThat(otherMember.path("votes").size()).isZero();
    assertThat(otherMember.path("votesShown").asText()).contains("blind");
    JsonNode roster = otherMember.path("roster");
    assertThat(roster.findValuesAsText("memberId")).contains("board.hhs", "board.dhs");
    for (JsonNode entry : roster) {
      assertThat(entry.path("recused").asBoolean()).as(entry.toString())
          .isEqualTo("board.hhs".equals(entry.path("memberId").asText()));
    }

    JsonNode auditorView = http.get("auditor", "/api/designations/" + designationId + "/board-rounds").json().get(0);
    assertThat(auditorView.path("votes").get(0).path("sectionComments").path("governance").asText())
        .isEqualTo("Clear governance.");
    JsonNode directorView = http.get("director.hhs", "/api/designations/" + designationId + "/board-rounds").json()
        .get(0);
    assertThat(directorView.path("votes").size()).isZero();
    assertThat(http.get("director.gsa", "/api/designations/" + designationId + "/board-rounds").status())
        .isEqualTo(404);
  }

  @Test
  void aVoteWithABadRecommendationIsRefusedWith400AndNothingIsStored() {
    String instanceId = planUnderReview("OPM", "director.opm");
    String task = http.get("board.dhs", "/engine-rest/task?processInstanceId=" + instanceId).json().get(0)
        .path("id").asText();

    Response refused = submit("board.dhs", task, Map.of("recommendation", "MAYBE"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("'MAYBE' is not one of");
    Response noConditions = submit("board.dhs", task, Map.of("recommendation", "ENDORSE_WITH_CONDITIONS"));
    assertThat(noConditions.status()).isEqualTo(400);
    assertThat(noConditions.json().path("message").asText()).contains("State the conditions");

    String designationId = http.get("auditor", "/engine-rest/process-instance/" + instanceId).json()
        .path("businessKey").asText();
    assertThat(http.get("auditor", "/api/designations/" + designationId + "/board-rounds").json().get(0)
        .path("votesCast").asInt()).isZero();
  }

  @Test
  void ombOrdersARedesignationThroughTheApiAndTheSuccessorsDirectorOwesAPlan() {
    String path = "/api/designations/DSG-2020-0002/redesignation";
    Map<String, Object> order = Map.of("successorAgencyCode", "GSA",
        "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString(), "reason", "Consolidate financial marketplaces.");

    assertThat(http.post("director.treas", path, order).status()).isEqualTo(403);
    assertThat(http.post(null, path, order).status()).isEqualTo(401);
    Response unknown = http.post("omb.decider", path, Map.of("successorAgencyCode", "NOAGENCY",
        "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString(), "reason", "x"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("detail").asText()).contains("Unknown agency 'NOAGENCY'");
    assertThat(http.post("omb.decider", path, Map.of("successorAgencyCode", "TREAS",
        "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString(), "reason", "x")).json().path("detail").asText())
        .contains("another agency");
    Response malformed = http.post("omb.decider", path, "{\"successorAgencyCode\": \"GSA\", \"planDueDate\": \"soon\"}");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("detail").asText()).contains("yyyy-mm-dd");
    assertThat(http.post("omb.decider", "/api/designations/DSG-1999-0001/redesignation", order).status())
        .isEqualTo(404);

    Response ordered = http.post("omb.decider", path, order);
    assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
    String successor = ordered.json().path("id").asText();
    assertThat(ordered.json().path("supersedesId").asText()).isEqualTo("DSG-2020-0002");
    assertThat(ordered.json().path("status").asText()).isEqualTo("PRE_DESIGNATED");
    String instanceId = ordered.json().path("processInstanceId").asText();
    assertThat(http.get("director.gsa", "/engine-rest/task?processInstanceId=" + instanceId).json()
        .findValuesAsText("taskDefinitionKey")).containsExactly("Task_PrepareMarketplacePlan");
    assertThat(http.get("auditor", "/api/designations/DSG-2020-0002/history").json().findValuesAsText("action"))
        .contains("REDESIGNATION_ORDERED");
    assertThat(http.post("omb.decider", path, order).status()).as("a second order while one is under way")
        .isEqualTo(409);
    assertThat(http.get("auditor", "/api/designations/" + successor).json().path("agencyCode").asText())
        .isEqualTo("GSA");
    // Sending the process's message directly does not start a redesignation.
    Response message = http.post("omb.analyst", "/engine-rest/message", Map.of("messageName", "RedesignationOrdered",
        "businessKey", "DSG-2020-0001"));
    assertThat(message.status()).isEqualTo(400);
    assertThat(message.json().path("message").asText()).contains("POST /api/designations/{id}/redesignation");
  }

  @Test
  void aPlanMissingARequiredSectionComesBackToTheDirectorAndVersionsCanBeCompared() {
    String instanceId = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form",
        form(Map.of("functionalAreaCode", "ACQ", "agencyCode", "HHS", "scope", "Acquisition.",
            "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()))).json().path("id").asText();
    String designationId = http.get("auditor", "/engine-rest/process-instance/" + instanceId).json()
        .path("businessKey").asText();
    submit("omb.decider", onlyTask("omb.decider", instanceId), Map.of("decision", "PRE_DESIGNATE"));

    Response first = submit("director.hhs", onlyTask("director.hhs", instanceId), PlanBuilder.complete()
        .offerings("Contract writing | commercial | Schedule vendors | GSA MAS").without("governance").build());
    assertThat(first.status()).isEqualTo(204);
    String returned = onlyTask("director.hhs", instanceId);
    assertThat(http.get("director.hhs", "/engine-rest/task/" + returned + "/form-variables").json()
        .path("missingSectionsText").path("value").asText()).isEqualTo("Governance");
    submit("director.hhs", returned, Map.of("governance", "A customer council."));

    JsonNode changes = http.get("director.hhs", "/api/designations/" + designationId
        + "/plan-versions/compare?from=1&to=2").json();
    for (JsonNode change : changes) {
      assertThat(change.path("changed").asBoolean()).as(change.toString())
          .isEqualTo("governance".equals(change.path("section").asText()));
    }
    Response noSuchVersion = http.get("director.hhs", "/api/designations/" + designationId
        + "/plan-versions/compare?from=1&to=7");
    assertThat(noSuchVersion.status()).isEqualTo(400);
    assertThat(noSuchVersion.json().path("detail").asText()).contains("Plan version 7 does not exist");
  }

  @Test
  void onlyOmbDecidersDecideADesignation() {
    // The demo's HHS grants designation waits for OMB's decision.
    JsonNode decide = http.get("omb.decider", "/engine-rest/task?taskDefinitionKey=Task_DecideDesignation").json();
    assertThat(decide.size()).isPositive();
    String taskId = decide.get(0).path("id").asText();
    Map<String, Object> designate = Map.of("designationDecision", "DESIGNATE", "designationScope", "Grants.",
        "effectiveDate", LocalDate.now().toString());

    assertThat(submit("board.chair", taskId, designate).status()).isEqualTo(403);
    assertThat(submit("director.hhs", taskId, designate).status()).isEqualTo(403);
    assertThat(submit("auditor", taskId, designate).status()).isEqualTo(403);
    Response decided = submit("omb.decider", taskId, designate);
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
  }

  /** Starts a designation, pre-designates it, submits a complete plan and opens the board's round. */
  private String planUnderReview(String agency, String director) {
    String instanceId = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form",
        form(Map.of("functionalAreaCode", "GRANTS", "agencyCode", agency, "scope", "Grants management.",
            "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()))).json().path("id").asText();
    submit("omb.decider", onlyTask("omb.decider", instanceId), Map.of("decision", "PRE_DESIGNATE"));
    Response plan = submit(director, onlyTask(director, instanceId), PlanBuilder.complete().build());
    assertThat(plan.status()).as(plan.body()).isEqualTo(204);
    // The job executor is off in tests: open the round as it would.
    managementService.createJobQuery().processInstanceId(instanceId).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    return instanceId;
  }

  private String onlyTask(String user, String instanceId) {
    JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instanceId).json();
    assertThat(tasks.size()).as("tasks of " + user).isEqualTo(1);
    return tasks.get(0).path("id").asText();
  }

  private Response submit(String user, String taskId, Map<String, Object> values) {
    return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", form(values));
  }

  private static Map<String, Object> form(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
