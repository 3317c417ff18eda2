package gov.qsmo.workflow.designation;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Remind director": the plan's reminder date has come. The open plan task moves up in the
 * directors' Tasklist (higher priority, follow-up date today) and the reminder enters the audit trail.
 */
@Component("remindDirectorDelegate")
class RemindDirectorDelegate implements JavaDelegate {

  static final int REMINDED_PRIORITY = 80;

  private final DesignationService designations;
  private final TaskService taskService;
  private final Clock clock;

  RemindDirectorDelegate(DesignationService designations, TaskService taskService, Clock clock) {
    this.designations = designations;
    this.taskService = taskService;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    designations.recordReminder(execution.getProcessBusinessKey());
    Task plan = taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN)
        .singleResult();
    if (plan != null) {
      plan.setPriority(REMINDED_PRIORITY);
      plan.setFollowUpDate(Date.from(clock.instant()));
      taskService.saveTask(plan);
    }
  }
}
