package gov.qsmo.workflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.identity.Roles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OMB maintains agencies and functional areas through the API and the Tasklist form: the change applies at
 * once (groups, start forms), the role matrix holds, and every refusal changes nothing.
 */
@RunningApplicationTest
class ReferenceDataIT {

  private static final String DECIDER = "omb.decider";
  private static final String ADMIN = "admin:test-only-admin-password";
  private static final String START_DESIGNATION =
      "/engine-rest/process-definition/key/" + DesignationProcess.KEY + "/submit-form";
  private static final String START_CHANGE =
      "/engine-rest/process-definition/key/" + ReferenceDataProcess.KEY + "/submit-form";

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void ombAddsAnAreaAndTheDesignationStartFormOffersItAtOnce() {
    String code = newCode("TRV");
    String name = "Travel and expense management " + code;
    Response added = http.post(DECIDER, "/api/functional-areas", Map.of("code", code, "name", name,
        "description", "Travel booking and expense services.", "leadAgencyCode", "GSA"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().path("active").asBoolean()).isTrue();

    assertThat(startFormOptions("functionalAreaCode")).contains(code);
    Response started = startDesignation(code, "GSA");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    String designation = http.get("auditor", "/engine-rest/process-instance/" + instance).json()
        .path("businessKey").asText();

    // In use by a live designation: retiring it is refused, naming the designation, and nothing changes.
    Response refused = http.post(DECIDER, "/api/functional-areas/" + code + "/retirement", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("detail").asText()).contains(designation).contains("1 live record");
    assertThat(http.get("auditor", "/api/functional-areas/" + code).json().path("active").asBoolean()).isTrue();

    JsonNode history = http.get("auditor", "/api/functional-areas/" + code + "/changes").json();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("action").asText()).isEqualTo("ADDED");
    assertThat(history.get(0).path("changedBy").asText()).isEqualTo(DECIDER);
  }

