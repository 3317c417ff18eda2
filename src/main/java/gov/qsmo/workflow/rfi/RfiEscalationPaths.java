package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.EscalationPaths;
import gov.qsmo.workflow.rfi.RfiProcess.Elements;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who unblocks an overdue task of an RFI's evaluation: a panel member's attestation or scoring, the panel
 * chair (who replaces the member or moves the assignments); screening and the chair's own steps (forming the
 * panel, reassignment, missing scores, consensus), the issuing agency's QSMO directors. The directors' own
 * approvals have nobody above them in the application: only their owners are told.
 */
@Component
class RfiEscalationPaths implements EscalationPaths {

  private final RfiRepository rfis;

  RfiEscalationPaths(RfiRepository rfis) {
    this.rfis = rfis;
  }

  @Override
  public Optional<Resolvers> resolversOf(OverdueTask task) {
    if (!RfiProcess.KEY.equals(task.processDefinitionKey()) && !RfiProcess.SCORING_KEY.equals(task.processDefinitionKey())
        && !RfiProcess.CONSENSUS_BATCH_KEY.equals(task.processDefinitionKey())) {
      return Optional.empty();
    }
    Rfi rfi = task.recordId() == null ? null : rfis.findById(task.recordId()).orElse(null);
    if (rfi == null) {
      return Optional.of(Resolvers.none());
    }
    return Optional.of(switch (task.taskDefinitionKey()) {
      case Elements.TASK_SIGN_ATTESTATION, Elements.TASK_SCORE_RESPONSE -> Resolvers.user(rfi.panelChairId);
      case Elements.TASK_CONFIRM_SCREENING, Elements.TASK_FORM_PANEL, Elements.TASK_REASSIGN_REVIEWERS,
          Elements.TASK_RESOLVE_MISSING_SCORES, Elements.TASK_HOLD_CONSENSUS ->
          Resolvers.group(Roles.directorsOf(rfi.agencyCode));
      default -> Resolvers.none();
    });
  }
}
