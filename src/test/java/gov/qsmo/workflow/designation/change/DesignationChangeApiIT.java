package gov.qsmo.workflow.designation.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.designation.TestDesignations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scope amendments and redesignation transitions over real HTTP as the demo users: who amends, who reads the
 * versions, who reports milestones (the successor's directors only), who closes (OMB), and the order of things.
 */
@RunningApplicationTest
class DesignationChangeApiIT {

  @LocalServerPort
  int port;
  @Autowired
  TransitionService transitions;
  @Autowired
  JdbcTemplate jdbc;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void onlyOmbDecidersAmendAScopeAndWhoeverReadsTheDesignationReadsItsVersions() {
    String[] move = move();
    String versions = "/api/designations/" + move[1] + "/scope-versions";
    String amend = "/api/designations/" + move[1] + "/scope-amendments";
    Map<String, Object> amendment = Map.of("scope", "HR services and HR IT modernization.", "reason", "Annual review.");

    for (String other : List.of("director.opm", "auditor", "omb.analyst", "board.chair")) {
      assertThat(http.post(other, amend, amendment).status()).as(other + " amends").isEqualTo(403);
    }
    Response amended = http.post("omb.decider", amend, amendment);
    assertThat(amended.status()).as(amended.body()).isEqualTo(201);
    assertThat(amended.json().path("version").asInt()).isEqualTo(2);
    assertThat(http.post("omb.decider", amend, amendment).status()).as("the scope in force again").isEqualTo(400);
    assertThat(http.post("omb.decider", amend, Map.of("scope", "Other.")).status()).as("no reason").isEqualTo(400);
    assertThat(http.post("omb.decider", "/api/designations/" + move[0] + "/scope-amendments", amendment).status())
        .as("a superseded designation").isEqualTo(409);

    JsonNode read = http.get("director.opm", versions).json();
    assertThat(read.findValuesAsText("version")).containsExactly("1", "2");
    assertThat(read.get(1).path("changedBy").asText()).isEqualTo("omb.decider");
    assertThat(http.get("auditor", versions).status()).isEqualTo(200);
    assertThat(http.get("director.gsa", versions).status()).as("another agency's director").isEqualTo(404);
    assertThat(http.get("reviewer1", versions).status()).isEqualTo(403);
  }

  @Test
  void theSuccessorsDirectorsReportMilestonesAndOmbClosesTheTransitionInOrder() {
    String[] move = move();
    transitions.start(move[0], move[1], "omb.decider");
    String successor = "/api/designations/" + move[1] + "/transition";
    String predecessor = "/api/designations/" + move[0] + "/transition";

    // Both sides read it (as the designation), the old QSMO's director through their own designation.
    assertThat(http.get("auditor", successor).json().path("fromDesignationId").asText()).isEqualTo(move[0]);
    assertThat(http.get("director.gsa", predecessor).json().path("toDesignationId").asText()).isEqualTo(move[1]);
    assertThat(http.get("director.gsa", successor).status()).isEqualTo(404);

    Map<String, Object> first = Map.of("servicesMigrated", true, "note", "Payroll moved.");
    assertThat(http.post("director.gsa", predecessor + "/milestones", first).status()).as("the old QSMO's director")
        .isEqualTo(403);
    assertThat(http.post("omb.decider", successor + "/milestones", first).status()).isEqualTo(403);
    assertThat(http.post("omb.decider", successor + "/closure", Map.of("decision", "CLOSE")).status())
        .as("before the milestones").isEqualTo(409);
    Response reported = http.post("director.opm", successor + "/milestones", first);
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    assertThat(reported.json().path("milestones").get(0).path("reachedAt").isNull()).isFalse();
    assertThat(reported.json().path("milestones").get(1).path("reachedAt").isNull()).isTrue();
    assertThat(http.post("director.opm", successor + "/milestones", Map.of("servicesMigrated", false)).status())
        .as("a milestone reached stays reached").isEqualTo(400);

    assertThat(http.post("director.opm", successor + "/milestones", Map.of("agenciesMoved", true,
        "offeringsRetired", true)).status()).isEqualTo(200);
    assertThat(http.post("director.opm", successor + "/closure", Map.of("decision", "CLOSE")).status())
        .isEqualTo(403);
    Response closed = http.post("omb.decider", successor + "/closure", Map.of("decision", "CLOSE",
        "reason", "Every milestone reached."));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().path("closedBy").asText()).isEqualTo("omb.decider");
    assertThat(http.post("director.opm", successor + "/milestones", Map.of("note", "Late.")).status())
        .isEqualTo(409);
    JsonNode history = http.get("auditor", "/api/designations/" + move[0] + "/history").json();
    assertThat(history.findValuesAsText("action")).endsWith("TRANSITION_STARTED", "TRANSITION_MILESTONES",
        "TRANSITION_MILESTONES", "TRANSITION_CLOSE");
  }

  /** A superseded HR QSMO of GSA and its designated successor at OPM (records only): their ids. */
  private String[] move() {
    String from = TestDesignations.designated(jdbc, "HR", "GSA", null);
    return new String[] {from, TestDesignations.designated(jdbc, "HR", "OPM", from)};
  }
}
