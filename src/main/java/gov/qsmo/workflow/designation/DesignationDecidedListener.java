package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION_RATIONALE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DEFERRED_UNTIL;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DEFERRED_UNTIL_AT;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_SCOPE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.EFFECTIVE_DATE;

import gov.qsmo.workflow.designation.DesignationService.DesignationDecision;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Decide designation": OMB designates, defers (the decision comes back on a date) or declines. */
@Component("designationDecidedListener")
class DesignationDecidedListener implements ExecutionListener {

  private final DesignationService designations;
  private final IdentityService identityService;

  DesignationDecidedListener(DesignationService designations, IdentityService identityService) {
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Designation designation = designations.ofInstance(execution);
      Map<String, Object> form = execution.getVariables();
      DesignationDecision decision = Inputs.requiredChoice(form, DESIGNATION_DECISION, "Decision",
          DesignationDecision.class);
      LocalDate effective = decision == DesignationDecision.DESIGNATE && present(form, EFFECTIVE_DATE)
          ? Inputs.requiredDate(form, EFFECTIVE_DATE, "Effective date") : null;
      LocalDate deferredUntil = decision == DesignationDecision.DEFER && present(form, DEFERRED_UNTIL)
          ? Inputs.requiredDate(form, DEFERRED_UNTIL, "Deferred until") : null;
      designations.decideDesignation(designation.getId(), decision,
          Inputs.optionalText(form, DESIGNATION_SCOPE, "Scope of the designation", Inputs.MAX_TEXT),
          effective, deferredUntil,
          Inputs.optionalText(form, DECISION_RATIONALE, "Rationale", Inputs.MAX_TEXT), Caller.current(identityService).userId());
      execution.setVariable(DESIGNATION_DECISION, decision.name());
      if (deferredUntil != null) {
        execution.setVariable(DEFERRED_UNTIL_AT, deferredUntil.atStartOfDay().toString());
      }
      for (String key : new String[] {DESIGNATION_SCOPE, EFFECTIVE_DATE, DEFERRED_UNTIL, DECISION_RATIONALE}) {
        execution.removeVariable(key);
      }
    });
  }

  private static boolean present(Map<String, Object> form, String key) {
    return form.get(key) != null && !(form.get(key) instanceof String s && s.isBlank());
  }
}
