package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ADDITIONAL_REVIEWERS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REASSIGN_ACTION;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REASSIGN_REASON;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS_ADDED;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Reassign reviewers": the chair adds reviewers (who attest first) or proceeds with fewer. */
@Component("reviewersReassignedListener")
class ReviewersReassignedListener extends FormCompletionListener<Rfi> {

  private final RfiPanelService panel;
  private final RfiService records;
  private final RfiScoringService scoring;

  ReviewersReassignedListener(RfiPanelService panel, RfiService records, RfiScoringService scoring,
      IdentityService identityService) {
    super(records::ofInstance, identityService);
    this.panel = panel;
    this.records = records;
    this.scoring = scoring;
  }

  @Override
  protected void completed(Rfi rfi, CompletedTask task) {
    Map<String, Object> values = task.localValues();
    RfiChoices.ReassignAction action = Inputs.requiredChoice(values, REASSIGN_ACTION, "Action",
        RfiChoices.ReassignAction.class);
    Caller caller = task.caller();
    if (action == RfiChoices.ReassignAction.ADD_REVIEWERS) {
      panel.add(rfi.id, RfiPanelService.userIds(Inputs.optionalText(values, ADDITIONAL_REVIEWERS, "Reviewers to add",
          Inputs.MAX_TEXT)), ADDITIONAL_REVIEWERS, caller);
    } else {
      String reason = Inputs.optionalText(values, REASSIGN_REASON, "Reason", Inputs.MAX_TEXT);
      if (reason == null) {
        throw new InvalidRequestException(REASSIGN_REASON, "Say why the panel proceeds with fewer reviewers "
            + "for some responses.");
      }
      records.record(rfi.id, caller.userId(), "PROCEEDED_SHORT_OF_REVIEWERS", reason);
      AssignReviewersDelegate.openScoring(task.execution(), records, scoring);
    }
    task.setOnInstance(REVIEWERS_ADDED, action == RfiChoices.ReassignAction.ADD_REVIEWERS);
  }
}
