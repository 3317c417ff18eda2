package gov.qsmo.workflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.rfi.RfiResponseBuilder;
import gov.qsmo.workflow.rfi.RfiPlanBuilder;
import gov.qsmo.workflow.designation.PlanBuilder;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.designation.DesignationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Designations and RFIs brought to a given step over HTTP as the demo users, and raw requests (any
 * method, content type and body) for the resilience tests.
 */
final class Fixtures {

  static final String START_DESIGNATION = "/engine-rest/process-definition/key/" + DesignationProcess.KEY + "/submit-form";
  static final String DIRECTOR = "director.hhs";
  static final String CHAIR = "panel.chair";
  static final String OFFICER = "contracting.officer";
  static final List<String> REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3");

  final int port;
  final HttpTestClient http;
  final ManagementService managementService;

  Fixtures(int port, ManagementService managementService) {
    this.port = port;
    this.http = new HttpTestClient(port);
    this.managementService = managementService;
  }

  // ---- raw requests ------------------------------------------------------------------------------

  /** Sends {@code body} as given ({@link HttpTestClient#send}). */
  Response send(String user, String method, String path, Object body, String contentType) {
    return http.send(user, method, path, body, contentType);
  }

  /** The body of a GET as bytes (a PDF), after checking it answered 200. */
  byte[] bytes(String user, String path) {
    return http.bytes(user, path);
  }

  /** A Camunda form submission body ({@link HttpTestClient#form}). */
  static Map<String, Object> form(Map<String, ?> values) {
    return HttpTestClient.form(values);
  }

  static Map<String, Object> with(Map<String, ?> values, Object... keysAndValues) {
    Map<String, Object> all = new LinkedHashMap<>(values);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      all.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return all;
  }

  // ---- tasks and jobs ----------------------------------------------------------------------------

  /**
   * The open tasks of this key in the instance and the instances it calls (an RFI's scoring), as the auditor
   * sees them (every task).
   */
  List<JsonNode> tasks(String instance, String key) {
    List<JsonNode> tasks = new ArrayList<>();
    http.get("auditor", "/engine-rest/task?" + Workflows.inInstance(http, instance) + "&taskDefinitionKey=" + key)
        .json().forEach(tasks::add);
    return tasks;
  }

  JsonNode task(String instance, String key) {
    List<JsonNode> tasks = tasks(instance, key);
    assertThat(tasks).as("open " + key + " tasks of " + instance).isNotEmpty();
    return tasks.get(0);
  }

