package gov.qsmo.workflow.rfi.scoring;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ASSIGNMENT_ID;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.SubjectTaskListener;
import gov.qsmo.workflow.rfi.TaskSubjects;
import gov.qsmo.workflow.shared.Inputs;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of one "Score RFI response" task: the reviewer's rating, strengths, weaknesses and rationale
 * per criterion, stored as a locked score sheet. The form's values are transient (ADR 0033,
 * {@link ResponseScoringLock}): they live for the completion's transaction only, the engine keeps no variable
 * of them, and no other reviewer can read them from the engine. Scoring instances of models before
 * ADR 0033 keep them in variables local to the task's execution (input mappings); both are read by name.
 */
@Component("scoreSubmittedListener")
public class ScoreSubmittedListener extends SubjectTaskListener {

  public static final String KIND = "assignment";

  private final RfiScoringService scoring;
  private final IdentityService identityService;

  ScoreSubmittedListener(RfiService records, RfiScoringService scoring, TaskSubjects subjects, IdentityService identityService) {
    super(records, subjects, ASSIGNMENT_ID, KIND);
    this.scoring = scoring;
    this.identityService = identityService;
  }

  @Override
  protected Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    for (String field : RfiProcess.Forms.SCORE_RESPONSE) {
      Object value = execution.getVariable(field);
      if (value != null) {
        values.put(field, value);
      }
    }
    return values;
  }

  @Override
  protected void completed(Rfi rfi, String assignmentId, Map<String, Object> values) {
    scoring.record(rfi, assignmentId, scores(rfi, values), Caller.current(identityService));
  }

  /** The score slots of a form (rating1, strengths1, ...), by criterion position. */
  static Map<Integer, RfiScoringService.ScoreInput> scores(Rfi rfi, Map<String, Object> values) {
    Map<Integer, RfiScoringService.ScoreInput> scores = new TreeMap<>();
    for (int slot = 1; slot <= RfiProcess.MAX_CRITERIA; slot++) {
      // Parsed here (a whole number), checked against the RFI's scale by the service.
      scores.put(slot, new RfiScoringService.ScoreInput(
          Inputs.optionalWholeNumber(values, RfiProcess.Variables.rating(slot), rfi.ratingLabel(slot, "rating"),
              -100, 100, rfi.onTheScale()),
          Inputs.optionalText(values, RfiProcess.Variables.strengths(slot), "Strengths", Inputs.MAX_TEXT),
          Inputs.optionalText(values, RfiProcess.Variables.weaknesses(slot), "Weaknesses", Inputs.MAX_TEXT),
          Inputs.optionalText(values, RfiProcess.Variables.rationale(slot), "Rationale", Inputs.MAX_TEXT)));
    }
    return scores;
  }
}
