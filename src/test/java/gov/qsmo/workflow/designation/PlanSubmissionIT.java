package gov.qsmo.workflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/designations/{id}/plan-versions} through real HTTP as the demo users: the agency's
 * director submits a plan version, which completes the plan task as Tasklist would.
 */
@RunningApplicationTest
class PlanSubmissionIT {

  private static final String OFFERINGS = """
      Protective DNS resolver | federal | CISA | Interagency agreement
      Vulnerability scanning | Commercial | Schedule vendors | GSA MAS special item number""";

  @LocalServerPort
  int port;

  @Autowired
  IdentitySetup identitySetup;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void theAgencysDirectorSubmitsACompletePlanAndItGoesToTheBoard() {
    Designation designation = preDesignated("DHS");

    Response submitted = http.post("director.dhs", plans(designation), Map.of("sections", completePlan()));

    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    JsonNode body = submitted.json();
    assertThat(body.path("designationId").asText()).isEqualTo(designation.id());
    assertThat(body.path("versionNumber").asInt()).isEqualTo(1);
    assertThat(body.path("submittedBy").asText()).isEqualTo("director.dhs");
    assertThat(body.path("complete").asBoolean()).isTrue();
    assertThat(body.path("missingSections").size()).isZero();
    assertThat(body.path("designationStatus").asText()).isEqualTo("PLAN_SUBMITTED");
    assertThat(body.path("outcome").asText()).isEqualTo(
        "Plan version 1 is complete and goes to the governance board's review.");
    assertThat(body.path("sections").path("governance").asText()).isEqualTo("A customer council of CFO Act agencies.");
    assertThat(body.path("serviceOfferings").get(1).path("name").asText()).isEqualTo("Vulnerability scanning");
    assertThat(body.path("serviceOfferings").get(1).path("providerType").asText()).isEqualTo("COMMERCIAL");

    // The same record as a submission in Tasklist: the version, the audit trail, the completed task.
    JsonNode versions = http.get("auditor", plans(designation)).json();
    assertThat(versions.size()).isEqualTo(1);
    assertThat(versions.get(0).path("serviceOfferings").findValuesAsText("provider"))
        .containsExactly("CISA", "Schedule vendors");
    JsonNode history = http.get("auditor", "/api/designations/" + designation.id() + "/history").json();
    assertThat(history.findValuesAsText("action")).containsExactly("IDENTIFIED", "PRE_DESIGNATE",
        "PLAN_VERSION_1_SUBMITTED");
    assertThat(history.get(2).path("actor").asText()).isEqualTo("director.dhs");
    JsonNode planTask = http.get("auditor", "/engine-rest/history/task?processInstanceId=" + designation.instanceId()
        + "&taskDefinitionKey=Task_PrepareMarketplacePlan").json();
    assertThat(planTask.size()).isEqualTo(1);
    assertThat(planTask.get(0).path("assignee").asText()).isEqualTo("director.dhs");
    assertThat(planTask.get(0).path("deleteReason").asText()).isEqualTo("completed");
    assertThat(http.get("director.dhs", "/engine-rest/task?processInstanceId=" + designation.instanceId()).json()
        .size()).as("no plan task open any more").isZero();

    // The plan is with the board now: another version is refused.
    Response again = http.post("director.dhs", plans(designation), Map.of("sections", completePlan()));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asText()).isEqualTo("Designation " + designation.id()
        + " is PLAN_SUBMITTED; a plan version can be submitted only while it waits at Prepare Marketplace "
        + "Implementation Plan.");
  }

  @Test
  void anIncompletePlanGoesBackToTheDirectorAndEachVersionHoldsExactlyTheSectionsSent() {
    Designation designation = preDesignated("DHS");

    Response first = http.post("director.dhs", plans(designation), Map.of("sections", Map.of(
        "serviceOfferings", OFFERINGS, "governance", "A customer council.")));

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().path("versionNumber").asInt()).isEqualTo(1);
    assertThat(first.json().path("complete").asBoolean()).isFalse();
    assertThat(first.json().path("missingSections").toString())
        .isEqualTo("[\"acquisitionStrategy\",\"financialInfrastructure\",\"organization\"]");
    assertThat(first.json().path("designationStatus").asText()).isEqualTo("PRE_DESIGNATED");
    assertThat(first.json().path("outcome").asText()).isEqualTo("Plan version 1 lacks required sections "
        + "(Acquisition strategy, Financial infrastructure, Organization), so it went back to the director: submit a "
        + "version that has them.");
    JsonNode returned = http.get("director.dhs", "/engine-rest/task?processInstanceId=" + designation.instanceId())
        .json();
    assertThat(returned.findValuesAsText("taskDefinitionKey")).containsExactly("Task_PrepareMarketplacePlan");
    assertThat(http.get("director.dhs", "/engine-rest/task/" + returned.get(0).path("id").asText()
        + "/form-variables").json().path("missingSectionsText").path("value").asText())
        .isEqualTo("Acquisition strategy, Financial infrastructure, Organization");

    // The first version's text is filled into the form for Tasklist, but the API sends whole versions.
    Response onlyMissing = http.post("director.dhs", plans(designation), Map.of("sections", Map.of(
        "acquisitionStrategy", "GSA schedules.", "financialInfrastructure", "Fee for service.",
        "organization", "A program office in CISA.")));
    assertThat(onlyMissing.status()).as(onlyMissing.body()).isEqualTo(201);
    assertThat(onlyMissing.json().path("versionNumber").asInt()).isEqualTo(2);
    assertThat(onlyMissing.json().path("missingSections").toString())
        .isEqualTo("[\"serviceOfferings\",\"governance\"]");
    assertThat(onlyMissing.json().path("sections").has("governance")).isFalse();

    Response complete = http.post("director.dhs", plans(designation), Map.of("sections", completePlan()));
    assertThat(complete.status()).as(complete.body()).isEqualTo(201);
    assertThat(complete.json().path("versionNumber").asInt()).isEqualTo(3);
    assertThat(complete.json().path("complete").asBoolean()).isTrue();
    assertThat(http.get("auditor", "/api/designations/" + designation.id() + "/history").json()
        .findValuesAsText("action")).containsExactly("IDENTIFIED", "PRE_DESIGNATE", "PLAN_VERSION_1_SUBMITTED",
        "PLAN_RETURNED_INCOMPLETE", "PLAN_VERSION_2_SUBMITTED", "PLAN_RETURNED_INCOMPLETE",
        "PLAN_VERSION_3_SUBMITTED");
  }

  @Test
  void anotherAgencysDirectorGets404AndWhoIsNoDirectorGets403() {
    Designation designation = preDesignated("DHS");
    Map<String, Object> body = Map.of("sections", completePlan());

    Response otherAgency = http.post("director.gsa", plans(designation), body);
    assertThat(otherAgency.status()).isEqualTo(404);
    assertThat(otherAgency.json().path("detail").asText())
        .isEqualTo("No designation with id '" + designation.id() + "'.");
    for (String user : new String[] {"auditor", "board.dhs", "omb.decider"}) {
      Response refused = http.post(user, plans(designation), body);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.json().path("detail").asText()).as(user)
          .contains("POST /api/designations/" + designation.id() + "/plan-versions");
    }
    assertThat(http.post(null, plans(designation), body).status()).isEqualTo(401);
    // A director who may read every designation (an auditor too) still directs no agency's plan but their own.
    identitySetup.ensureUser("test.director.auditor", "Test", "Director and auditor", "pw",
        Roles.QSMO_DIRECTORS, Roles.AUDITORS);
    Response readsButDoesNotDirect = http.post("test.director.auditor:pw", plans(designation), body);
    assertThat(readsButDoesNotDirect.status()).isEqualTo(403);
    assertThat(readsButDoesNotDirect.json().path("detail").asText()).isEqualTo("Only the QSMO directors of DHS "
        + "(group qsmo-directors-dhs) submit the plan of " + designation.id() + ".");

    assertThat(http.get("auditor", plans(designation)).json().size()).isZero();
    assertThat(openPlanTask(designation).path("assignee").isNull()).as("nobody claimed the task").isTrue();
  }

  @Test
  void badSectionsAre400NamingTheFieldAndChangeNothing() {
    Designation designation = preDesignated("DHS");

    Map<String, Object> unknown = new LinkedHashMap<>(completePlan());
    unknown.put("budget", "Ten million dollars.");
    assertRefused(designation, Map.of("sections", unknown), "sections.budget",
        "'budget' is not a plan section; use serviceOfferings, acquisitionStrategy, governance, "
            + "financialInfrastructure, organization, customerEngagement, standardsAlignment, performanceMeasures, "
            + "legacyProviderTransition, risks.");

    Map<String, Object> badLine = new LinkedHashMap<>(completePlan());
    badLine.put("serviceOfferings", OFFERINGS + "\nIncident response | state | Vendor X | Task order");
    assertRefused(designation, Map.of("sections", badLine), "sections.serviceOfferings",
        "Proposed service offerings, line 3: the provider type 'state' must be federal or commercial.");

    Map<String, Object> notText = new LinkedHashMap<>(completePlan());
    notText.put("governance", 42);
    assertRefused(designation, Map.of("sections", notText), "sections.governance",
        "Governance must be text (a JSON string).");

    Map<String, Object> tooLong = new LinkedHashMap<>(completePlan());
    tooLong.put("risks", "x".repeat(4001));
    assertRefused(designation, Map.of("sections", tooLong), "sections.risks",
        "Risks is 4001 characters long; shorten it to at most 4000.");

    assertRefused(designation, Map.of(), "sections",
        "Send the plan's sections: {\"sections\": {\"serviceOfferings\": \"...\", \"governance\": \"...\", ...}}.");
    assertRefused(designation, Map.of("plan", completePlan()), "plan",
        "'plan' is not a field of this request; remove it (see /swagger-ui.html).");

    assertThat(http.get("auditor", plans(designation)).json().size()).isZero();
    assertThat(http.get("auditor", "/api/designations/" + designation.id() + "/history").json()
        .findValuesAsText("action")).containsExactly("IDENTIFIED", "PRE_DESIGNATE");
    assertThat(openPlanTask(designation).path("assignee").isNull()).as("the refused submissions left no claim")
        .isTrue();
  }

  @Test
  void aDesignationThatDoesNotWaitForItsPlanAnswers409SayingWhereItStands() {
    String instanceId = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form",
        form(Map.of("functionalAreaCode", "CYBER", "agencyCode", "DHS", "scope", "Cybersecurity services.",
            "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()))).json().path("id").asText();
    String identified = http.get("auditor", "/engine-rest/process-instance/" + instanceId).json()
        .path("businessKey").asText();

    Response early = http.post("director.dhs", "/api/designations/" + identified + "/plan-versions",
        Map.of("sections", completePlan()));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().path("detail").asText()).isEqualTo("Designation " + identified + " is IDENTIFIED and "
        + "waits at Pre-designate candidate agency; a plan version can be submitted only while it waits at Prepare "
        + "Marketplace Implementation Plan.");

    // Treasury's designation of 2020 is on record, without a process in this system.
    Response onRecord = http.post("director.treas", "/api/designations/DSG-2020-0002/plan-versions",
        Map.of("sections", completePlan()));
    assertThat(onRecord.status()).isEqualTo(409);
    assertThat(onRecord.json().path("detail").asText()).startsWith("Designation DSG-2020-0002 is DESIGNATED;");
  }

  @Test
  void theApiDescriptionDocumentsTheCallAndItsAnswers() {
    JsonNode post = http.get(null, "/v3/api-docs").json().path("paths").path("/api/designations/{id}/plan-versions")
        .path("post");

    assertThat(post.path("summary").asText()).contains("Submit a plan version");
    assertThat(post.path("responses").fieldNames()).toIterable().contains("201", "400", "403", "404", "409");
    assertThat(post.path("requestBody").isMissingNode()).isFalse();
  }

  private void assertRefused(Designation designation, Map<String, Object> body, String field, String detail) {
    Response refused = http.post("director.dhs", plans(designation), body);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("field").asText()).isEqualTo(field);
    assertThat(refused.json().path("detail").asText()).isEqualTo(detail);
  }

  private static Map<String, Object> completePlan() {
    Map<String, Object> sections = new LinkedHashMap<>();
    sections.put("serviceOfferings", OFFERINGS);
    sections.put("acquisitionStrategy", "Agencies order through GSA schedules.");
    sections.put("governance", "A customer council of CFO Act agencies.");
    sections.put("financialInfrastructure", "Fee for service.");
    sections.put("organization", "A program office in CISA.");
    sections.put("risks", "Slow migration of legacy providers.");
    return sections;
  }

  private record Designation(String id, String instanceId) {
  }

  /** A new designation of this agency, pre-designated by OMB: its director owes the plan. */
  private Designation preDesignated(String agency) {
    String instanceId = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form",
        form(Map.of("functionalAreaCode", "CYBER", "agencyCode", agency, "scope", "Cybersecurity services.",
            "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()))).json().path("id").asText();
    String id = http.get("auditor", "/engine-rest/process-instance/" + instanceId).json().path("businessKey").asText();
    String decision = http.get("omb.decider", "/engine-rest/task?processInstanceId=" + instanceId).json().get(0)
        .path("id").asText();
    Response decided = http.post("omb.decider", "/engine-rest/task/" + decision + "/submit-form",
        form(Map.of("decision", "PRE_DESIGNATE")));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    return new Designation(id, instanceId);
  }

  private JsonNode openPlanTask(Designation designation) {
    JsonNode tasks = http.get("auditor", "/engine-rest/task?processInstanceId=" + designation.instanceId()
        + "&taskDefinitionKey=Task_PrepareMarketplacePlan").json();
    assertThat(tasks.size()).as("open plan tasks").isEqualTo(1);
    return tasks.get(0);
  }

  private static String plans(Designation designation) {
    return "/api/designations/" + designation.id() + "/plan-versions";
  }

  private static Map<String, Object> form(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
