package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.DISSENT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.RESPONSE_ID;

import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.web.Inputs;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of one "Hold consensus review" task: the chair's consensus rating and rationale per criterion. */
@Component("consensusRecordedListener")
class ConsensusRecordedListener implements ExecutionListener {

  private final RfiForm form;
  private final RfiResults results;
  private final TaskSubjects subjects;
  private final IdentityService identityService;

  ConsensusRecordedListener(RfiForm form, RfiResults results, TaskSubjects subjects, IdentityService identityService) {
    this.form = form;
    this.results = results;
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
      Rfi rfi = form.rfi(execution, RfiProcess.Forms.HOLD_CONSENSUS);
      String responseId = (String) execution.getVariableLocal(RESPONSE_ID);
      subjects.requireAndRelease(execution.getId(), RESPONSE_ID, "response:" + responseId);
      Map<String, Object> values = execution.getVariablesLocal();
      Map<Integer, RfiResults.ConsensusInput> inputs = new TreeMap<>();
      for (int slot = 1; slot <= RfiProcess.MAX_CRITERIA; slot++) {
        inputs.put(slot, new RfiResults.ConsensusInput(
            Inputs.optionalWholeNumber(values, RfiProcess.Variables.consensusRating(slot), "Consensus rating " + slot,
                -100, 100),
            Inputs.optionalText(values, RfiProcess.Variables.consensusRationale(slot), "Rationale", Inputs.MAX_TEXT)));
      }
      results.recordConsensus(rfi.id, responseId, inputs,
          Inputs.optionalText(values, DISSENT, "Dissent", Inputs.MAX_TEXT), Caller.current(identityService));
    });
  }
}
