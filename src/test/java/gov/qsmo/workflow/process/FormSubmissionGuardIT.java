package gov.qsmo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For every user task and start form of every deployed process, read from the deployed models and forms
 * (a new process is covered without editing this test): a submission of the form's fields plus any
 * variable the task can see, with a changed value, is answered 400 naming that variable and changes
 * nothing: the task stays open, its variables and the application's tables are as they were, and a
 * refused start creates no instance.
 *
 * <p>Tasks come from the demo's live instances where one waits at that task; otherwise the test starts an
 * instance of the same definition directly before the task, with the variables of a live instance (so the
 * task sees what it sees in real life), and deletes it afterwards.
 */
@RunningApplicationTest
class FormSubmissionGuardIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  IdentityService identityService;
  @Autowired
  HistoryService historyService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  JdbcClient jdbc;

  private final List<String> createdInstances = new ArrayList<>();

  @TestFactory
  Stream<DynamicNode> everyFormRefusesEveryVariableItDoesNotShow() {
    HttpTestClient http = new HttpTestClient(port);
    List<DynamicNode> nodes = new ArrayList<>();
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions).as("deployed processes").isNotEmpty();
    int tasks = 0;
    for (ProcessDefinition definition : definitions) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        nodes.add(DynamicContainer.dynamicContainer(definition.getKey() + " / " + userTask.getName(),
            Stream.of(DynamicTest.dynamicTest("every visible variable refused", () ->
                checkTask(http, definition, userTask.getId())))));
        tasks++;
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null) {
          nodes.add(DynamicTest.dynamicTest(definition.getKey() + " / start form " + start.getCamundaFormRef(),
              () -> checkStart(http, definition)));
        }
      }
    }
    assertThat(tasks).as("user tasks found in the deployed models").isGreaterThanOrEqualTo(15);
    nodes.add(DynamicTest.dynamicTest("clean up the instances made for this test", () -> createdInstances
        .forEach(id -> runtimeService.deleteProcessInstance(id, "form guard test", true, true))));
    return nodes.stream();
  }

  private void checkTask(HttpTestClient http, ProcessDefinition definition, String activityId) {
    Task task = openTask(definition, activityId);
    Map<String, Object> visible = comparable(taskService.getVariables(task.getId()));
    FormFields form = FormFields.parse(formService.getDeployedTaskForm(task.getId()));
    Map<String, Object> values = sampleValues(formService.getDeployedTaskForm(task.getId()), visible);
    String user = userFor(task);
    Map<String, String> tablesBefore = applicationTables();

    List<String> probed = new ArrayList<>();
    for (Map.Entry<String, Object> variable : visible.entrySet()) {
      if (form.has(variable.getKey())) {
        continue;
      }
      Map<String, Object> submission = new LinkedHashMap<>(values);
      submission.put(variable.getKey(), changed(variable.getValue()));
      Response response = http.post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
          Map.of("variables", typed(submission)));
      assertThat(response.status()).as(variable.getKey() + " on " + task.getName() + ": " + response.body())
          .isEqualTo(400);
      assertThat(response.json().path("message").asText()).as("the message names the field")
          .contains("'" + variable.getKey() + "'");
      probed.add(variable.getKey());
    }
    // An unknown name too, so that a task that sees no process variable is still probed.
    Map<String, Object> unknown = new LinkedHashMap<>(values);
    unknown.put("notAFieldOfAnyForm", "x");
    Response response = http.post(user, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", typed(unknown)));
    assertThat(response.status()).as("an unknown field on " + task.getName() + ": " + response.body()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains("'notAFieldOfAnyForm' is not a field of this form");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
    assertThat(comparable(taskService.getVariables(task.getId()))).as("the task's variables")
        .isEqualTo(visible);
    assertThat(applicationTables()).as("the application's tables").isEqualTo(tablesBefore);
    assertThat(probed).as("process variables probed on " + task.getName())
        .containsAll(visible.keySet().stream().filter(k -> !form.has(k)).toList());
  }

  private void checkStart(HttpTestClient http, ProcessDefinition definition) {
    FormFields form = FormFields.parse(formService.getDeployedStartForm(definition.getId()));
    Map<String, Object> values = sampleValues(formService.getDeployedStartForm(definition.getId()), Map.of());
    Set<String> processVariables = new java.util.LinkedHashSet<>(startedVariables(definition));
    // Whatever the process holds, a name no form has is refused too.
    processVariables.add("notAFieldOfThisForm");
    String user = starterOf(definition);
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
    Map<String, String> tablesBefore = applicationTables();
    for (String name : processVariables) {
      if (form.has(name)) {
        continue;
      }
      Map<String, Object> submission = new LinkedHashMap<>(values);
      submission.put(name, "changed");
      Response response = http.post(user, "/engine-rest/process-definition/" + definition.getId() + "/submit-form",
          Map.of("variables", typed(submission)));
      assertThat(response.status()).as(name + " on the start form: " + response.body()).isEqualTo(400);
      assertThat(response.json().path("message").asText()).contains("'" + name + "' is not a field of this form");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId()).count())
        .as("no instance started").isEqualTo(instancesBefore);
    assertThat(applicationTables()).as("the application's tables").isEqualTo(tablesBefore);
  }

  /** A task of that activity: one the demo keeps open, or one made before the activity from a live instance. */
  private Task openTask(ProcessDefinition definition, String activityId) {
    List<Task> open = taskService.createTaskQuery().processDefinitionId(definition.getId())
        .taskDefinitionKey(activityId).orderByTaskCreateTime().asc().listPage(0, 1);
    if (!open.isEmpty()) {
      return open.get(0);
    }
    ProcessInstance live = liveInstance(definition);
    Map<String, Object> variables = new HashMap<>(runtimeService.getVariables(live.getId()));
    // A task of a multi-instance activity also sees its element (the board member, the assignment): take one
    // that an earlier instance of this definition had.
    UserTask userTask = repositoryService.getBpmnModelInstance(definition.getId()).getModelElementById(activityId);
    if (userTask.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop
        && loop.getCamundaElementVariable() != null) {
      String element = loop.getCamundaElementVariable();
      List<HistoricVariableInstance> earlier = historyService.createHistoricVariableInstanceQuery()
          .processDefinitionId(definition.getId()).variableName(element).listPage(0, 1);
      assertThat(earlier).as("an earlier value of " + element + " in " + definition.getKey()).isNotEmpty();
      variables.put(element, earlier.get(0).getValue());
    }
    ProcessInstance made = runtimeService.createProcessInstanceById(definition.getId())
        .businessKey(live.getBusinessKey())
        .setVariables(variables)
        .startBeforeActivity(activityId)
        .execute(true, true);
    createdInstances.add(made.getId());
    return taskService.createTaskQuery().processInstanceId(made.getId()).taskDefinitionKey(activityId).singleResult();
  }

  /**
   * The variables an instance of this process holds: of a live one (the demo keeps one of every process with
   * a wait state running), or, for a process that ends as it starts (the reference data change), of the
   * latest that ended.
   */
  private Set<String> startedVariables(ProcessDefinition definition) {
    boolean waits = !repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
        .isEmpty();
    if (waits) {
      return runtimeService.getVariables(liveInstance(definition).getId()).keySet();
    }
    return historyService.createHistoricVariableInstanceQuery().processDefinitionId(definition.getId()).listPage(0, 100)
        .stream().map(HistoricVariableInstance::getName).collect(java.util.stream.Collectors.toSet());
  }

  private ProcessInstance liveInstance(ProcessDefinition definition) {
    List<ProcessInstance> live = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId())
        .active().orderByProcessInstanceId().asc().listPage(0, 20);
    assertThat(live).as("a live instance of " + definition.getKey() + " to take the variables a task sees from "
        + "(the demo keeps one of every process running)").isNotEmpty();
    // The instance that has come furthest knows the most variables.
    return live.stream().max(java.util.Comparator.comparingInt(
        (ProcessInstance p) -> runtimeService.getVariables(p.getId()).size())).orElseThrow();
  }

  /** A user who may work on the task: its assignee, a candidate user, or a member of a candidate group. */
  private String userFor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (link.getUserId() != null) {
        return link.getUserId();
      }
      if (link.getGroupId() != null) {
        List<User> members = identityService.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc()
            .listPage(0, 1);
        if (!members.isEmpty()) {
          return members.get(0).getId();
        }
      }
    }
    throw new AssertionError("nobody may work on task " + task.getName());
  }

  /** A demo user of a group allowed to start the process. */
  private String starterOf(ProcessDefinition definition) {
    for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(definition.getKey()).hasPermission(Permissions.CREATE_INSTANCE).list()) {
      if (grant.getGroupId() != null) {
        List<User> members = identityService.createUserQuery().memberOfGroup(grant.getGroupId()).orderByUserId().asc()
            .listPage(0, 1);
        if (!members.isEmpty()) {
          return members.get(0).getId();
        }
      }
    }
    throw new AssertionError("nobody may start " + definition.getKey());
  }

  /** Plausible values for every editable field of a form, from its schema. */
  static Map<String, Object> sampleValues(InputStream formJson, Map<String, Object> visible) {
    Map<String, Object> values = new LinkedHashMap<>();
    try (formJson) {
      collectSamples(JSON.readTree(formJson).path("components"), values, visible);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return values;
  }

  private static void collectSamples(JsonNode components, Map<String, Object> values, Map<String, Object> visible) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collectSamples(component.path("components"), values, visible);
        continue;
      }
      String key = component.path("key").asText("");
      if (key.isEmpty() || !FormFields.INPUT_TYPES.contains(component.path("type").asText())
          || component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
        continue;
      }
      switch (component.path("type").asText()) {
        case "number" -> values.put(key, 1);
        case "checkbox" -> values.put(key, false);
        case "datetime" -> values.put(key,
            gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusMonths(2)).toString());
        case "select", "radio" -> {
          if (component.path("values").size() > 0) {
            values.put(key, component.path("values").get(0).path("value").asText());
          }
        }
        case "checklist", "taglist" -> values.put(key, List.of());
        default -> values.put(key, visible.getOrDefault(key, "A value typed for the form guard test") instanceof String s
            ? s : "A value typed for the form guard test");
      }
    }
  }

  private static Object changed(Object value) {
    if (value instanceof String s) {
      return s + "-changed";
    }
    if (value instanceof Integer i) {
      return i + 1;
    }
    if (value instanceof Long l) {
      return l + 1;
    }
    if (value instanceof Double d) {
      return d + 1;
    }
    if (value instanceof Boolean b) {
      return !b;
    }
    if (value instanceof Date d) {
      return new Date(d.getTime() + 86_400_000L);
    }
    return "changed";
  }

  /** Camunda's REST form of variables: {name: {value, type}}. */
  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      Map<String, Object> entry = new HashMap<>();
      if (value instanceof Date date) {
        entry.put("value", new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date));
        entry.put("type", "Date");
      } else {
        entry.put("value", value);
      }
      typed.put(name, entry);
    });
    return typed;
  }

  /** Per table of the application: row count and a hash of every row. */
  private Map<String, String> applicationTables() {
    // The mail that earlier steps wrote is sent in the background (its rows marked sent): let that end first.
    org.awaitility.Awaitility.await("the e-mail outbox sent").atMost(java.time.Duration.ofSeconds(60))
        .until(() -> jdbc.sql(gov.qsmo.workflow.TestMailServer.UNSENT_MAIL_SQL).query(Integer.class).single() == 0);
    Map<String, String> print = new TreeMap<>();
    for (String table : jdbc.sql("select 'qsmo.' || table_name from information_schema.tables where table_schema = "
        + "'qsmo' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'").query(String.class).list()) {
      print.put(table, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' order by "
          + "md5(t::text))), '') from " + table + " t").query(String.class).single());
    }
    return print;
  }

  /** Variables by name; JSON values (Camunda Spin, which has no equals) as their JSON text, to compare. */
  private static Map<String, Object> comparable(Map<String, Object> variables) {
    Map<String, Object> values = new TreeMap<>();
    variables.forEach((name, value) -> values.put(name, value instanceof org.camunda.spin.Spin<?> ? value.toString()
        : value));
    return values;
  }
}
