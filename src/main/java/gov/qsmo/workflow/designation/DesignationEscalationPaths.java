package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.designation.DesignationProcess.Elements;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.EscalationPaths;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who unblocks an overdue designation task: a board member's review, the board chair (who extends the round
 * or escalates it); the director's plan and the chair's steps, OMB's deciders (who resolve an overdue plan and
 * decide without the board). OMB's own decisions have nobody above them in the application: only their
 * owners are told.
 */
@Component
class DesignationEscalationPaths implements EscalationPaths {

  @Override
  public Optional<Resolvers> resolversOf(OverdueTask task) {
    if (!DesignationProcess.KEY.equals(task.processDefinitionKey())) {
      return Optional.empty();
    }
    return Optional.of(switch (task.taskDefinitionKey()) {
      case Elements.TASK_REVIEW_PLAN -> Resolvers.group(Roles.SSGB_CHAIRS);
      case Elements.TASK_PREPARE_MARKETPLACE_PLAN, Elements.TASK_CONSOLIDATE_RECOMMENDATION,
          Elements.TASK_EXTEND_OR_ESCALATE_REVIEW -> Resolvers.group(Roles.OMB_DECIDERS);
      default -> Resolvers.none();
    });
  }
}
