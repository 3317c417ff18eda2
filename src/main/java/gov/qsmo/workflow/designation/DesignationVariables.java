package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.AGENCY_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_ID;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DIRECTOR_GROUP_ID;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.FUNCTIONAL_AREA_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_REMINDER_AT;

import gov.qsmo.workflow.identity.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The ids and dates a designation's process keeps, set once when the process starts. */
final class DesignationVariables {

  private DesignationVariables() {
  }

  static void initialize(DelegateExecution execution, Designation designation, DesignationService designations) {
    execution.setProcessBusinessKey(designation.getId());
    execution.setVariable(DESIGNATION_ID, designation.getId());
    execution.setVariable(FUNCTIONAL_AREA_CODE, designation.getFunctionalAreaCode());
    execution.setVariable(AGENCY_CODE, designation.getAgencyCode());
    execution.setVariable(PLAN_DUE_DATE, designation.getPlanDueDate().toString());
    execution.setVariable(PLAN_REMINDER_AT, designations.reminderAt(designation).toString());
    execution.setVariable(DIRECTOR_GROUP_ID, Roles.directorsOf(designation.getAgencyCode()));
  }
}
