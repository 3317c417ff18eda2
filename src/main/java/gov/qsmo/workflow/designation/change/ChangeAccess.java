package gov.qsmo.workflow.designation.change;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.ProcessAccess;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.reference.ReferenceKind;
import gov.qsmo.workflow.reference.ReferenceUsage;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who changes designations: OMB's deciders start "Change a designation" (its successor select offers the active
 * agencies, kept current like the designation start form's) and close transitions; the successor's directors
 * report its milestones; auditors read both processes' history.
 */
@Component
@Order(4)
class ChangeAccess implements ProcessAccess, ReferenceUsage {

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    identity.grant(Roles.OMB_DECIDERS, Resources.PROCESS_DEFINITION, DesignationChangeProcess.KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
    identity.grant(Roles.OMB_DECIDERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    identity.grant(Roles.OMB_DECIDERS, Resources.PROCESS_DEFINITION, TransitionProcess.KEY, Permissions.READ,
        Permissions.READ_HISTORY);
    identity.grant(Roles.QSMO_DIRECTORS, Resources.PROCESS_DEFINITION, TransitionProcess.KEY, Permissions.READ);
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of(
        new TasklistFilter("Redesignation transitions", "Milestones of a QSMO moving to my agency", -18, "#5b616b",
            taskService.createTaskQuery()
                .processDefinitionKey(TransitionProcess.KEY)
                .taskDefinitionKey(TransitionProcess.Elements.TASK_REPORT_MILESTONES)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(),
            List.of(Roles.QSMO_DIRECTORS)),
        new TasklistFilter("Transitions to close", "Redesignations whose milestones are all reached", -18, "#5b616b",
            taskService.createTaskQuery()
                .processDefinitionKey(TransitionProcess.KEY)
                .taskDefinitionKey(TransitionProcess.Elements.TASK_CLOSE_TRANSITION)
                .taskCandidateGroup(Roles.OMB_DECIDERS)
                .includeAssignedTasks(),
            List.of(Roles.OMB_DECIDERS)));
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of();
  }

  // The change form names agencies but no live record of its own: the designations it changes are the records.
  @Override
  public List<String> liveRecordsNaming(ReferenceKind kind, String code, int limit) {
    return List.of();
  }

  @Override
  public long countLiveRecordsNaming(ReferenceKind kind, String code) {
    return 0;
  }

  @Override
  public List<ReferenceSelect> selects() {
    return List.of(new ReferenceSelect(DesignationChangeProcess.KEY, DesignationChangeProcess.FORM,
        DesignationChangeProcess.Variables.SUCCESSOR_AGENCY_CODE, ReferenceKind.AGENCY));
  }
}
