package gov.qsmo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's other ways to write variables, per role: setting, changing and removing task, task-local,
 * execution-local and process-instance variables, completing or resolving a task with variables its form
 * does not have, ending a task with a BPMN error or escalation, starting a process at another activity.
 * Every demo role is refused (4xx) and nothing
 * changes, even on a task the user works on; an administrator may still set and remove a variable.
 */
@RunningApplicationTest
class VariableWritesIT {

  /** The administrator of the test profile (application-test.yaml). */
  private static final String ADMIN = "admin:test-only-admin-password";
  private static final List<String> ROLES = List.of("omb.analyst", "omb.decider", "director.hhs", "board.chair",
      "board.dhs", "panel.chair", "reviewer1", "contracting.officer", "respondent.acme", "auditor");
  private static final Map<String, Object> PROBE = Map.of("value", "written by hand", "type", "String");

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;

  @TestFactory
  Stream<DynamicTest> noRoleWritesVariablesExceptThroughItsForm() {
    HttpTestClient http = new HttpTestClient(port);
    List<DynamicTest> tests = new ArrayList<>();
    for (String user : ROLES) {
      Task task = taskOf(user);
      boolean ownTask = isWorkableBy(task, user);
      String t = "/engine-rest/task/" + task.getId();
      String pi = "/engine-rest/process-instance/" + task.getProcessInstanceId();
      String existing = taskService.getVariables(task.getId()).keySet().iterator().next();
      Map<String, Object> modifications = Map.of("modifications", Map.of("qsmoProbe", PROBE));
      List<Attempt> attempts = List.of(
          new Attempt("PUT a task variable", "PUT", t + "/variables/qsmoProbe", PROBE, true),
          new Attempt("PUT a task-local variable", "PUT", t + "/localVariables/qsmoProbe", PROBE, true),
          new Attempt("POST task variable modifications", "POST", t + "/variables", modifications, true),
          new Attempt("POST task-local variable modifications", "POST", t + "/localVariables", modifications, true),
          new Attempt("DELETE a task variable", "DELETE", t + "/variables/" + existing, null, true),
          new Attempt("PUT a process-instance variable", "PUT", pi + "/variables/qsmoProbe", PROBE, false),
          new Attempt("POST process-instance variable modifications", "POST", pi + "/variables", modifications, false),
          new Attempt("PUT an execution-local variable", "PUT",
              "/engine-rest/execution/" + task.getExecutionId() + "/localVariables/qsmoProbe", PROBE, false),
          new Attempt("complete with a variable the form does not have", "POST", t + "/complete",
              Map.of("variables", Map.of("qsmoProbe", PROBE)), false),
          new Attempt("resolve with a variable the form does not have", "POST", t + "/resolve",
              Map.of("variables", Map.of("qsmoProbe", PROBE)), false),
          new Attempt("end the task with a BPMN error", "POST", t + "/bpmnError",
              Map.of("errorCode", "qsmo-probe"), false),
          new Attempt("end the task with an escalation", "POST", t + "/bpmnEscalation",
              Map.of("escalationCode", "qsmo-probe", "variables", Map.of("qsmoProbe", PROBE)), false),
          new Attempt("start the process at the task's activity", "POST",
              "/engine-rest/process-definition/" + task.getProcessDefinitionId() + "/start",
              Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                  "activityId", task.getTaskDefinitionKey()))), false));
      for (Attempt attempt : attempts) {
        tests.add(DynamicTest.dynamicTest(user + (ownTask ? " (own task)" : "") + ": " + attempt.name(),
            () -> refused(http, user, task, ownTask, attempt)));
      }
    }
    tests.add(DynamicTest.dynamicTest("an administrator may set and remove a variable", () -> {
      Task task = taskOf("board.chair");
      String path = "/engine-rest/task/" + task.getId() + "/localVariables/qsmoAdminNote";
      assertThat(http.put(ADMIN, path, PROBE).status()).isEqualTo(204);
      assertThat(taskService.getVariableLocal(task.getId(), "qsmoAdminNote")).isEqualTo("written by hand");
      assertThat(http.delete(ADMIN, path).status()).isEqualTo(204);
      assertThat(taskService.getVariableLocal(task.getId(), "qsmoAdminNote")).isNull();
    }));
    tests.add(DynamicTest.dynamicTest("an administrator's form submission is held to the form too", () -> {
      Task task = taskOf("board.chair");
      Response response = http.post(ADMIN, "/engine-rest/task/" + task.getId() + "/submit-form",
          Map.of("variables", Map.of("qsmoProbe", PROBE)));
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().path("message").asText()).contains("'qsmoProbe' is not a field of this form");
    }));
    return tests.stream();
  }

  record Attempt(String name, String method, String path, Map<String, Object> body, boolean guardAnswersTaskWorker) {
  }

  private void refused(HttpTestClient http, String user, Task task, boolean ownTask, Attempt attempt) {
    Map<String, Object> taskVariables = comparable(taskService.getVariables(task.getId()));
    Map<String, Object> processVariables = comparable(runtimeService.getVariables(task.getProcessInstanceId()));
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(task.getProcessDefinitionId())
        .count();

    Response response = switch (attempt.method()) {
      case "PUT" -> http.put(user, attempt.path(), attempt.body());
      case "DELETE" -> http.delete(user, attempt.path());
      default -> http.post(user, attempt.path(), attempt.body());
    };

    assertThat(response.status()).as(response.body()).isBetween(400, 499);
    assertThat(response.json().path("message").asText()).as("a message that says why").isNotBlank();
    if (ownTask && attempt.guardAnswersTaskWorker()) {
      // Camunda lets whoever works on a task write its variables; the application does not.
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json().path("message").asText()).contains("Only administrators may set or remove variables");
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
    assertThat(comparable(taskService.getVariables(task.getId()))).isEqualTo(taskVariables);
    assertThat(comparable(runtimeService.getVariables(task.getProcessInstanceId()))).isEqualTo(processVariables);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(task.getProcessDefinitionId()).count())
        .as("no instance started").isEqualTo(instances);
  }

  /** A task the user works on, where there is one; else the oldest open task. */
  private Task taskOf(String user) {
    List<Task> own = taskService.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user).endOr()
        .orderByTaskCreateTime().asc().listPage(0, 1);
    if (!own.isEmpty()) {
      return own.get(0);
    }
    return taskService.createTaskQuery().orderByTaskCreateTime().asc().listPage(0, 1).get(0);
  }

  private boolean isWorkableBy(Task task, String user) {
    return taskService.createTaskQuery().taskId(task.getId()).or().taskAssignee(user).taskCandidateUser(user).endOr()
        .count() > 0;
  }

  /** Variables by name; JSON values (Camunda Spin, which has no equals) as their JSON text, to compare. */
  private static Map<String, Object> comparable(Map<String, Object> variables) {
    Map<String, Object> values = new TreeMap<>();
    variables.forEach((name, value) -> values.put(name, value instanceof org.camunda.spin.Spin<?> ? value.toString()
        : value));
    return values;
  }
}
