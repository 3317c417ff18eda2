package gov.qsmo.workflow.designation.change;

import static gov.qsmo.workflow.designation.change.DesignationChangeProcess.Variables.CHANGE;
import static gov.qsmo.workflow.designation.change.DesignationChangeProcess.Variables.DESIGNATION_ID;
import static gov.qsmo.workflow.designation.change.DesignationChangeProcess.Variables.NEW_SCOPE;
import static gov.qsmo.workflow.designation.change.DesignationChangeProcess.Variables.PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.change.DesignationChangeProcess.Variables.REASON;
import static gov.qsmo.workflow.designation.change.DesignationChangeProcess.Variables.SUCCESSOR_AGENCY_CODE;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.designation.RedesignationService;
import gov.qsmo.workflow.designation.assessment.AssessmentService;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of the "Change a designation" start event: OMB's redesignation, scope amendment or order of an assessment, applied through the same
 * services as the API. A refused change (a designation that is not designated, the same agency, no reason) rejects
 * the start with the reason on the form, and nothing changes. The instance's business key is the designation.
 */
@Component("designationChangeListener")
class DesignationChangeListener implements ExecutionListener {

  /** The changes the form offers. */
  enum Change { REDESIGNATE, AMEND_SCOPE, ORDER_ASSESSMENT }

  private final DesignationService designations;
  private final RedesignationService redesignation;
  private final AssessmentService assessments;
  private final IdentityService identityService;

  DesignationChangeListener(DesignationService designations, RedesignationService redesignation,
      AssessmentService assessments, IdentityService identityService) {
    this.designations = designations;
    this.redesignation = redesignation;
    this.assessments = assessments;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.check(() -> {
      Map<String, Object> form = execution.getVariables();
      Change change = Inputs.requiredChoice(form, CHANGE, "Change", Change.class);
      String id = Inputs.requiredText(form, DESIGNATION_ID, "Designation", 20).toUpperCase(java.util.Locale.ROOT);
      Designation designation = designations.find(id).filter(d -> d.getStatus() == DesignationStatus.DESIGNATED)
          .orElseThrow(() -> new InvalidRequestException(DESIGNATION_ID, "'" + id + "' is no designated QSMO; "
              + "the designated ones: " + designated() + "."));
      String reason = Inputs.optionalText(form, REASON, "Reason", Inputs.MAX_TEXT);
      String actor = Caller.current(identityService).userId();
      switch (change) {
        case REDESIGNATE -> {
          String successor = Inputs.optionalText(form, SUCCESSOR_AGENCY_CODE, "Successor agency", 16);
          if (successor == null) {
            throw new InvalidRequestException(SUCCESSOR_AGENCY_CODE, "Choose the agency the QSMO moves to.");
          }
          Object due = form.get(PLAN_DUE_DATE);
          LocalDate planDue = due == null || (due instanceof String s && s.isBlank()) ? null
              : Inputs.requiredDate(form, PLAN_DUE_DATE, "Successor's plan due date");
          if (planDue == null) {
            throw new InvalidRequestException(PLAN_DUE_DATE, "Give the date by which the successor's director "
                + "submits a plan.");
          }
          redesignation.order(designation.getId(), successor, planDue, reason, actor);
        }
        case AMEND_SCOPE -> designations.amendScope(designation.getId(),
            Inputs.optionalText(form, NEW_SCOPE, "Amended scope", Inputs.MAX_TEXT), reason, actor);
        case ORDER_ASSESSMENT -> assessments.order(designation.getId(), reason, actor);
        default -> throw new IllegalStateException(change.name());
      }
      execution.setProcessBusinessKey(designation.getId());
      Inputs.storableValues(form, Set.of());
    });
  }

  /** The designated QSMOs, the first 20 by id (one per functional area in practice). */
  private String designated() {
    java.util.List<gov.qsmo.workflow.designation.Designation> all = designations.designated();
    return all.stream().limit(20)
        .map(d -> d.getId() + " (" + d.getFunctionalAreaCode() + ", " + d.getAgencyCode() + ")")
        .collect(Collectors.joining(", ")) + (all.size() > 20 ? " and " + (all.size() - 20) + " more" : "");
  }
}
