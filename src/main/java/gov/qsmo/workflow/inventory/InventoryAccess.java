package gov.qsmo.workflow.inventory;

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
 * Who works on a data call: each agency's points of contact submit (candidates of their agency's task, by group); the
 * QSMO's directors, OMB and auditors read the models' history. An agency that has not answered by the due date is
 * told, and so are the QSMO's directors (the deadline watch, through these escalation paths).
 */
@Component
@Order(7)
class InventoryAccess implements ProcessAccess, EscalationPaths {

  private final DataCallRepository calls;
  private final gov.qsmo.workflow.designation.DesignationService designations;

  InventoryAccess(DataCallRepository calls, gov.qsmo.workflow.designation.DesignationService designations) {
    this.calls = calls;
    this.designations = designations;
  }

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    identity.grant(Roles.INVENTORY_CONTACTS, Resources.PROCESS_DEFINITION, InventoryProcess.RESPONSE_KEY,
        Permissions.READ);
    for (String role : new String[] {Roles.QSMO_DIRECTORS, Roles.OMB_DECIDERS, Roles.AUDITORS}) {
      for (String key : new String[] {InventoryProcess.DATA_CALL_KEY, InventoryProcess.RESPONSE_KEY}) {
        identity.grant(role, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.READ_HISTORY);
      }
    }
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of(new TasklistFilter("Systems inventories to submit", "Data calls my agency owes an answer to", -16,
        "#2e8540",
        taskService.createTaskQuery()
            .processDefinitionKey(InventoryProcess.RESPONSE_KEY)
            .taskDefinitionKey(InventoryProcess.Elements.TASK_SUBMIT_INVENTORY)
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks(),
        List.of(Roles.INVENTORY_CONTACTS)));
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of();
  }

  @Override
  public Optional<Resolvers> resolversOf(OverdueTask task) {
    if (!InventoryProcess.RESPONSE_KEY.equals(task.processDefinitionKey())) {
      return Optional.empty();
    }
    return Optional.of(calls.findById(task.recordId() == null ? "" : task.recordId())
        .flatMap(call -> designations.find(call.getDesignationId()))
        .map(qsmo -> Resolvers.group(Roles.directorsOf(qsmo.getAgencyCode())))
        .orElse(Resolvers.none()));
  }
}
