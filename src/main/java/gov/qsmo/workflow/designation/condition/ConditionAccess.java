package gov.qsmo.workflow.designation.condition;

import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.ProcessAccess;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.EscalationPaths;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who works on a condition's process: the agency's QSMO directors report (candidates of their task, by group), OMB's
 * deciders decide; both read the model, auditors read its history. Nobody starts it from Tasklist: the application
 * does, when OMB designates. An overdue progress report is also told to OMB's deciders, who resolve it.
 */
@Component
@Order(3)
class ConditionAccess implements ProcessAccess, EscalationPaths {

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    identity.grant(Roles.QSMO_DIRECTORS, Resources.PROCESS_DEFINITION, ConditionProcess.KEY, Permissions.READ);
    identity.grant(Roles.OMB_DECIDERS, Resources.PROCESS_DEFINITION, ConditionProcess.KEY, Permissions.READ,
        Permissions.READ_HISTORY);
    identity.grant(Roles.AUDITORS, Resources.PROCESS_DEFINITION, ConditionProcess.KEY, Permissions.READ,
        Permissions.READ_HISTORY);
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of(
        new TasklistFilter("Conditions to report on", "Conditions of my QSMO's designation that wait for my progress "
            + "report", -18, "#2e8540",
            taskService.createTaskQuery()
                .processDefinitionKey(ConditionProcess.KEY)
                .taskDefinitionKey(ConditionProcess.Elements.TASK_REPORT_PROGRESS)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(),
            List.of(Roles.QSMO_DIRECTORS)),
        new TasklistFilter("Conditions to decide", "Designation conditions reported or overdue: met or not met", -18,
            "#2e8540",
            taskService.createTaskQuery()
                .processDefinitionKey(ConditionProcess.KEY)
                .taskDefinitionKeyIn(ConditionProcess.Elements.TASK_DECIDE_CONDITION,
                    ConditionProcess.Elements.TASK_RESOLVE_OVERDUE_CONDITION)
                .taskCandidateGroup(Roles.OMB_DECIDERS)
                .includeAssignedTasks(),
            List.of(Roles.OMB_DECIDERS)));
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of();
  }

  @Override
  public Optional<Resolvers> resolversOf(OverdueTask task) {
    if (!ConditionProcess.KEY.equals(task.processDefinitionKey())) {
      return Optional.empty();
    }
    return Optional.of(ConditionProcess.Elements.TASK_REPORT_PROGRESS.equals(task.taskDefinitionKey())
        ? Resolvers.group(Roles.OMB_DECIDERS) : Resolvers.none());
  }
}
