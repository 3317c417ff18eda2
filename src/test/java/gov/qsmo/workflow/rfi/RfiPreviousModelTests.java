package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_HOLD_CONSENSUS;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SCORE_RESPONSE;
import static gov.qsmo.workflow.rfi.RfiScenario.REVIEWERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.scoring.RemindReviewersDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Evaluations that began on the model before ADR 0014 (every scoring task in the RFI's own instance) finish
 * on that version: they are not migrated. The previous model is deployed here as it was released, beside its
 * forms, and removed again after each test.
 */
@ProcessEngineTest
@Import(RfiScenario.class)
class RfiPreviousModelTests {

  static final String PREVIOUS_MODEL = "previous-models/rfi-evaluation-before-0014.bpmn";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RfiScenario scenario;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  FilterService filterService;
  @Autowired
  RfiPanelService panel;

  private String deploymentId;
  private String previousDefinitionId;

  @BeforeEach
  void deployThePreviousModel() throws IOException {
    init(engine);
    scenario.ensureUsers();
    DeploymentBuilder deployment = repositoryService.createDeployment().name("rfi-evaluation before ADR 0014")
        .addClasspathResource(PREVIOUS_MODEL);
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
        try (InputStream in = Files.newInputStream(form)) {
          deployment.addInputStream(form.getFileName().toString(), in);
        }
      }
    }
    deploymentId = deployment.deploy().getId();
    previousDefinitionId = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey(RfiProcess.KEY).singleResult().getId();
  }

  @AfterEach
  void removeIt() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void anEvaluationScoringOnThePreviousModelFinishesOnIt() {
    ProcessInstance instance = scenario.withPanel(scenario.approved(scenario.draftOn(previousDefinitionId)),
        REVIEWERS.subList(0, 3), null, "Acme", "Globex");
    scenario.attestAll(instance, Map.of());

    // Every scoring task is in the RFI's own instance, as the previous model has it; no instance is called.
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_SCORE_RESPONSE).list();
    assertThat(tasks).hasSize(6).allSatisfy(t -> assertThat(t.getProcessDefinitionId())
        .isEqualTo(previousDefinitionId));
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count()).isZero();

    // The reviewers' filter still shows them, and the reminder still moves them up.
    String filter = filterService.createFilterQuery().filterName("RFI responses to score").singleResult().getId();
    List<Task> listed = scenario.as(REVIEWERS.get(0), () -> filterService.<Task>list(filter));
    assertThat(listed).extracting(Task::getId).containsAll(tasks.stream()
        .filter(t -> t.getAssignee().equals(REVIEWERS.get(0))).map(Task::getId).toList());
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(RfiProcess.Elements.TIMER_SCORING_REMINDER_DUE).singleResult().getId());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE_RESPONSE)
        .list()).allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(RemindReviewersDelegate.REMINDED_PRIORITY));

    // Scores are recorded from the previous model's tasks too; the evaluation goes on to consensus on its version.
    for (Task task : tasks) {
      scenario.score(task, 4, 3, 5);
    }
    scenario.runJobs(instance);
    assertThat(instance).hasPassed(RfiProcess.Elements.TASK_AGGREGATE_SCORES).isWaitingAt(TASK_HOLD_CONSENSUS);
    assertThat(panel.assignments(instance.getBusinessKey())).hasSize(6)
        .allSatisfy(a -> assertThat(a.status).isEqualTo(Assignment.Status.SCORED));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(previousDefinitionId);
  }
}
