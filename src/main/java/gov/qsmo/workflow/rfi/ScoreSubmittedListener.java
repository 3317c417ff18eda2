package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ASSIGNMENT_ID;

import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.web.Inputs;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of one "Score RFI response" task: the reviewer's rating, strengths, weaknesses and rationale
 * per criterion, stored as a locked score sheet. The form's values are local to this task's
 * execution (input mappings), so parallel reviewers never write the same process variable.
 */
@Component("scoreSubmittedListener")
class ScoreSubmittedListener implements ExecutionListener {

  private final RfiForm form;
  private final RfiScoring scoring;
  private final TaskSubjects subjects;
  private final IdentityService identityService;

  ScoreSubmittedListener(RfiForm form, RfiScoring scoring, TaskSubjects subjects, IdentityService identityService) {
    this.form = form;
    this.scoring = scoring;
    this.subjects = subjects;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      subjects.release(execution.getId());
      return;
    }
    FormValidation.check(() -> {
      form.rfi(execution, RfiProcess.Forms.SCORE_RESPONSE);
      String assignmentId = (String) execution.getVariableLocal(ASSIGNMENT_ID);
      subjects.requireAndRelease(execution.getId(), ASSIGNMENT_ID, "assignment:" + assignmentId);
      scoring.record(assignmentId, scores(execution.getVariablesLocal()), Caller.current(identityService));
    });
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
