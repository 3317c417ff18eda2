package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS_PER_RESPONSE;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Form review panel": the chair's reviewers, and how many of them score each response. */
@Component("panelFormedListener")
class PanelFormedListener extends FormCompletionListener<Rfi> {

  private final RfiPanelService panel;

  PanelFormedListener(RfiService records, RfiPanelService panel, IdentityService identityService) {
    super(records::ofInstance, identityService);
    this.panel = panel;
  }

  @Override
  protected void completed(Rfi rfi, CompletedTask task) {
    Caller caller = task.caller();
    if (!caller.isSystem() && !caller.userId().equals(rfi.panelChairId)) {
      throw new ConflictException("Only the panel chair (" + rfi.panelChairId + ") forms the panel.");
    }
    Map<String, Object> values = task.localValues();
    panel.form(rfi.id, RfiPanelService.userIds(Inputs.requiredText(values, REVIEWERS, "Reviewers", Inputs.MAX_TEXT)),
        Inputs.optionalWholeNumber(values, REVIEWERS_PER_RESPONSE, "Reviewers per response", 1, 100), caller);
  }
}
