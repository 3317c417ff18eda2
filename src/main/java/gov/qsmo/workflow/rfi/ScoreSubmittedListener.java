package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ASSIGNMENT_ID;

import gov.qsmo.workflow.web.Inputs;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * End of one "Score RFI response" task: the reviewer's rating, strengths, weaknesses and rationale
 * per criterion, stored as a locked score sheet. The form's values are local to this task's
 * execution (input mappings), so parallel reviewers never write the same process variable.
 */
@Component("scoreSubmittedListener")
class ScoreSubmittedListener extends SubjectTaskListener {

  static final String KIND = "assignment";

  private final RfiScoring scoring;
  private final ResponseScoringForm scoringForm;
  private final IdentityService identityService;

  ScoreSubmittedListener(RfiForm form, ResponseScoringForm scoringForm, RfiScoring scoring, TaskSubjects subjects,
      IdentityService identityService) {
    super(form, subjects, ASSIGNMENT_ID, KIND, RfiProcess.Forms.SCORE_RESPONSE);
    this.scoring = scoring;
    this.scoringForm = scoringForm;
    this.identityService = identityService;
  }

  /**
   * The task is in the response's own scoring instance (ADR 0014), or, in evaluations started on the
   * earlier model, in the RFI's instance.
   */
  @Override
  Rfi rfi(DelegateExecution execution) {
    return ResponseScoringForm.isScoringInstance(execution)
        ? scoringForm.rfi(execution, RfiProcess.Forms.SCORE_RESPONSE)
        : super.rfi(execution);
  }

  @Override
  void completed(Rfi rfi, String assignmentId, Map<String, Object> values) {
    scoring.record(rfi, assignmentId, scores(values), Caller.current(identityService));
  }

  /** The score slots of a form (rating1, strengths1, ...), by criterion position. */
  static Map<Integer, RfiScoring.ScoreInput> scores(Map<String, Object> values) {
    Map<Integer, RfiScoring.ScoreInput> scores = new TreeMap<>();
    for (int slot = 1; slot <= RfiProcess.MAX_CRITERIA; slot++) {
      scores.put(slot, new RfiScoring.ScoreInput(
          Inputs.optionalWholeNumber(values, RfiProcess.Variables.rating(slot), "Rating " + slot, -100, 100),
          Inputs.optionalText(values, RfiProcess.Variables.strengths(slot), "Strengths", Inputs.MAX_TEXT),
          Inputs.optionalText(values, RfiProcess.Variables.weaknesses(slot), "Weaknesses", Inputs.MAX_TEXT),
          Inputs.optionalText(values, RfiProcess.Variables.rationale(slot), "Rationale", Inputs.MAX_TEXT)));
    }
    return scores;
  }
}
