package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.ATTEST;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CONFLICT_RESPONSE_IDS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CONFLICT_STATEMENT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PANEL_MEMBER;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.SubjectTaskListener;
import gov.qsmo.workflow.rfi.TaskSubjects;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of one "Sign attestation" task: the member's attestation and declared conflicts. */
@Component("attestationSignedListener")
public class AttestationSignedListener extends SubjectTaskListener {

  public static final String KIND = "member";

  private final RfiPanelService panel;
  private final IdentityService identityService;

  AttestationSignedListener(RfiService records, RfiPanelService panel, TaskSubjects subjects, IdentityService identityService) {
    super(records, subjects, PANEL_MEMBER, KIND);
    this.panel = panel;
    this.identityService = identityService;
  }

  @Override
  protected void completed(Rfi rfi, String member, Map<String, Object> values) {
    Caller caller = Caller.current(identityService);
    if (!caller.isSystem() && !caller.userId().equals(member)) {
      throw new ConflictException("This attestation is " + member + "'s; " + caller.userId()
          + " cannot sign it for them.");
    }
    panel.attest(rfi.id, member, Inputs.optionalBoolean(values, ATTEST, "Attestation", false),
        Inputs.optionalText(values, CONFLICT_RESPONSE_IDS, "Conflicts", 1000),
        Inputs.optionalText(values, CONFLICT_STATEMENT, "Conflict statement", Inputs.MAX_TEXT));
  }
}
