package gov.qsmo.workflow.rfi;

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

/** The RFI evaluation's authorizations and Tasklist filters, applied by the identity set-up. */
@Component
@Order(2)
class RfiProcessAccess implements ProcessAccess {

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    // QSMO directors and contracting officers issue RFIs; everyone with RFI tasks reads the model.
    String rfi = RfiProcess.KEY;
    for (String role : new String[] {Roles.QSMO_DIRECTORS, Roles.CONTRACTING_OFFICERS}) {
      identity.grant(role, Resources.PROCESS_DEFINITION, rfi, Permissions.READ, Permissions.CREATE_INSTANCE);
      identity.grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    for (String role : new String[] {Roles.RFI_PANEL_CHAIRS, Roles.RFI_REVIEWERS}) {
      identity.grant(role, Resources.PROCESS_DEFINITION, rfi, Permissions.READ);
      identity.grant(role, Resources.PROCESS_DEFINITION, RfiProcess.SCORING_BATCH_KEY, Permissions.READ);
      identity.grant(role, Resources.PROCESS_DEFINITION, RfiProcess.CONSENSUS_BATCH_KEY, Permissions.READ);
      identity.grant(role, Resources.PROCESS_DEFINITION, RfiProcess.SCORING_KEY, Permissions.READ);
    }
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of(
        new TasklistFilter("RFI evaluation plans and reports", "RFI evaluation plans and reports my agency approves", -18,
            "#4c2c92",
            taskService.createTaskQuery()
                .processDefinitionKey(RfiProcess.KEY)
                .taskDefinitionKeyIn(RfiProcess.Elements.TASK_APPROVE_PLAN, RfiProcess.Elements.TASK_REVISE_PLAN,
                    RfiProcess.Elements.TASK_APPROVE_REPORT)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(),
            List.of(Roles.QSMO_DIRECTORS, Roles.CONTRACTING_OFFICERS)),
        new TasklistFilter("RFI screening", "Responses to screen after an RFI closed", -20, "#981b1e",
            taskService.createTaskQuery()
                .processDefinitionKey(RfiProcess.KEY)
                .taskDefinitionKey(RfiProcess.Elements.TASK_CONFIRM_SCREENING)
                .taskCandidateGroup(Roles.CONTRACTING_OFFICERS)
                .includeAssignedTasks(),
            List.of(Roles.CONTRACTING_OFFICERS)),
        new TasklistFilter("RFI panel", "Panel, reviewers, missing scores and consensus of the RFIs I chair", -20, "#205493",
            // Consensus tasks are in the RFI's consensus batches (ADR 0034), the chair's other tasks in its instance.
            taskService.createTaskQuery()
                .processDefinitionKeyIn(RfiProcess.KEY, RfiProcess.CONSENSUS_BATCH_KEY)
                .taskDefinitionKeyIn(RfiProcess.Elements.TASK_FORM_PANEL, RfiProcess.Elements.TASK_REASSIGN_REVIEWERS,
                    RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES, RfiProcess.Elements.TASK_HOLD_CONSENSUS,
                    RfiProcess.Elements.TASK_SIGN_ATTESTATION)
                .taskAssigneeExpression("${currentUser()}"),
            List.of(Roles.RFI_PANEL_CHAIRS)),
        new TasklistFilter("RFI responses to score", "My attestations and the responses assigned to me", -20, "#2e8540",
            // Attestations are in the RFI's instance, scoring tasks in each response's scoring instance.
            taskService.createTaskQuery()
                .processDefinitionKeyIn(RfiProcess.KEY, RfiProcess.SCORING_KEY)
                .taskDefinitionKeyIn(RfiProcess.Elements.TASK_SIGN_ATTESTATION, RfiProcess.Elements.TASK_SCORE_RESPONSE)
                .taskAssigneeExpression("${currentUser()}"),
            List.of(Roles.RFI_REVIEWERS)));
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of(new FilterColumn(RfiProcess.Variables.RFI_ID, "RFI"),
        new FilterColumn(RfiProcess.Variables.AGENCY_CODE, "Agency"));
  }
}
