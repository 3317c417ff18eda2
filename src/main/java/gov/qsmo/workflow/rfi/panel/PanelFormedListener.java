package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS_PER_RESPONSE;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Form review panel": the chair's reviewers, and how many of them score each response. */
@Component("panelFormedListener")
class PanelFormedListener implements ExecutionListener {

  private final RfiService records;
  private final RfiPanelService panel;
  private final IdentityService identityService;

  PanelFormedListener(RfiService records, RfiPanelService panel, IdentityService identityService) {
    this.records = records;
    this.panel = panel;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Rfi rfi = records.ofInstance(execution);
      Caller caller = Caller.current(identityService);
      if (!caller.isSystem() && !caller.userId().equals(rfi.panelChairId)) {
        throw new ConflictException("Only the panel chair (" + rfi.panelChairId + ") forms the panel.");
      }
      Map<String, Object> values = execution.getVariablesLocal();
      panel.form(rfi.id, RfiPanelService.userIds(Inputs.requiredText(values, REVIEWERS, "Reviewers", Inputs.MAX_TEXT)),
          Inputs.optionalWholeNumber(values, REVIEWERS_PER_RESPONSE, "Reviewers per response", 1, 100), caller);
    });
  }
}
