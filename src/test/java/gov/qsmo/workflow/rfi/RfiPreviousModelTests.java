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
 * Evaluations that began on an earlier model finish on it; none is migrated. Before ADR 0014 every scoring task
 * was in the RFI's own instance; under ADR 0014, before ADR 0029, each reviewer's completion in a response's
 * instance was followed by an asynchronous continuation; before ADR 0030 the RFI called every response's instance
 * itself, without batches; before ADR 0033 the score form's values were kept in input mappings; before ADR 0034 the
 * RFI aggregated every response in one step and held every consensus task in its own instance. Each test deploys
 * such a model as it was released, beside today's forms, and removes it again.
 */
@ProcessEngineTest
@Import(RfiScenario.class)
class RfiPreviousModelTests {

  static final String PREVIOUS_MODEL = "previous-models/rfi-evaluation-before-0014.bpmn";
  static final String PREVIOUS_SCORING_MODEL = "previous-models/rfi-response-scoring-0014.bpmn";
  /** The evaluation of ADR 0014, unchanged by ADR 0029: it calls each response's scoring instance itself. */
  static final String UNBATCHED_MODEL = "previous-models/rfi-evaluation-0014.bpmn";
  /** The response's scoring of ADRs 0029 and 0030: the score form's 32 fields are input mappings. */
  static final String SCORING_MODEL_BEFORE_0033 = "previous-models/rfi-response-scoring-before-0033.bpmn";
  /**
   * The evaluation of ADRs 0030 to 0033 (released with both scoring models of that time): one aggregation step, every
   * consensus task in the RFI's instance.
   */
  static final String CONSENSUS_MODEL_BEFORE_0034 = "previous-models/rfi-evaluation-before-0034.bpmn";

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
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  gov.qsmo.workflow.rfi.results.RfiResultsService results;
  @Autowired
  RfiService records;

  private String deploymentId;
  private String previousDefinitionId;

  /** An evaluation at scoring, and the scoring model its deployment calls. */
  private record Scoring(ProcessInstance instance, String scoringDefinitionId) {
  }

  @BeforeEach
  void users() {
    init(engine);
    scenario.ensureUsers();
  }

  /** Deploys models as they were released, beside today's forms; the RFI's definition of that deployment. */
  private void deployPrevious(String name, String... models) throws IOException {
    DeploymentBuilder deployment = repositoryService.createDeployment().name(name);
    for (String model : models) {
      // A released model kept among the test resources, or one of today's (bpmn/...), unchanged since.
      try (InputStream in = model.startsWith("bpmn/") ? Files.newInputStream(Path.of(model))
          : getClass().getClassLoader().getResourceAsStream(model)) {
        deployment.addString(Path.of(model).getFileName().toString(), new String(in.readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8));
      }
    }
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

  /**
   * Deploys these released models, starts an evaluation of two responses and three reviewers on them and brings it
   * to scoring: the RFI's instance calls the responses' instances itself, as before ADR 0030, each with its three
   * tasks.
   */
  private Scoring scoringCalledDirectly(String name, String... models) throws IOException {
    deployPrevious(name, models);
    String scoring = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey(RfiProcess.SCORING_KEY).singleResult().getId();
    ProcessInstance instance = scenario.withPanel(scenario.approved(scenario.draftOn(previousDefinitionId)),
        REVIEWERS.subList(0, 3), null, "Acme", "Globex");
    scenario.attestAll(instance, Map.of());
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list())
        .hasSize(2).allSatisfy(c -> assertThat(c.getProcessDefinitionId()).isEqualTo(scoring));
    assertThat(scenario.tasks(instance, TASK_SCORE_RESPONSE)).hasSize(6);
    return new Scoring(instance, scoring);
  }

