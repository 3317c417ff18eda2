package gov.qsmo.workflow.rfi.scoring;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.MISSING_SCORES_ACTION;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.MISSING_SCORES_REASON;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.NEW_SCORING_DUE_DATE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REASSIGNMENTS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCORES_REASSIGNED;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiVariables;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Resolve missing scores": reassign the missing scores with a new deadline, or proceed without them. */
@Component("missingScoresResolvedListener")
class MissingScoresResolvedListener implements ExecutionListener {

  private final RfiService records;
  private final RfiScoringService scoring;
  private final IdentityService identityService;

  MissingScoresResolvedListener(RfiService records, RfiScoringService scoring, IdentityService identityService) {
    this.records = records;
    this.scoring = scoring;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Rfi rfi = records.ofInstance(execution);
      Map<String, Object> values = execution.getVariablesLocal();
      RfiChoices.MissingScoresAction action = Inputs.requiredChoice(values, MISSING_SCORES_ACTION, "Action",
          RfiChoices.MissingScoresAction.class);
      boolean reassign = action == RfiChoices.MissingScoresAction.REASSIGN;
      String reason = Inputs.optionalText(values, MISSING_SCORES_REASON, "Reason", Inputs.MAX_TEXT);
      if (!reassign && reason == null) {
        throw new InvalidRequestException(MISSING_SCORES_REASON, "Say why the evaluation proceeds without "
            + "the missing scores.");
      }
      Instant due = scoring.resolveMissing(rfi.id, reassign,
          Inputs.optionalText(values, REASSIGNMENTS, "Reassignments", Inputs.MAX_TEXT),
          reassign ? Inputs.requiredDate(values, NEW_SCORING_DUE_DATE, "New scoring deadline") : null, reason,
          Caller.current(identityService));
      if (due != null) {
        RfiVariables.scoringWindow(execution, due, scoring.reminderAt(due));
      }
      execution.getProcessInstance().setVariable(SCORES_REASSIGNED, reassign);
    });
  }
}
