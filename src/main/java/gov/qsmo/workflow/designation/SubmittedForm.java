package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.AGENCY_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_ID;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DIRECTOR_GROUP_ID;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.FUNCTIONAL_AREA_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_DUE_DATE;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Guards a form submission of a designation task. Camunda writes every submitted variable onto
 * the process, so a hand-made request could add fields or overwrite the process's ids (and so act
 * on another agency's designation). A submission may hold only its form's fields, and the ids must
 * still match the designation the process instance belongs to.
 */
@Component
class SubmittedForm {

  private final DesignationService designations;

  SubmittedForm(DesignationService designations) {
    this.designations = designations;
  }

  /** The values of a start form, after refusing any key the form does not have. */
  static Map<String, Object> startValues(DelegateExecution execution, Set<String> formKeys) {
    Map<String, Object> values = execution.getVariables();
    FormValidation.refuseUnknownKeys(values, formKeys);
    return values;
  }

  /** The designation of this process instance, after checking the submitted values against it. */
  Designation designation(DelegateExecution execution, Set<String> formKeys) {
    Designation designation = designations.require(execution.getProcessBusinessKey());
    if (!execution.getProcessInstanceId().equals(designation.getProcessInstanceId())) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " does not belong to designation " + designation.getId() + ".");
    }
    Map<String, Object> values = execution.getVariables();
    FormValidation.refuseUnknownKeys(values, union(formKeys, DesignationProcess.Variables.KEPT_BY_PROCESS));
    Inputs.storableValues(FormValidation.notFormFields(values, formKeys), DesignationProcess.Variables.MULTI_INSTANCE);
    FormValidation.unchanged(values, DESIGNATION_ID, designation.getId());
    FormValidation.unchanged(values, FUNCTIONAL_AREA_CODE, designation.getFunctionalAreaCode());
    FormValidation.unchanged(values, AGENCY_CODE, designation.getAgencyCode());
    FormValidation.unchanged(values, DIRECTOR_GROUP_ID, Roles.directorsOf(designation.getAgencyCode()));
    FormValidation.unchanged(values, PLAN_DUE_DATE, designation.getPlanDueDate().toString());
    FormValidation.unchanged(values, DesignationProcess.Variables.PLAN_REMINDER_AT,
        values.containsKey(DesignationProcess.Variables.PLAN_REMINDER_AT)
            ? designations.reminderAt(designation).toString() : null);
    return designation;
  }



  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