  /**
   * These tasks scored, the jobs run: the evaluation has aggregated its six scores and holds one consensus task per
   * response (in its own instance on models before ADR 0034, in a consensus batch on today's).
   */
  private void scoreToConsensus(ProcessInstance instance, List<Task> tasks) {
    for (Task task : tasks) {
      scenario.score(task, 4, 3, 5);
    }
    scenario.runJobs(instance);
    assertThat(instance).hasPassed(RfiProcess.Elements.TASK_AGGREGATE_SCORES);
    assertThat(scenario.tasks(instance, TASK_HOLD_CONSENSUS)).hasSize(2);
    assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.CONSENSUS);
    assertThat(panel.assignments(instance.getBusinessKey())).hasSize(6)
        .allSatisfy(a -> assertThat(a.status).isEqualTo(Assignment.Status.SCORED));
  }

  @AfterEach
  void removeIt() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void anEvaluationScoringOnThePreviousModelFinishesOnIt() throws IOException {
    deployPrevious("rfi-evaluation before ADR 0014", PREVIOUS_MODEL);
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
    scoreToConsensus(instance, tasks);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(previousDefinitionId);
  }

  /**
   * Evaluations whose responses are scored on the model of ADR 0014 (each reviewer's completion followed by an
   * asynchronous continuation) finish on it: an RFI calls the scoring model deployed with it.
   */
  @Test
  void responsesScoredOnTheModelOfAdr0014FinishOnIt() throws IOException {
    Scoring scoring = scoringCalledDirectly("rfi-response-scoring of ADR 0014", PREVIOUS_SCORING_MODEL,
        UNBATCHED_MODEL);
    ProcessInstance instance = scoring.instance();
    String previousScoring = scoring.scoringDefinitionId();
    List<Task> tasks = scenario.tasks(instance, TASK_SCORE_RESPONSE);

    // The previous model's continuation after each reviewer's task is still there, and still runs.
    scenario.score(tasks.get(0), 4, 3, 5);
    assertThat(managementService.createJobQuery().processDefinitionId(previousScoring).messages().count()).isOne();
    scoreToConsensus(instance, tasks.subList(1, tasks.size()));
  }

  /**
   * Evaluations that began before ADR 0030 call each response's scoring instance themselves, without batches, and
   * finish so, on today's scoring model of their deployment.
   */
  @Test
  void anEvaluationCallingEachResponseWithoutBatchesFinishesSo() throws IOException {
    ProcessInstance instance = scoringCalledDirectly("rfi-evaluation before ADR 0030", UNBATCHED_MODEL,
        "bpmn/rfi-response-scoring.bpmn").instance();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(RfiProcess.SCORING_BATCH_KEY).count()).isZero();
    List<Task> tasks = scenario.tasks(instance, TASK_SCORE_RESPONSE);

    scoreToConsensus(instance, tasks);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(previousDefinitionId);
  }

  /**
   * Responses being scored on the model before ADR 0033 finish on it: their tasks' input mappings hold the form's
   * values as local variables of the reviewer's execution, as they did (not transient), and the sheets are recorded.
   */
  @Test
  void responsesScoredWithInputMappingsKeepTheirValuesAsBefore() throws IOException {
    deployPrevious("rfi-response-scoring before ADR 0033", CONSENSUS_MODEL_BEFORE_0034, "bpmn/rfi-scoring-batch.bpmn",
        SCORING_MODEL_BEFORE_0033);
    String scoring = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey(RfiProcess.SCORING_KEY).singleResult().getId();
    ProcessInstance instance = scenario.withPanel(scenario.approved(scenario.draftOn(previousDefinitionId)),
        REVIEWERS.subList(0, 3), null, "Acme", "Globex");
    scenario.attestAll(instance, Map.of());
    List<Task> tasks = scenario.tasks(instance, TASK_SCORE_RESPONSE);
    assertThat(tasks).hasSize(6).allSatisfy(t -> assertThat(t.getProcessDefinitionId()).isEqualTo(scoring));

    Task first = tasks.get(0);
    scenario.as(first.getAssignee(), () -> {
      engine.getFormService().submitTaskForm(first.getId(), RfiScenario.scores(4, 3, 5));
      return null;
    });
    assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ? and name_ = "
        + "'rating1' and long_ = 4", Long.class, first.getProcessInstanceId())).as("the value kept in its input "
        + "mapping").isOne();
    scoreToConsensus(instance, tasks.subList(1, tasks.size()));
  }

  /**
   * Evaluations scoring on the model before ADR 0034 finish on it: one "Aggregate scores" step for the whole RFI
   * (the delegate kept for it), and every "Hold consensus review" task in the RFI's own instance, no consensus
   * batch; the consensus is recorded and the report approved as before.
   */
  @Test
  void anEvaluationHoldingConsensusInItsOwnInstanceFinishesSo() throws IOException {
    deployPrevious("rfi-evaluation before ADR 0034", CONSENSUS_MODEL_BEFORE_0034, "bpmn/rfi-scoring-batch.bpmn",
        "bpmn/rfi-response-scoring.bpmn");
    ProcessInstance instance = scenario.withPanel(scenario.approved(scenario.draftOn(previousDefinitionId)),
        REVIEWERS.subList(0, 3), null, "Acme", "Globex");
    scenario.attestAll(instance, Map.of());
    scoreToConsensus(instance, scenario.tasks(instance, TASK_SCORE_RESPONSE));

    assertThat(instance).isWaitingAt(TASK_HOLD_CONSENSUS);
    List<Task> consensus = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_HOLD_CONSENSUS).list();
    assertThat(consensus).hasSize(2).allSatisfy(t -> {
      assertThat(t.getProcessDefinitionId()).isEqualTo(previousDefinitionId);
      assertThat(t.getAssignee()).isEqualTo(RfiScenario.CHAIR);
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .processDefinitionKey(RfiProcess.CONSENSUS_BATCH_KEY).count()).isZero();
    assertThat(results.results(instance.getBusinessKey())).hasSize(6);
    assertThat(records.history(instance.getBusinessKey())).extracting(e -> e.action).containsOnlyOnce("SCORES_AGGREGATED");

    // The chair's filter lists them; the consensus is recorded from them and the report follows, on this version.
    String filter = filterService.createFilterQuery().filterName("RFI panel").singleResult().getId();
    assertThat(scenario.as(RfiScenario.CHAIR, () -> filterService.<Task>list(filter))).extracting(Task::getId)
        .containsAll(consensus.stream().map(Task::getId).toList());
    for (Task task : consensus) {
      scenario.as(RfiScenario.CHAIR, () -> {
        taskService.complete(task.getId(), Map.of("consensusRating1", 4, "consensusRating2", 3,
            "consensusRating3", 5));
        return null;
      });
    }
    scenario.runJobs(instance);
    assertThat(instance).isWaitingAt(RfiProcess.Elements.TASK_APPROVE_REPORT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(previousDefinitionId);
    assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.REPORT_REVIEW);
  }

  /**
   * What makes "finish on their version" hold after an upgrade: the application deploys all its models and forms
   * together whenever one changes (not only the changed ones), so an RFI's deployment holds the scoring model
   * and the forms released with it.
   */
  @Test
  void theModelsAndFormsAreDeployedTogether() {
    assertThat(((org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration)
        engine.getProcessEngineConfiguration()).isDeployChangedOnly()).as("deploy changed only").isFalse();
    String rfiDeployment = repositoryService.createProcessDefinitionQuery().processDefinitionKey(RfiProcess.KEY)
        .latestVersion().singleResult().getDeploymentId();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(RfiProcess.SCORING_KEY)
        .latestVersion().singleResult().getDeploymentId()).isEqualTo(rfiDeployment);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(RfiProcess.SCORING_BATCH_KEY)
        .latestVersion().singleResult().getDeploymentId()).isEqualTo(rfiDeployment);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(RfiProcess.CONSENSUS_BATCH_KEY)
        .latestVersion().singleResult().getDeploymentId()).isEqualTo(rfiDeployment);
    assertThat(repositoryService.getDeploymentResourceNames(rfiDeployment).stream()
        .map(name -> Path.of(name).getFileName().toString()))
        .contains("score-rfi-response.form", "rfi-evaluation.bpmn", "rfi-scoring-batch.bpmn", "rfi-response-scoring.bpmn",
            "rfi-consensus-batch.bpmn", "hold-consensus-review.form");
  }
}
