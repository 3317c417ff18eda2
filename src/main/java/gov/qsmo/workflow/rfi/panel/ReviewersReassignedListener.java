package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ADDITIONAL_REVIEWERS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REASSIGN_ACTION;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REASSIGN_REASON;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS_ADDED;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Reassign reviewers": the chair adds reviewers (who attest first) or proceeds with fewer. */
@Component("reviewersReassignedListener")
class ReviewersReassignedListener implements ExecutionListener {

  private final RfiPanelService panel;
  private final RfiService records;
  private final RfiScoringService scoring;
  private final IdentityService identityService;

  ReviewersReassignedListener(RfiPanelService panel, RfiService records, RfiScoringService scoring,
      IdentityService identityService) {
    this.panel = panel;
    this.records = records;
    this.scoring = scoring;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Rfi rfi = records.ofInstance(execution);
      Map<String, Object> values = execution.getVariablesLocal();
      RfiChoices.ReassignAction action = Inputs.requiredChoice(values, REASSIGN_ACTION, "Action",
          RfiChoices.ReassignAction.class);
      Caller caller = Caller.current(identityService);
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
        AssignReviewersDelegate.openScoring(execution, records, scoring);
      }
      execution.getProcessInstance().setVariable(REVIEWERS_ADDED, action == RfiChoices.ReassignAction.ADD_REVIEWERS);
    });
  }
}
