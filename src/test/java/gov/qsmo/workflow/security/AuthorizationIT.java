package gov.qsmo.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may call what, through the real HTTP entry points as the demo users. */
@RunningApplicationTest
class AuthorizationIT {

  @LocalServerPort
  int port;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void anonymousRequestsToTheEngineAndTheApiGet401WithAMessage() {
    for (String path : new String[] {"/engine-rest/task", "/engine-rest/process-definition", "/api/designations",
        "/api/agencies"}) {
      Response response = http.get(null, path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.json().path("detail").asText()).contains("HTTP Basic");
    }
  }

  @Test
  void aWrongPasswordGets401() {
    // reviewer4 is used by no other test: a wrong password delays that user's next sign-in.
    assertThat(http.get("reviewer4:not-the-password", "/engine-rest/task").status()).isEqualTo(401);
    assertThat(http.get("nobody:nobody", "/api/agencies").status()).isEqualTo(401);
  }

  @Test
  void aDirectorReadsOnlyTheDesignationsOfTheirOwnAgency() {
    var all = http.get("auditor", "/api/designations").json();
    String gsa = null;
    String other = null;
    for (var designation : all) {
      if ("GSA".equals(designation.path("agencyCode").asText())) {
        gsa = designation.path("id").asText();
      } else {
        other = designation.path("id").asText();
      }
    }
    assertThat(gsa).as("a GSA designation in the demo data").isNotNull();
    assertThat(other).as("another agency's designation in the demo data").isNotNull();

    assertThat(http.get("director.gsa", "/api/designations").json().findValuesAsText("agencyCode"))
        .isNotEmpty().containsOnly("GSA");
    assertThat(http.get("director.gsa", "/api/designations/" + gsa).status()).isEqualTo(200);
    assertThat(http.get("director.gsa", "/api/designations/" + other).status()).isEqualTo(404);
    assertThat(http.get("director.gsa", "/api/designations/" + other + "/plan-versions").status()).isEqualTo(404);
    assertThat(http.get("director.gsa", "/api/designations/" + other + "/history").status()).isEqualTo(404);
  }

  @Test
  void aUserOutsideTheDesignationGroupsGets403FromTheApi() {
    Response response = http.get("reviewer1", "/api/designations");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().path("detail").asText()).contains("GET /api/designations");
    assertThat(http.get("auditor", "/api/designations").status()).isEqualTo(200);
    assertThat(http.get("reviewer1", "/api/agencies").status()).isEqualTo(200);
  }

  @Test
  void aDeciderMayNotStartADesignationOnlyAnAnalystMay() {
    Map<String, Object> form = Map.of("variables", Map.of(
        "functionalAreaCode", Map.of("value", "HR"),
        "agencyCode", Map.of("value", "OPM"),
        "scope", Map.of("value", "HR transaction services"),
        "planDueDate", Map.of("value", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(2)).toString())));

    Response refused = http.post("omb.decider", "/engine-rest/process-definition/key/qsmo-designation/submit-form", form);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).contains("omb.decider").contains("does not have")
        .contains("qsmo-designation");

    Response started = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form", form);
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().path("businessKey").asText()).startsWith("DSG-");
  }

  @Test
  void onlyCandidatesSeeAndCompleteATask() {
    Response deciderTasks = http.get("omb.decider", "/engine-rest/task?processDefinitionKey=qsmo-designation"
        + "&taskDefinitionKey=Task_PreDesignateCandidate");
    assertThat(deciderTasks.json().size()).isPositive();
    String taskId = deciderTasks.json().get(0).path("id").asText();

    // A QSMO director is no candidate of OMB's decision: the task is invisible and cannot be completed.
    assertThat(http.get("director.dhs", "/engine-rest/task?processDefinitionKey=qsmo-designation"
        + "&taskDefinitionKey=Task_PreDesignateCandidate").json().size()).isZero();
    Response refused = http.post("director.dhs", "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "PRE_DESIGNATE"))));
    assertThat(refused.status()).isEqualTo(403);

    // The auditor reads every task but completes none.
    assertThat(http.get("auditor", "/engine-rest/task/" + taskId).status()).isEqualTo(200);
    assertThat(http.post("auditor", "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "PRE_DESIGNATE")))).status()).isEqualTo(403);
    assertThat(http.get("omb.decider", "/engine-rest/task/" + taskId).status()).isEqualTo(200);
  }

  @Test
  void anAuditorMayReadATaskButNotCommentOnIt() {
    String taskId = http.get("omb.decider", "/engine-rest/task?processDefinitionKey=qsmo-designation"
        + "&taskDefinitionKey=Task_PreDesignateCandidate").json().get(0).path("id").asText();
    Map<String, Object> comment = Map.of("message", "Noted.");

    Response refused = http.post("auditor", "/engine-rest/task/" + taskId + "/comment/create", comment);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).contains("auditor may only read it");
    assertThat(http.get("auditor", "/engine-rest/task/" + taskId + "/comment").json().size()).isZero();

    assertThat(http.post("omb.decider", "/engine-rest/task/" + taskId + "/comment/create", comment).status())
        .isEqualTo(200);
    assertThat(http.get("auditor", "/engine-rest/task/" + taskId + "/comment").json().findValuesAsText("message"))
        .containsExactly("Noted.");
  }

  @Test
  void theApiDescriptionTellsClientsToSignInWithHttpBasic() {
    Response docs = http.get(null, "/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("components").path("securitySchemes").path("basic").path("scheme").asText())
        .isEqualTo("basic");
    assertThat(docs.json().path("paths").path("/api/designations/{id}").path("get").path("responses").has("404"))
        .isTrue();
  }

  @Test
  void everyRoleHasTasklistFilters() {
    for (String user : new String[] {"omb.analyst", "omb.decider", "board.chair", "director.gsa", "panel.chair",
        "reviewer1", "contracting.officer", "auditor"}) {
      Response filters = http.get(user, "/engine-rest/filter?resourceType=Task");
      assertThat(filters.status()).isEqualTo(200);
      assertThat(filters.json().findValuesAsText("name")).as("filters of " + user).contains("My tasks");
    }
    assertThat(http.get("omb.decider", "/engine-rest/filter?resourceType=Task").json().findValuesAsText("name"))
        .contains("OMB decisions");
    assertThat(http.get("director.gsa", "/engine-rest/filter?resourceType=Task").json().findValuesAsText("name"))
        .contains("Marketplace plans to prepare").doesNotContain("OMB decisions");
  }
}
