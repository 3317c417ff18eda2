package gov.qsmo.workflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.RunningApplicationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard over HTTP as the demo users: who may see which view, and what each view holds. */
@RunningApplicationTest
class DashboardIT {

  @LocalServerPort
  int port;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void eachViewAnswersOnlyItsPersonas() {
    Map<String, Map<String, Integer>> matrix = Map.of(
        "program", Map.of("omb.analyst", 200, "omb.decider", 200, "auditor", 200, "board.chair", 403,
            "board.dhs", 403, "director.gsa", 403, "reviewer1", 403, "panel.chair", 403),
        "board-rounds", Map.of("board.chair", 200, "omb.decider", 200, "auditor", 200, "board.dhs", 403,
            "director.gsa", 403, "reviewer1", 403, "panel.chair", 403),
        "panels", Map.of("panel.chair", 200, "auditor", 200, "reviewer1", 403, "board.chair", 403,
            "director.hhs", 403, "omb.decider", 403),
        "qsmo", Map.of("director.gsa", 200, "director.hhs", 200, "reviewer1", 403, "omb.decider", 403,
            "board.dhs", 403),
        "my-work", Map.of("reviewer1", 200, "board.dhs", 200, "director.gsa", 200, "omb.analyst", 200, "auditor", 200));
    List<String> wrong = new ArrayList<>();
    matrix.forEach((view, users) -> users.forEach((user, status) -> {
      int actual = http.get(user, "/api/dashboard/" + view).status();
      if (actual != status) {
        wrong.add(user + " on " + view + ": " + actual + " instead of " + status);
      }
    }));
    assertThat(wrong).isEmpty();
    assertThat(http.get(null, "/api/dashboard/my-work").status()).isEqualTo(401);
  }

  @Test
  void signedOutThePagesScriptIsAnsweredWithoutABasicChallengeAndOtherCallersWithOne() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.URI uri = java.net.URI.create("http://localhost:" + port + "/api/dashboard/my-work");
    var fromScript = client.send(java.net.http.HttpRequest.newBuilder(uri).header("X-Requested-With", "XMLHttpRequest")
        .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(fromScript.statusCode()).isEqualTo(401);
    assertThat(fromScript.headers().firstValue("WWW-Authenticate")).as("no browser password box").isEmpty();
    var plain = client.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(401);
    assertThat(plain.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"qsmo-workflow\"");
  }

  @Test
  void myWorkNamesTheOfficesTimeZoneInWhichThePageShowsDates() {
    assertThat(http.get("reviewer1", "/api/dashboard/my-work").json().path("timeZone").asText())
        .isEqualTo("America/New_York");
  }

  @Test
  void theProgramViewCountsEveryDesignationOnRecord() {
    JsonNode program = http.get("auditor", "/api/dashboard/program").json();
    long counted = 0;
    for (JsonNode stage : program.path("designationStages")) {
      counted += stage.path("count").asLong();
    }
    assertThat(counted).isEqualTo(http.get("auditor", "/api/designations").json().size());
    long rfis = 0;
    for (JsonNode stage : program.path("rfiStages")) {
      rfis += stage.path("count").asLong();
    }
    assertThat(rfis).isEqualTo(http.get("auditor", "/api/rfis").json().size());
  }

  @Test
  void aDirectorSeesOnlyTheirOwnAgencysRecords() {
    JsonNode qsmo = http.get("director.gsa", "/api/dashboard/qsmo").json();
    Set<String> own = new HashSet<>();
    for (JsonNode designation : http.get("director.gsa", "/api/designations").json()) {
      own.add(designation.path("id").asText());
    }
    assertThat(qsmo.path("designations")).isNotEmpty();
    for (JsonNode designation : qsmo.path("designations")) {
      assertThat(own).contains(designation.path("item").path("designationId").asText());
    }
  }

