package gov.qsmo.workflow.rfi;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Walks a new RFI through its steps over HTTP as the demo users, for the integration tests. */
final class RfiRestWalk {

  final HttpTestClient http;
  final ManagementService managementService;
  String rfiId;
  String instance;

  RfiRestWalk(HttpTestClient http, ManagementService managementService) {
    this.http = http;
    this.managementService = managementService;
  }

  /** Drafted by director.hhs through the API and approved in the task: open for responses. */
  RfiRestWalk open(LocalDate closeDate) {
    Response drafted = http.post("director.hhs", "/api/rfis", RfiEvaluationIT.plan(closeDate));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    rfiId = drafted.json().path("id").asText();
    instance = drafted.json().path("processInstanceId").asText();
    complete("director.hhs", RfiProcess.Elements.TASK_APPROVE_PLAN, Map.of("planDecision", "APPROVE"));
    return this;
  }

  String respond(String user, String organization) {
    Response response = http.post(user, "/api/rfis/" + rfiId + "/responses", RfiEvaluationIT.response(organization));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().path("id").asText();
  }

  /** The close date passes (the timer fires), the contracting officer confirms, the chair forms the panel. */
  RfiRestWalk panel(List<String> reviewers) {
    Job close = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    managementService.executeJob(close.getId());
    complete("contracting.officer", RfiProcess.Elements.TASK_CONFIRM_SCREENING, Map.of("screeningDecision", "CONFIRM"));
    complete("panel.chair", RfiProcess.Elements.TASK_FORM_PANEL, Map.of("reviewers", String.join("\n", reviewers)));
    return this;
  }

  void complete(String user, String key, Map<String, Object> form) {
    List<JsonNode> tasks = tasks(user, key);
    assertThat(tasks).as(key + " for " + user).isNotEmpty();
    Response done = submit(user, tasks.get(0).path("id").asText(), form);
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    runJobs();
  }

  /** The user's tasks of this key in the RFI's instance or the instances it calls (scoring): assigned to them, else those they are candidate for. */
  List<JsonNode> tasks(String user, String key) {
    List<JsonNode> tasks = new ArrayList<>();
    http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + rfiId + "&taskDefinitionKey=" + key
        + "&assignee=" + user).json().forEach(tasks::add);
    if (tasks.isEmpty()) {
      http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + rfiId + "&taskDefinitionKey=" + key).json()
          .forEach(tasks::add);
    }
    return tasks;
  }

  Response submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
    return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
  }

  /** The job executor is off in tests: runs the instance's asynchronous continuations as it would. */
  void runJobs() {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().rootProcessInstanceId(instance).executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