  @Test
  void anAddedAgencyHasItsGroupsAtOnceAndARetiredOneIsNoLongerOffered() {
    String code = newCode("AG");
    Response added = http.post(DECIDER, "/api/agencies", Map.of("code", code,
        "name", "Federal Test Agency " + code, "shortName", code));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    for (String group : List.of(Roles.agencyGroup(code), Roles.directorsOf(code))) {
      assertThat(http.get(ADMIN, "/engine-rest/group/" + group).status()).as(group).isEqualTo(200);
    }
    assertThat(startFormOptions("agencyCode")).contains(code);

    Response renamed = http.put(DECIDER, "/api/agencies/" + code, Map.of("name", "Federal Renamed Agency " + code,
        "shortName", code + " R"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(http.get(ADMIN, "/engine-rest/group/" + Roles.agencyGroup(code)).json()
        .path("name").asText()).isEqualTo(code + " R staff");

    Response retired = http.post(DECIDER, "/api/agencies/" + code + "/retirement", null);
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(startFormOptions("agencyCode")).doesNotContain(code);
    assertThat(http.get("auditor", "/api/agencies").json().findValuesAsText("code")).doesNotContain(code);
    assertThat(http.get("auditor", "/api/agencies?includeRetired=true").json().findValuesAsText("code")).contains(code);
    Response startRefused = startDesignation("CYBER", code);
    assertThat(startRefused.status()).isEqualTo(400);
    assertThat(startRefused.json().path("message").asText()).contains("retired");

    assertThat(http.delete(DECIDER, "/api/agencies/" + code + "/retirement").status()).isEqualTo(200);
    assertThat(startFormOptions("agencyCode")).contains(code);

    // An agency that leads an active area keeps it: the area needs another lead first.
    String area = newCode("LD");
    assertThat(http.post(DECIDER, "/api/functional-areas", Map.of("code", area, "name", "Led area " + area,
        "description", "d", "leadAgencyCode", code)).status()).isEqualTo(201);
    Response leads = http.post(DECIDER, "/api/agencies/" + code + "/retirement", null);
    assertThat(leads.status()).isEqualTo(409);
    assertThat(leads.json().path("detail").asText()).contains("leads the active functional area(s) " + area);
  }

  @Test
  void onlyOmbDecidersChangeReferenceData() {
    String code = newCode("RM");
    Map<String, String> area = Map.of("code", code, "name", "Role matrix area " + code, "description", "x");
    for (String user : List.of("omb.analyst", "auditor", "director.gsa", "board.dhs", "reviewer1", "panel.chair")) {
      assertThat(http.post(user, "/api/functional-areas", area).status()).as(user).isEqualTo(403);
      assertThat(http.post(user, "/api/agencies/GSA/retirement", null).status()).as(user).isEqualTo(403);
      assertThat(http.put(user, "/api/agencies/GSA", Map.of("name", "x", "shortName", "x")).status()).as(user)
          .isEqualTo(403);
      assertThat(http.get(user, "/api/functional-areas").status()).as(user + " reads").isEqualTo(200);
      Response start = http.post(user, START_CHANGE, HttpTestClient.form(Map.of("change", "ADD_AREA", "code", code,
          "name", "x", "description", "x")));
      // 403, or 404 for a user who may not even read the process (Camunda hides what one may not read).
      assertThat(start.status()).as(user + " starts the change form").isIn(403, 404);
    }
    assertThat(http.get("auditor", "/api/functional-areas/" + code).status()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedWithWhatToFixAndChangesNothing() {
    long changesBefore = count("reference_data_change");
    long areasBefore = count("functional_area");
    long agenciesBefore = count("agency");
    String code = newCode("BAD");
    record Case(String method, String path, Object body, int status, String message) {
    }
    List<Case> cases = new ArrayList<>(List.of(
        new Case("POST", "/api/functional-areas", Map.of("code", "travel", "name", "T " + code, "description", "d"), 400,
            "upper-case letters"),
        new Case("POST", "/api/functional-areas", Map.of("code", code, "description", "d"), 400, "Name is required"),
        new Case("POST", "/api/functional-areas", Map.of("code", code, "name", "T " + code), 400,
            "Description is required"),
        new Case("POST", "/api/functional-areas", Map.of("code", "CYBER", "name", "New " + code, "description", "d"), 409,
            "exists already"),
        new Case("POST", "/api/functional-areas", Map.of("code", code, "name", "CYBERSECURITY services",
            "description", "d"), 409, "has this name already"),
        new Case("POST", "/api/functional-areas", Map.of("code", code, "name", "T " + code, "description", "d",
            "leadAgencyCode", "NOPE"), 400, "Unknown agency 'NOPE'"),
        new Case("POST", "/api/functional-areas", Map.of("code", code, "name", "Line\nbreak", "description", "d"), 400,
            "one line"),
        new Case("POST", "/api/functional-areas", Map.of("code", code, "name", "T " + code, "description", "d",
            "extra", 1), 400, "extra"),
        new Case("POST", "/api/functional-areas", "{not json", 400, "JSON"),
        new Case("POST", "/api/agencies", Map.of("code", code, "name", "Office of Personnel MANAGEMENT",
            "shortName", "x"), 409, "OPM"),
        new Case("POST", "/api/agencies", Map.of("code", code, "name", "N " + code, "shortName", "x".repeat(41)), 400,
            "at most 40"),
        new Case("PUT", "/api/agencies/NOPE", Map.of("name", "x " + code, "shortName", "x"), 404, "No agency"),
        new Case("POST", "/api/agencies/NOPE/retirement", null, 404, "No agency"),
        new Case("POST", "/api/agencies/TREAS/retirement", null, 409, "DSG-2020-0002 (designated)"),
        new Case("POST", "/api/functional-areas/FM/retirement", null, 409, "DSG-2020-0002"),
        new Case("DELETE", "/api/functional-areas/FM/retirement", null, 409, "nothing to restore"),
        new Case("GET", "/api/agencies/GSA/changes?size=1000", null, 400, "size 1 to 100")));
    for (Case c : cases) {
      Response response = http.send(c.method().equals("GET") ? "auditor" : DECIDER, c.method(), c.path(), c.body(),
          null);
      assertThat(response.status()).as(c.method() + " " + c.path() + " " + c.body() + ": " + response.body())
          .isEqualTo(c.status());
      assertThat(response.body()).as(c.path()).contains(c.message());
    }
    // The Tasklist form takes the same rules, as form messages.
    Response formRefused = http.post(DECIDER, START_CHANGE, HttpTestClient.form(Map.of("change", "ADD_AGENCY",
        "code", "lower", "name", "N " + code, "shortName", "x")));
    assertThat(formRefused.status()).isEqualTo(400);
    assertThat(formRefused.json().path("message").asText()).contains("upper-case letters");

    assertThat(count("reference_data_change")).isEqualTo(changesBefore);
    assertThat(count("functional_area")).isEqualTo(areasBefore);
    assertThat(count("agency")).isEqualTo(agenciesBefore);
  }

  @Test
  void ombChangesReferenceDataThroughTheTasklistForm() {
    String code = newCode("TL");
    Response started = http.post(DECIDER, START_CHANGE, HttpTestClient.form(Map.of("change", "ADD_AREA", "code", code,
        "name", "FOIA management " + code, "description", "Freedom of Information Act request handling.",
        "leadAgencyCode", "DOJ")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    JsonNode area = http.get("auditor", "/api/functional-areas/" + code).json();
    assertThat(area.path("name").asText()).isEqualTo("FOIA management " + code);
    assertThat(area.path("leadAgencyCode").asText()).isEqualTo("DOJ");
    assertThat(startFormOptions("functionalAreaCode")).contains(code);
    assertThat(http.get("auditor", "/api/functional-areas/" + code + "/changes").json().get(0).path("changedBy")
        .asText()).isEqualTo(DECIDER);
  }

  private Response startDesignation(String area, String agency) {
    LocalDate due = LocalDate.now().plusMonths(3);
    due = gov.qsmo.workflow.calendar.TestDates.businessDay(due);
    return http.post("omb.analyst", START_DESIGNATION, HttpTestClient.form(Map.of("functionalAreaCode", area,
        "agencyCode", agency, "scope", "Scope of the test designation.", "planDueDate", due.toString())));
  }

  /** The option values of a select of the designation start form, as Tasklist receives the form. */
  private List<String> startFormOptions(String field) {
    String definition = http.get("auditor", "/engine-rest/process-definition/key/" + DesignationProcess.KEY).json()
        .path("id").asText();
    JsonNode form = http.get("omb.analyst", "/engine-rest/process-definition/" + definition + "/deployed-start-form")
        .json();
    for (JsonNode component : form.path("components")) {
      if (field.equals(component.path("key").asText())) {
        return component.path("values").findValuesAsText("value");
      }
    }
    throw new AssertionError("no field " + field);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from qsmo." + table, Long.class);
  }

  private static String newCode(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
  }
}
