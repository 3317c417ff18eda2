package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.process.TaskCompletion;
import gov.qsmo.workflow.shared.ConflictException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A QSMO director submits a plan version through the API. It completes the open "Prepare Marketplace
 * Implementation Plan" task as that director, as Tasklist would: the same end listener checks the
 * sections and stores the version, the completeness decision runs, and the audit trail records it.
 */
@Service
class PlanSubmissionService {

  /** The stored version and what became of it: complete (to the board) or back to the director. */
  record Result(PlanVersion plan, List<PlanSection> missing, Designation designation) {

    boolean complete() {
      return missing.isEmpty();
    }
  }

  private final DesignationService designations;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final TaskCompletion completion;

  PlanSubmissionService(DesignationService designations, TaskService taskService, RuntimeService runtimeService,
      HistoryService historyService, IdentityService identityService, TaskCompletion completion) {
    this.completion = completion;
    this.designations = designations;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /**
   * Completes the plan task with exactly these sections (the previous version's text, filled into the
   * form, is not carried over), as {@code userId} with {@code groups}: Camunda's authorizations apply.
   * The caller has been checked to direct the designation's agency.
   */
  @Transactional
  Result submit(String designationId, Map<PlanSection, String> sections, String userId, List<String> groups) {
    Designation designation = designations.require(designationId);
    Task task = openPlanTask(designation);
    Map<String, Object> variables = new HashMap<>();
    for (PlanSection section : PlanSection.values()) {
      variables.put(section.key(), sections.get(section));
    }
    completion.completeAs(task, userId, groups, variables, "The plan of designation " + designationId, field ->
        Arrays.stream(PlanSection.values()).anyMatch(s -> s.key().equals(field)) ? "sections." + field : field);
    PlanVersion plan = designations.latestPlan(designationId).orElseThrow();
    String missing = Privileged.run(identityService, () -> (String) runtimeService.getVariable(
        designation.getProcessInstanceId(), DesignationProcess.Variables.MISSING_SECTIONS));
    return new Result(plan, PlanSection.fromKeys(missing), designations.require(designationId));
  }

  /** The designation's open plan task, or 409 saying where the designation stands instead. */
  private Task openPlanTask(Designation designation) {
    String instance = designation.getProcessInstanceId();
    Task task = completion.openTask(instance, DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN);
    if (task != null) {
      return task;
    }
    List<String> waitingAt = instance == null ? List.of() : Privileged.run(identityService, () -> historyService
        .createHistoricActivityInstanceQuery().processInstanceId(instance).unfinished().activityType("userTask")
        .list()).stream().map(HistoricActivityInstance::getActivityName).distinct().toList();
    throw new ConflictException("Designation " + designation.getId() + " is " + designation.getStatus()
        + (waitingAt.isEmpty() ? "" : " and waits at " + String.join(", ", waitingAt))
        + "; a plan version can be submitted only while it waits at Prepare Marketplace Implementation Plan.");
  }
}
