package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.CONDITIONS_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION_RATIONALE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_CONDITIONS;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DEFERRED_UNTIL;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DEFERRED_UNTIL_AT;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_SCOPE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.EFFECTIVE_DATE;

import gov.qsmo.workflow.designation.DesignationService.DesignationDecision;
import gov.qsmo.workflow.designation.change.TransitionService;
import gov.qsmo.workflow.designation.condition.ConditionService;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.Inputs;
import java.time.LocalDate;
import java.util.Map;
import gov.qsmo.workflow.designation.assessment.AssessmentService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * End of "Decide designation": OMB designates, defers (the decision comes back on a date) or declines. A designation
 * starts following its conditions (the board's and OMB's own, with their due date): one process each; a successor's
 * designation starts the transition from the QSMO it supersedes (whose open conditions are withdrawn and whose
 * assessments end); a designated QSMO's first annual assessment is scheduled (QsmoDesignated).
 */
@Component("designationDecidedListener")
class DesignationDecidedListener extends FormCompletionListener<Designation> {

  private final DesignationService designations;
  private final ConditionService conditions;
  private final TransitionService transitions;
  private final AssessmentService assessments;

  DesignationDecidedListener(DesignationService designations, ConditionService conditions,
      TransitionService transitions, AssessmentService assessments, IdentityService identityService) {
    super(designations::ofInstance, identityService);
    this.assessments = assessments;
    this.designations = designations;
    this.conditions = conditions;
    this.transitions = transitions;
  }

  @Override
  protected void completed(Designation designation, CompletedTask task) {
    Map<String, Object> form = task.values();
    DesignationDecision decision = Inputs.requiredChoice(form, DESIGNATION_DECISION, "Decision",
        DesignationDecision.class);
    LocalDate effective = decision == DesignationDecision.DESIGNATE && present(form, EFFECTIVE_DATE)
        ? Inputs.requiredDate(form, EFFECTIVE_DATE, "Effective date") : null;
    LocalDate deferredUntil = decision == DesignationDecision.DEFER && present(form, DEFERRED_UNTIL)
        ? Inputs.requiredDate(form, DEFERRED_UNTIL, "Deferred until") : null;
    designations.decideDesignation(designation.getId(), decision,
        Inputs.optionalText(form, DESIGNATION_SCOPE, "Scope of the designation", Inputs.MAX_TEXT),
        effective, deferredUntil,
        Inputs.optionalText(form, DECISION_RATIONALE, "Rationale", Inputs.MAX_TEXT), task.caller().userId());
    if (decision == DesignationDecision.DESIGNATE) {
      conditions.track(designation.getId(),
          Inputs.optionalText(form, DESIGNATION_CONDITIONS, "Conditions", Inputs.MAX_TEXT),
          present(form, CONDITIONS_DUE_DATE) ? Inputs.requiredDate(form, CONDITIONS_DUE_DATE, "Conditions due") : null,
          task.caller().userId());
      Designation designated = designations.require(designation.getId());
      if (designated.getSupersedesId() != null) {
        transitions.start(designated.getSupersedesId(), designated.getId(), task.caller().userId());
        conditions.withdrawOpen(designated.getSupersedesId(), designated.getId(), task.caller().userId());
        assessments.cancelOthers(designated.getSupersedesId(), null, task.caller().userId(),
            "The QSMO was superseded by " + designated.getId() + ".");
      }
    }
    task.set(DESIGNATION_DECISION, decision.name());
    if (deferredUntil != null) {
      task.set(DEFERRED_UNTIL_AT, deferredUntil.atStartOfDay().toString());
    }
    task.remove(DESIGNATION_SCOPE, EFFECTIVE_DATE, DEFERRED_UNTIL, DECISION_RATIONALE, DESIGNATION_CONDITIONS,
        CONDITIONS_DUE_DATE);
  }

  private static boolean present(Map<String, Object> form, String key) {
    return form.get(key) != null && !(form.get(key) instanceof String s && s.isBlank());
  }
}