  /** The open task of this key assigned to {@code user}. */
  JsonNode taskOf(String user, String instance, String key) {
    return tasks(instance, key).stream().filter(t -> user.equals(t.path("assignee").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("No " + key + " task of " + user + " in " + instance));
  }

  Response submit(String user, String taskId, Map<String, ?> values) {
    return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", form(values));
  }

  void complete(String user, String taskId, Map<String, ?> values, String instance) {
    Response done = submit(user, taskId, values);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    runJobs(instance);
  }

  /** The job executor is off in tests: runs the instance's asynchronous continuations as it would. */
  void runJobs(String instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().rootProcessInstanceId(instance).executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  // ---- designations ------------------------------------------------------------------------------

  record Designation(String id, String instance) {
  }

  static Map<String, Object> designationStart(String area, String agency) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("functionalAreaCode", area);
    values.put("agencyCode", agency);
    values.put("scope", "Shared services of the area.");
    values.put("planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString());
    return values;
  }

  /** Started by the OMB analyst: waits for OMB's pre-designation. */
  Designation identified(String area, String agency) {
    Response started = http.post("omb.analyst", START_DESIGNATION, form(designationStart(area, agency)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return new Designation(started.json().path("businessKey").asText(), started.json().path("id").asText());
  }

  /** Pre-designated: the agency's directors owe the plan. */
  Designation preDesignated(String area, String agency) {
    Designation designation = identified(area, agency);
    complete("omb.decider", task(designation.instance(), DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).path("id").asText(),
        Map.of("decision", "PRE_DESIGNATE"), designation.instance());
    return designation;
  }

  static Map<String, Object> completePlan() {
    return PlanBuilder.complete().with("acquisitionStrategy", "GSA schedule special item number.").build();
  }

  /** The plan submitted by the agency's director and the board's round open: members' review tasks. */
  Designation underReview(String area, String agency, String director) {
    Designation designation = preDesignated(area, agency);
    complete(director, task(designation.instance(), DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN).path("id").asText(),
        completePlan(), designation.instance());
    assertThat(tasks(designation.instance(), DesignationProcess.Elements.TASK_REVIEW_PLAN)).as("review tasks").isNotEmpty();
    return designation;
  }

  // ---- RFIs --------------------------------------------------------------------------------------

  record Rfi(String id, String instance) {
  }

  static Map<String, Object> rfiPlan(String title, String guidance) {
    return RfiPlanBuilder.rfi().title(title).capabilitiesGuidance(guidance).build();
  }

  static Map<String, Object> rfiResponse(String organization, String firstAnswer) {
    return RfiResponseBuilder.from(organization).firstAnswer(firstAnswer).build();
  }

  /** Drafted through the API by the HHS director: waits for the plan's approval. */
  Rfi drafted(Map<String, Object> plan) {
    Response drafted = http.post(DIRECTOR, "/api/rfis", plan);
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    return new Rfi(drafted.json().path("id").asText(), drafted.json().path("processInstanceId").asText());
  }

  /** Approved: open for responses. */
  Rfi open(Map<String, Object> plan) {
    Rfi rfi = drafted(plan);
    complete(DIRECTOR, task(rfi.instance(), RfiProcess.Elements.TASK_APPROVE_PLAN).path("id").asText(),
        Map.of("planDecision", "APPROVE"), rfi.instance());
    return rfi;
  }

  String respond(String user, Rfi rfi, Map<String, Object> response) {
    Response sent = http.post(user, "/api/rfis/" + rfi.id() + "/responses", response);
    assertThat(sent.status()).as(sent.body()).isEqualTo(201);
    return sent.json().path("id").asText();
  }

  /** Closed, screened, the panel formed and every member attested: every reviewer's scoring tasks are open. */
  void toScoring(Rfi rfi) {
    Job close = managementService.createJobQuery().processInstanceId(rfi.instance()).timers().singleResult();
    managementService.executeJob(close.getId());
    complete(OFFICER, task(rfi.instance(), RfiProcess.Elements.TASK_CONFIRM_SCREENING).path("id").asText(),
        Map.of("screeningDecision", "CONFIRM"), rfi.instance());
    complete(CHAIR, task(rfi.instance(), RfiProcess.Elements.TASK_FORM_PANEL).path("id").asText(),
        Map.of("reviewers", String.join("\n", REVIEWERS)), rfi.instance());
    for (String member : List.of(CHAIR, "reviewer1", "reviewer2", "reviewer3")) {
      complete(member, taskOf(member, rfi.instance(), RfiProcess.Elements.TASK_SIGN_ATTESTATION).path("id").asText(),
          Map.of("attest", true), rfi.instance());
    }
    assertThat(tasks(rfi.instance(), RfiProcess.Elements.TASK_SCORE_RESPONSE)).as("scoring tasks").isNotEmpty();
  }

  static Map<String, Object> scores(String strengths) {
    Map<String, Object> form = new LinkedHashMap<>();
    for (int c = 1; c <= 3; c++) {
      form.put("rating" + c, 3 + c % 2);
      form.put("strengths" + c, strengths);
      form.put("rationale" + c, "Against the level definitions.");
    }
    return form;
  }

  /** Every open scoring task completed: the chair's consensus tasks are open. */
  void scoreAll(Rfi rfi, String strengths) {
    for (JsonNode task : tasks(rfi.instance(), RfiProcess.Elements.TASK_SCORE_RESPONSE)) {
      complete(task.path("assignee").asText(), task.path("id").asText(), scores(strengths), rfi.instance());
    }
    assertThat(tasks(rfi.instance(), RfiProcess.Elements.TASK_HOLD_CONSENSUS)).as("consensus tasks").isNotEmpty();
  }

  static Map<String, Object> consensus() {
    Map<String, Object> form = new LinkedHashMap<>();
    for (int c = 1; c <= 3; c++) {
      form.put("consensusRating" + c, 4);
      form.put("consensusRationale" + c, "The panel agreed after discussing criterion " + c + ".");
    }
    return form;
  }

  /** Every consensus task completed: the report is generated and waits for the director's approval. */
  void consensusAll(Rfi rfi) {
    for (JsonNode task : tasks(rfi.instance(), RfiProcess.Elements.TASK_HOLD_CONSENSUS)) {
      complete(CHAIR, task.path("id").asText(), consensus(), rfi.instance());
    }
    assertThat(tasks(rfi.instance(), RfiProcess.Elements.TASK_APPROVE_REPORT)).as("report approval").isNotEmpty();
  }
}
