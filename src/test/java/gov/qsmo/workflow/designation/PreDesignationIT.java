package gov.qsmo.workflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first stage of a designation through Camunda's REST API and the application's API, as the
 * demo users do it from Tasklist: the analyst starts, OMB pre-designates, the agency's director
 * submits the plan.
 */
@RunningApplicationTest
class PreDesignationIT {

  private static final String START = "/engine-rest/process-definition/key/qsmo-designation/submit-form";

  @LocalServerPort
  int port;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void analystStartsDeciderPreDesignatesAndTheAgencysDirectorSubmitsThePlan() {
    Response started = http.post("omb.analyst", START, startForm(Map.of()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String designationId = started.json().path("businessKey").asText();
    String instanceId = started.json().path("id").asText();

    JsonNode decision = singleTask("omb.decider", instanceId);
    assertThat(decision.path("name").asText())
        .isEqualTo("Pre-designate candidate agency: Grants management, HHS (" + designationId + ")");
    JsonNode shown = http.get("omb.decider", "/engine-rest/task/" + decision.path("id").asText() + "/form-variables")
        .json();
    assertThat(shown.path("agencyName").path("value").asText()).isEqualTo("Department of Health and Human Services");
    assertThat(shown.path("functionalAreaName").path("value").asText()).isEqualTo("Grants management");

    Response decided = submit("omb.decider", decision.path("id").asText(), Map.of("decision", "PRE_DESIGNATE"));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);

    Response again = submit("omb.decider", decision.path("id").asText(), Map.of("decision", "DECLINE"));
    assertThat(again.status()).as("completing a completed task").isEqualTo(404);
    assertThat(again.json().path("message").asText()).contains("is no longer open").contains("completed");

    // Only the HHS directors are candidates of HHS's plan.
    assertThat(http.get("director.gsa", "/engine-rest/task?processInstanceId=" + instanceId).json().size()).isZero();
    JsonNode plan = singleTask("director.hhs", instanceId);
    assertThat(plan.path("name").asText()).startsWith("Prepare Marketplace Implementation Plan: Grants management");
    assertThat(submit("director.gsa", plan.path("id").asText(), Map.of("governance", "x")).status()).isEqualTo(403);

    Map<String, Object> sections = PlanBuilder.complete().offerings("""
        Grants system | federal | HHS GrantSolutions | Interagency agreement
        Grants management SaaS | Commercial | Schedule vendors | GSA MAS special item number""")
        .with("acquisitionStrategy", "GSA schedule special item number.")
        .with("organization", "HHS program office.").build();
    // Each line of the service offerings must be an offering: Tasklist shows the server's message.
    Map<String, Object> badLine = new LinkedHashMap<>(sections);
    badLine.put("serviceOfferings", "Grants system | federal | HHS GrantSolutions | Interagency agreement\n"
        + "Commercial SaaS from several vendors");
    Response refused = submit("director.hhs", plan.path("id").asText(), badLine);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("Proposed service offerings, line 2 is not an "
        + "offering: write it as name | federal or commercial | provider | contract vehicle");

    Response submitted = submit("director.hhs", plan.path("id").asText(), sections);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

    JsonNode versions = http.get("auditor", "/api/designations/" + designationId + "/plan-versions").json();
    assertThat(versions.size()).isEqualTo(1);
    assertThat(versions.get(0).path("submittedBy").asText()).isEqualTo("director.hhs");
    assertThat(versions.get(0).path("sections").path("governance").asText()).isEqualTo("Customer council.");
    JsonNode offerings = versions.get(0).path("serviceOfferings");
    assertThat(offerings.size()).isEqualTo(2);
    assertThat(offerings.get(0).path("name").asText()).isEqualTo("Grants system");
    assertThat(offerings.get(0).path("providerType").asText()).isEqualTo("FEDERAL");
    assertThat(offerings.get(0).path("provider").asText()).isEqualTo("HHS GrantSolutions");
    assertThat(offerings.get(0).path("contractVehicle").asText()).isEqualTo("Interagency agreement");
    assertThat(offerings.get(1).path("providerType").asText()).as("written 'Commercial'").isEqualTo("COMMERCIAL");

    JsonNode designation = http.get("omb.analyst", "/api/designations/" + designationId).json();
    assertThat(designation.path("status").asText()).isEqualTo("PLAN_SUBMITTED");
    JsonNode history = http.get("auditor", "/api/designations/" + designationId + "/history").json();
    assertThat(history.findValuesAsText("action")).containsExactly("IDENTIFIED", "PRE_DESIGNATE",
        "PLAN_VERSION_1_SUBMITTED");
    assertThat(history.findValuesAsText("actor")).containsExactly("omb.analyst", "omb.decider", "director.hhs");
  }

  @Test
  void aBadStartFormIsRefusedWith400AndStartsNothing() {
    int before = http.get("auditor", "/api/designations").json().size();

    Response unknownAgency = http.post("omb.analyst", START, startForm(Map.of("agencyCode", "NOAGENCY")));
    assertThat(unknownAgency.status()).isEqualTo(400);
    assertThat(unknownAgency.json().path("message").asText()).contains("Unknown agency 'NOAGENCY'");

    Response pastDate = http.post("omb.analyst", START, startForm(Map.of("planDueDate", "2001-01-01")));
    assertThat(pastDate.status()).isEqualTo(400);
    assertThat(pastDate.json().path("message").asText()).contains("must be after today");

    Response empty = http.post("omb.analyst", START, Map.of("variables", Map.of()));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().path("message").asText()).contains("is required");

    assertThat(http.get("auditor", "/api/designations").json().size()).isEqualTo(before);
  }

  @Test
  void aDeclineWithoutReasonIsRefusedWith400AndTheTaskStays() {
    String instanceId = http.post("omb.analyst", START, startForm(Map.of())).json().path("id").asText();
    String taskId = singleTask("omb.decider", instanceId).path("id").asText();

    Response refused = submit("omb.decider", taskId, Map.of("decision", "DECLINE"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("reason for declining");
    assertThat(singleTask("omb.decider", instanceId).path("id").asText()).isEqualTo(taskId);
  }

  @Test
  void anUnknownDesignationIs404WithAMessage() {
    Response response = http.get("auditor", "/api/designations/DSG-1999-0001");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("detail").asText()).contains("DSG-1999-0001");
  }

  private JsonNode singleTask(String user, String instanceId) {
    JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instanceId).json();
    assertThat(tasks.size()).as("tasks of " + instanceId + " visible to " + user).isEqualTo(1);
    return tasks.get(0);
  }

  private Response submit(String user, String taskId, Map<String, Object> values) {
    return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", form(values));
  }

  private static Map<String, Object> startForm(Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>(Map.of(
        "functionalAreaCode", "GRANTS",
        "agencyCode", "HHS",
        "scope", "Grants management solutions.",
        "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()));
    values.putAll(overrides);
    return form(values);
  }

  private static Map<String, Object> form(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
