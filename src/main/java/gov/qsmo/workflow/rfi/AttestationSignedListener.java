package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ATTEST;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CONFLICT_RESPONSE_IDS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CONFLICT_STATEMENT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PANEL_MEMBER;

import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.web.ConflictException;
import gov.qsmo.workflow.web.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of one "Sign attestation" task: the member's attestation and declared conflicts. */
@Component("attestationSignedListener")
class AttestationSignedListener implements ExecutionListener {

  private final RfiForm form;
  private final RfiPanel panel;
  private final TaskSubjects subjects;
  private final IdentityService identityService;

  AttestationSignedListener(RfiForm form, RfiPanel panel, TaskSubjects subjects, IdentityService identityService) {
    this.form = form;
    this.panel = panel;
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
      Rfi rfi = form.rfi(execution, RfiProcess.Forms.SIGN_ATTESTATION);
      String member = (String) execution.getVariableLocal(PANEL_MEMBER);
      subjects.requireAndRelease(execution.getId(), PANEL_MEMBER, "member:" + member);
      Caller caller = Caller.current(identityService);
      if (!caller.isSystem() && !caller.userId().equals(member)) {
        throw new ConflictException("This attestation is " + member + "'s; " + caller.userId()
            + " cannot sign it for them.");
      }
      Map<String, Object> values = execution.getVariablesLocal();
      panel.attest(rfi.id, member, Inputs.optionalBoolean(values, ATTEST, "Attestation", false),
          Inputs.optionalText(values, CONFLICT_RESPONSE_IDS, "Conflicts", 1000),
          Inputs.optionalText(values, CONFLICT_STATEMENT, "Conflict statement", Inputs.MAX_TEXT));
    });
  }
}
