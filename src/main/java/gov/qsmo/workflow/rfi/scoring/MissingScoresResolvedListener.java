package gov.qsmo.workflow.rfi.scoring;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.MISSING_SCORES_ACTION;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.MISSING_SCORES_REASON;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.NEW_SCORING_DUE_DATE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REASSIGNMENTS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCORES_REASSIGNED;

import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiChoices;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiVariables;
import gov.qsmo.workflow.shared.Inputs;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Resolve missing scores": reassign the missing scores with a new deadline, or proceed without them. */
@Component("missingScoresResolvedListener")
class MissingScoresResolvedListener extends FormCompletionListener<Rfi> {

  private final RfiScoringService scoring;

  MissingScoresResolvedListener(RfiService records, RfiScoringService scoring, IdentityService identityService) {
    super(records::ofInstance, identityService);
    this.scoring = scoring;
  }

  @Override
  protected void completed(Rfi rfi, CompletedTask task) {
    Map<String, Object> values = task.localValues();
    RfiChoices.MissingScoresAction action = Inputs.requiredChoice(values, MISSING_SCORES_ACTION, "Action",
        RfiChoices.MissingScoresAction.class);
    boolean reassign = action == RfiChoices.MissingScoresAction.REASSIGN;
    String reason = Inputs.optionalText(values, MISSING_SCORES_REASON, "Reason", Inputs.MAX_TEXT);
    Instant due = scoring.resolveMissing(rfi.id, reassign,
        Inputs.optionalText(values, REASSIGNMENTS, "Reassignments", Inputs.MAX_TEXT),
        reassign ? Inputs.requiredDate(values, NEW_SCORING_DUE_DATE, "New scoring deadline") : null, reason,
        task.caller());
    if (due != null) {
      RfiVariables.scoringWindow(task.execution(), due, scoring.reminderAt(due));
    }
    task.setOnInstance(SCORES_REASSIGNED, reassign);
  }
}
