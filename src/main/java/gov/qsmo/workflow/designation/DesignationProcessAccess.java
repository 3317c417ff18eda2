package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.ProcessAccess;
import gov.qsmo.workflow.identity.Roles;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/** The designation process's authorizations and Tasklist filters, applied by the identity set-up. */
@Component
@Order(1)
class DesignationProcessAccess implements ProcessAccess {

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    String designation = DesignationProcess.KEY;
    // OMB analysts identify candidates: they start designations.
    identity.grant(Roles.OMB_ANALYSTS, Resources.PROCESS_DEFINITION, designation,
        Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
    identity.grant(Roles.OMB_ANALYSTS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // Everyone who works on designation tasks reads the model (diagram in Tasklist); task access
    // itself comes from being a candidate of the task.
    identity.grant(Roles.OMB_DECIDERS, Resources.PROCESS_DEFINITION, designation, Permissions.READ,
        Permissions.READ_HISTORY);
    for (String role : new String[] {Roles.SSGB_MEMBERS, Roles.SSGB_CHAIRS, Roles.QSMO_DIRECTORS}) {
      identity.grant(role, Resources.PROCESS_DEFINITION, designation, Permissions.READ);
    }
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of(
        new TasklistFilter("OMB decisions", "Designations waiting for OMB: pre-designations, overdue plans, designation decisions", -20,
            "#981b1e",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKeyIn(DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE,
                    DesignationProcess.Elements.TASK_RESOLVE_OVERDUE_PLAN,
                    DesignationProcess.Elements.TASK_DECIDE_DESIGNATION)
                .taskCandidateGroup(Roles.OMB_DECIDERS)
                .includeAssignedTasks(),
            List.of(Roles.OMB_DECIDERS)),
        new TasklistFilter("Marketplace plans to prepare", "Marketplace Implementation Plans my agency owes", -20, "#4c2c92",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKey(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(),
            List.of(Roles.QSMO_DIRECTORS)),
        new TasklistFilter("Plans to review", "Marketplace Implementation Plans waiting for my vote", -20, "#205493",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKey(DesignationProcess.Elements.TASK_REVIEW_PLAN)
                .taskAssigneeExpression("${currentUser()}"),
            List.of(Roles.SSGB_MEMBERS, Roles.SSGB_CHAIRS)),
        new TasklistFilter("Board chair decisions", "Recommendations to consolidate, and reviews without a quorum", -15,
            "#4a77b4",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKeyIn(DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION,
                    DesignationProcess.Elements.TASK_EXTEND_OR_ESCALATE_REVIEW)
                .taskCandidateGroup(Roles.SSGB_CHAIRS)
                .includeAssignedTasks(),
            List.of(Roles.SSGB_CHAIRS)));
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of(new FilterColumn(DesignationProcess.Variables.DESIGNATION_ID, "Designation"),
        new FilterColumn(DesignationProcess.Variables.FUNCTIONAL_AREA_CODE, "Area"),
        new FilterColumn(DesignationProcess.Variables.AGENCY_CODE, "Agency"));
  }

  @Override
  public List<String> retiredFilters() {
    return List.of("Pre-designation decisions");
  }
}
