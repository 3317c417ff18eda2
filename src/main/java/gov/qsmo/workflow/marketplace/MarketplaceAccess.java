package gov.qsmo.workflow.marketplace;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.ProcessAccess;
import gov.qsmo.workflow.identity.Roles;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * QSMO directors start "Change a marketplace offering" (which QSMO's offerings they may change is the service's
 * rule) and decide the candidates a completed RFI brings (candidates of that task by their agency's group); OMB and
 * auditors read the candidates process's history.
 */
@Component
@Order(5)
class MarketplaceAccess implements ProcessAccess {

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    identity.grant(Roles.QSMO_DIRECTORS, Resources.PROCESS_DEFINITION, OfferingChangeProcess.KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
    identity.grant(Roles.QSMO_DIRECTORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    identity.grant(Roles.QSMO_DIRECTORS, Resources.PROCESS_DEFINITION, CandidatesProcess.KEY, Permissions.READ);
    for (String role : new String[] {Roles.OMB_DECIDERS, Roles.AUDITORS}) {
      identity.grant(role, Resources.PROCESS_DEFINITION, CandidatesProcess.KEY, Permissions.READ,
          Permissions.READ_HISTORY);
    }
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of(new TasklistFilter("Marketplace candidates to decide", "Completed RFIs of my QSMO: which ranked "
        + "responses become candidate offerings", -17, "#4c2c92",
        taskService.createTaskQuery()
            .processDefinitionKey(CandidatesProcess.KEY)
            .taskDefinitionKey(CandidatesProcess.Elements.TASK_DECIDE_CANDIDATES)
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(),
        List.of(Roles.QSMO_DIRECTORS)));
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of();
  }
}