  @Test
  void assessmentsUnderWayAndDataCallsShowWhereTheyStandAndLinkToTheirRecords() {
    // The demo's financial management QSMO is at its annual assessment, under board review.
    String qsmo = gov.qsmo.workflow.inventory.InventoryDemoData.QSMO;
    JsonNode program = http.get("omb.analyst", "/api/dashboard/program").json();
    assertThat(program.path("assessmentsUnderWayCount").asLong()).isPositive();
    JsonNode assessment = null;
    for (JsonNode item : program.path("assessmentsUnderWay")) {
      if (item.path("item").path("designationId").asText().equals(qsmo)) {
        assessment = item;
      }
    }
    assertThat(assessment).as("the demo's assessment of " + qsmo).isNotNull();
    JsonNode record = http.get("omb.analyst", assessment.path("href").asText()).json();
    assertThat(record.path("assessment").path("status").asText())
        .isEqualTo(assessment.path("item").path("status").asText());
    long assessmentId = assessment.path("item").path("assessmentId").asLong();
    boolean roundMarked = false;
    for (JsonNode round : program.path("openRounds")) {
      if (round.path("designationId").asText().equals(qsmo) && round.path("assessmentId").asLong() == assessmentId) {
        roundMarked = true;
      }
    }
    assertThat(roundMarked).as("the board round of the assessment names it").isTrue();

    // Each data call's counts are those of its own record; its link opens its consolidated inventory.
    assertThat(program.path("dataCalls")).isNotEmpty();
    for (JsonNode call : program.path("dataCalls")) {
      String id = call.path("item").path("dataCallId").asText();
      JsonNode progress = http.get("omb.analyst", "/api/data-calls/" + id).json().path("progress");
      assertThat(call.path("item").path("asked").asLong()).as(id).isEqualTo(progress.path("asked").asLong());
      assertThat(call.path("item").path("answered").asLong()).as(id).isEqualTo(progress.path("answered").asLong());
      assertThat(call.path("item").path("late").asLong()).as(id).isEqualTo(progress.path("late").asLong());
      assertThat(call.path("href").asText()).isEqualTo("/inventory/?dataCall=" + id);
    }

    // A director sees their own QSMOs' data calls and assessments, another director none of them.
    JsonNode treasury = http.get("director.treas", "/api/dashboard/qsmo").json();
    assertThat(treasury.path("dataCalls")).isNotEmpty()
        .allSatisfy(call -> assertThat(call.path("item").path("agencyCode").asText()).isEqualTo("TREAS"));
    assertThat(treasury.path("assessmentsUnderWay")).isNotEmpty()
        .allSatisfy(a -> assertThat(a.path("item").path("agencyCode").asText()).isEqualTo("TREAS"));
    JsonNode gsa = http.get("director.gsa", "/api/dashboard/qsmo").json();
    assertThat(gsa.path("dataCalls")).allSatisfy(call ->
        assertThat(call.path("item").path("agencyCode").asText()).isEqualTo("GSA"));
    assertThat(gsa.path("assessmentsUnderWay")).allSatisfy(a ->
        assertThat(a.path("item").path("agencyCode").asText()).isEqualTo("GSA"));
  }

  @Test
  void myWorkListsOnlyTasksTheCallerMayWorkOn() {
    for (String user : List.of("reviewer1", "board.chair", "omb.decider")) {
      JsonNode work = http.get(user, "/api/dashboard/my-work").json();
      int engineCount = http.get(user, "/engine-rest/task/count?candidateUser=" + user).json().path("count").asInt()
          + http.get(user, "/engine-rest/task/count?assignee=" + user).json().path("count").asInt();
      assertThat(work.path("open").asInt()).as(user).isPositive().isLessThanOrEqualTo(engineCount);
      for (JsonNode task : work.path("next")) {
        JsonNode engineTask = http.get(user, "/engine-rest/task/" + task.path("taskId").asText()).json();
        assertThat(engineTask.path("assignee").asText(null) == null || user.equals(engineTask.path("assignee").asText()))
            .as(user + " " + task).isTrue();
        assertThat(task.path("href").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task.path("taskId").asText());
      }
    }
  }

  @Test
  void noViewCarriesAVoteOrAScore() {
    Set<String> reviewerFields = new HashSet<>();
    for (JsonNode panel : http.get("auditor", "/api/dashboard/panels").json()) {
      panel.path("reviewers").forEach(r -> r.fieldNames().forEachRemaining(reviewerFields::add));
    }
    assertThat(reviewerFields).isSubsetOf("reviewerId", "name", "assigned", "scored", "open", "overdue", "openAcrossRfis");
    String rounds = http.get("board.chair", "/api/dashboard/board-rounds").body();
    assertThat(rounds).doesNotContain("ENDORSE").doesNotContain("RETURN_FOR_REVISION").doesNotContain("recommendation");
  }

  @Test
  void thePageAndTasklistsLinkToItAreServedWithoutACdn() {
    HttpTestClient.Response page = http.get(null, "/dashboard/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("QSMO program dashboard").doesNotContain("https://");
    assertThat(http.get(null, "/dashboard/dashboard.js").body()).doesNotContain("https://");
    assertThat(http.get(null, "/camunda/app/tasklist/scripts/config.js").body()).contains("scripts/dashboard-link");
    assertThat(http.get(null, "/camunda/app/tasklist/scripts/dashboard-link.js").body())
        .contains("tasklist.navbar.action").contains("/dashboard/");
  }
}
