package gov.qsmo.workflow.designation.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.calendar.TestDates;
import gov.qsmo.workflow.designation.TestDesignations;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
 * The conditions API over real HTTP as the demo users: who reads, who reports, who decides (the role matrix), a file
 * of evidence up and down, a condition from report to met and from overdue to extended, and the Tasklist filters.
 */
@RunningApplicationTest
class ConditionApiIT {

  @LocalServerPort
  int port;
  @Autowired
  ConditionService conditions;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void whoeverReadsTheDesignationReadsItsConditionsAndOnlyItsOwnDirectorsAndOmbAct() {
    String designation = designatedWithConditions();
    String base = "/api/designations/" + designation + "/conditions";
    String condition = base + "/" + conditionIds(designation).get(0);
    Map<String, Object> report = Map.of("report", "Started.");
    Map<String, Object> decision = Map.of("decision", "MORE_PROGRESS", "reason", "Show the first results.");

    // Reading: every designation reader but another agency's director (404, as for the designation itself).
    for (String reader : List.of("auditor", "omb.analyst", "omb.decider", "board.chair", "board.dhs", "director.hhs")) {
      assertThat(http.get(reader, base).status()).as(reader + " lists the conditions").isEqualTo(200);
      assertThat(http.get(reader, condition).status()).as(reader + " reads a condition").isEqualTo(200);
    }
    assertThat(http.get("director.dhs", base).status()).isEqualTo(404);
    assertThat(http.get("reviewer1", base).status()).isEqualTo(403);
    assertThat(http.get("respondent.acme", condition).status()).isEqualTo(403);

    // Reporting: the agency's directors only.
    for (String other : List.of("omb.decider", "auditor", "board.chair", "omb.analyst")) {
      assertThat(http.post(other, condition + "/progress", report).status()).as(other + " reports").isEqualTo(403);
      assertThat(http.upload(other, condition + "/evidence", "a.txt", "text/plain", "a".getBytes()).status())
          .as(other + " attaches evidence").isEqualTo(403);
    }
    assertThat(http.post("director.dhs", condition + "/progress", report).status()).isEqualTo(404);
    Response reported = http.post("director.hhs", condition + "/progress", report);
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    assertThat(reported.json().path("status").asText()).isEqualTo("REPORTED");

    // Deciding: OMB's deciders only.
    for (String other : List.of("director.hhs", "auditor", "board.chair", "omb.analyst")) {
      assertThat(http.post(other, condition + "/decision", decision).status()).as(other + " decides").isEqualTo(403);
      assertThat(http.post(other, condition + "/overdue-resolution", Map.of("resolution", "MET", "reason", "x"))
          .status()).as(other + " resolves").isEqualTo(403);
    }
    Response decided = http.post("omb.decider", condition + "/decision", decision);
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(decided.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(decided.json().path("decisionReason").asText()).isEqualTo("Show the first results.");
  }

  @Test
  void theDirectorAttachesEvidenceAndReportsAndOmbMarksTheConditionMetAllInItsHistory() {
    String designation = designatedWithConditions();
    String condition = "/api/designations/" + designation + "/conditions/" + conditionIds(designation).get(0);
    byte[] file = "Quarterly service-level data, Q1 to Q3.\n".getBytes(StandardCharsets.UTF_8);

    Response attached = http.upload("director.hhs", condition + "/evidence", "service-levels.txt", "text/plain", file);
    assertThat(attached.status()).as(attached.body()).isEqualTo(201);
    String evidence = condition + "/evidence/" + attached.json().path("id").asText();
    assertThat(attached.json().path("sha256").asText()).hasSize(64);
    assertThat(http.bytes("auditor", evidence)).isEqualTo(file);
    assertThat(http.get("director.dhs", evidence).status()).isEqualTo(404);
    assertThat(http.upload("director.hhs", condition + "/evidence", "empty.txt", "text/plain", new byte[0]).status())
        .isEqualTo(400);

    Response reported = http.post("director.hhs", condition + "/progress", Map.of("report", "Published Q1 to Q3.",
        "evidenceLinks", "https://example.gov/qsmo/service-levels"));
    assertThat(reported.status()).as(reported.body()).isEqualTo(200);
    Response met = http.post("omb.decider", condition + "/decision", Map.of("decision", "MET",
        "reason", "Three quarters published."));
    assertThat(met.status()).as(met.body()).isEqualTo(200);
    assertThat(met.json().path("status").asText()).isEqualTo("MET");

    JsonNode detail = http.get("auditor", condition).json();
    assertThat(detail.path("condition").path("status").asText()).isEqualTo("MET");
    assertThat(detail.path("evidence").findValuesAsText("fileName")).containsExactly("service-levels.txt");
    JsonNode history = http.get("auditor", condition + "/history").json();
    assertThat(history.findValuesAsText("action")).containsExactly("TRACKED", "EVIDENCE_ADDED", "PROGRESS_REPORTED",
        "MET");
    assertThat(history.findValuesAsText("actor")).containsExactly("omb.decider", "director.hhs", "director.hhs",
        "omb.decider");
    assertThat(history.get(2).path("text").asText()).contains("https://example.gov/qsmo/service-levels");
    // Closed: nothing more to report or attach.
    assertThat(http.post("director.hhs", condition + "/progress", Map.of("report", "More.")).status()).isEqualTo(409);
    assertThat(http.upload("director.hhs", condition + "/evidence", "late.txt", "text/plain", file).status())
        .isEqualTo(409);
  }

  @Test
  void anOverdueConditionIsExtendedByOmbToABusinessDayAndOffersTheReportAgain() {
    String designation = designatedWithConditions();
    Long id = conditionIds(designation).get(1);
    String condition = "/api/designations/" + designation + "/conditions/" + id;
    String instance = conditions.require(id).getProcessInstanceId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers()
        .singleResult().getId());
    assertThat(http.get("auditor", condition).json().path("condition").path("status").asText()).isEqualTo("OVERDUE");

    LocalDate newDue = TestDates.businessDay(LocalDate.now().plusDays(30));
    Response extended = http.post("omb.decider", condition + "/overdue-resolution", Map.of("resolution", "EXTEND",
        "newDueDate", newDue.toString(), "reason", "The data platform was late."));

    assertThat(extended.status()).as(extended.body()).isEqualTo(200);
    assertThat(extended.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(extended.json().path("dueDate").asText()).isEqualTo(newDue.toString());
    JsonNode tasks = http.get("director.hhs", "/engine-rest/task?processInstanceId=" + instance).json();
    assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly(
        ConditionProcess.Elements.TASK_REPORT_PROGRESS);
  }

  @Test
  void directorsAndOmbFindTheirConditionTasksUnderTheirOwnTasklistFilters() {
    assertThat(filters("director.dhs")).contains("Conditions to report on").doesNotContain("Conditions to decide");
    assertThat(filters("omb.decider")).contains("Conditions to decide").doesNotContain("Conditions to report on");
    assertThat(filters("auditor")).doesNotContain("Conditions to report on", "Conditions to decide");
  }

  private List<String> filters(String user) {
    List<String> names = new ArrayList<>();
    http.get(user, "/engine-rest/filter?resourceType=Task").json().forEach(f -> names.add(f.path("name").asText()));
    return names;
  }

  /** A QSMO of HHS designated today, with a board condition and one of OMB's, both followed. */
  private String designatedWithConditions() {
    String id = TestDesignations.designated(jdbc, "GRANTS", "HHS", null);
    jdbc.update("insert into qsmo.designation_condition (designation_id, text) values (?, ?)", id,
        "Publish service-level data quarterly.");
    conditions.track(id, "Onboard two more grant-making agencies.", null, "omb.decider");
    return id;
  }

  private List<Long> conditionIds(String designation) {
    List<Long> ids = new ArrayList<>();
    http.get("auditor", "/api/designations/" + designation + "/conditions").json()
        .forEach(c -> ids.add(c.path("id").asLong()));
    assertThat(ids).hasSize(2);
    return ids;
  }
}
