package gov.qsmo.workflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.HttpClientForTests;
import gov.qsmo.workflow.HttpClientForTests.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
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

  static final String START_DESIGNATION = "/engine-rest/process-definition/key/qsmo-designation/submit-form";
  static final String DIRECTOR = "director.hhs";
  static final String CHAIR = "panel.chair";
  static final String OFFICER = "contracting.officer";
  static final List<String> REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3");

  /** Escapes every non-ASCII character, so that a lone surrogate can be sent as the JSON escape it is. */
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

  final int port;
  final HttpClientForTests http;
  final ManagementService managementService;
  private final HttpClient client = HttpClient.newHttpClient();

  Fixtures(int port, ManagementService managementService) {
    this.port = port;
    this.http = new HttpClientForTests(port);
    this.managementService = managementService;
  }

  // ---- raw requests ------------------------------------------------------------------------------

  /** A multipart upload of one part. */
  record Upload(String partName, String fileName, String contentType, byte[] content) {
  }

  /** Sends {@code body} as given: a String or byte[] as is, an {@link Upload} as multipart, anything else as JSON. */
  Response send(String user, String method, String path, Object body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    byte[] bytes;
    String type = contentType;
    if (body == null) {
      bytes = null;
    } else if (body instanceof Upload upload) {
      String boundary = "qsmo-" + System.nanoTime();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + upload.partName()
          + "\"; filename=\"" + upload.fileName() + "\"\r\nContent-Type: " + upload.contentType() + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(upload.content());
      out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      bytes = out.toByteArray();
      type = type == null ? "multipart/form-data; boundary=" + boundary : type;
    } else if (body instanceof byte[] raw) {
      bytes = raw;
    } else if (body instanceof String text) {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        bytes = JSON.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (bytes != null) {
      request.header("Content-Type", type == null ? "application/json" : type);
    }
    request.method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (user != null) {
      String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : user;
      String id = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body of a GET as bytes (a PDF), after checking it answered 200. */
  byte[] bytes(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)));
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A Camunda form submission body: every value untyped, as Tasklist sends it. */
  static Map<String, Object> form(Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      Map<String, Object> variable = new LinkedHashMap<>();
      variable.put("value", value);
      variables.put(key, variable);
    });
    return Map.of("variables", variables);
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
    values.put("planDueDate", LocalDate.now().plusMonths(3).toString());
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
    complete("omb.decider", task(designation.instance(), "Task_PreDesignateCandidate").path("id").asText(),
        Map.of("decision", "PRE_DESIGNATE"), designation.instance());
    return designation;
  }

  static Map<String, Object> completePlan() {
    Map<String, Object> sections = new LinkedHashMap<>();
    sections.put("serviceOfferings", "Grants system | federal | HHS GrantSolutions | Interagency agreement");
    sections.put("acquisitionStrategy", "GSA schedule special item number.");
    sections.put("governance", "Customer council.");
    sections.put("financialInfrastructure", "Fee for service.");
    sections.put("organization", "Program office.");
    return sections;
  }

  /** The plan submitted by the agency's director and the board's round open: members' review tasks. */
  Designation underReview(String area, String agency, String director) {
    Designation designation = preDesignated(area, agency);
    complete(director, task(designation.instance(), "Task_PrepareMarketplacePlan").path("id").asText(),
        completePlan(), designation.instance());
    assertThat(tasks(designation.instance(), "Task_ReviewPlan")).as("review tasks").isNotEmpty();
    return designation;
  }

  // ---- RFIs --------------------------------------------------------------------------------------

  record Rfi(String id, String instance) {
  }

  static Map<String, Object> rfiPlan(String title, String guidance) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("title", title);
    plan.put("description", "Tools for recipients' financial and performance reporting.");
    plan.put("agencyCode", "HHS");
    plan.put("topics", List.of("Reporting capabilities", "Data standards", "Pricing"));
    plan.put("closeDate", LocalDate.now().plusDays(20).toString());
    plan.put("allowLate", false);
    plan.put("panelChair", CHAIR);
    plan.put("scaleType", "NUMERIC");
    plan.put("criteria", List.of(
        Map.of("name", "Capabilities", "weight", 50, "guidance", guidance),
        Map.of("name", "Standards", "weight", 30, "guidance", "Use of grants data standards"),
        Map.of("name", "Cost", "weight", 20, "guidance", "Credible pricing")));
    return plan;
  }

  static Map<String, Object> rfiResponse(String organization, String firstAnswer) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("organization", organization);
    response.put("smallBusiness", false);
    response.put("contactName", "Program office");
    response.put("contactEmail", "rfi@example.com");
    response.put("proprietary", false);
    response.put("answers", List.of(Map.of("topic", 1, "answer", firstAnswer), Map.of("topic", 2, "answer", "Yes."),
        Map.of("topic", 3, "answer", "Per user.")));
    return response;
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
    complete(DIRECTOR, task(rfi.instance(), "Task_ApproveEvaluationPlan").path("id").asText(),
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
    complete(OFFICER, task(rfi.instance(), "Task_ConfirmScreening").path("id").asText(),
        Map.of("screeningDecision", "CONFIRM"), rfi.instance());
    complete(CHAIR, task(rfi.instance(), "Task_FormReviewPanel").path("id").asText(),
        Map.of("reviewers", String.join("\n", REVIEWERS)), rfi.instance());
    for (String member : List.of(CHAIR, "reviewer1", "reviewer2", "reviewer3")) {
      complete(member, taskOf(member, rfi.instance(), "Task_SignAttestation").path("id").asText(),
          Map.of("attest", true), rfi.instance());
    }
    assertThat(tasks(rfi.instance(), "Task_ScoreResponse")).as("scoring tasks").isNotEmpty();
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
    for (JsonNode task : tasks(rfi.instance(), "Task_ScoreResponse")) {
      complete(task.path("assignee").asText(), task.path("id").asText(), scores(strengths), rfi.instance());
    }
    assertThat(tasks(rfi.instance(), "Task_HoldConsensusReview")).as("consensus tasks").isNotEmpty();
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
    for (JsonNode task : tasks(rfi.instance(), "Task_HoldConsensusReview")) {
      complete(CHAIR, task.path("id").asText(), consensus(), rfi.instance());
    }
    assertThat(tasks(rfi.instance(), "Task_ApproveEvaluationReport")).as("report approval").isNotEmpty();
  }
}
