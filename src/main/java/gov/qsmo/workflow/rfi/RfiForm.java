package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.AGENCY_CODE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CLOSES_AT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.DIRECTOR_GROUP_ID;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PANEL_CHAIR;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.RFI_ID;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCORING_DUE_AT;

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
 * Guards a form submission of an RFI task. Camunda writes every submitted variable into the process,
 * so a hand-made request could add fields or overwrite the ids the process keeps. A submission may
 * hold only its form's fields, and the ids must still be those of the RFI the instance belongs to.
 */
@Component
class RfiForm {

  private final RfiRecords records;

  RfiForm(RfiRecords records) {
    this.records = records;
  }

  /** The values of a start form, after refusing any key the form does not have. */
  static Map<String, Object> startValues(DelegateExecution execution, Set<String> formKeys) {
    Map<String, Object> values = execution.getVariables();
    FormValidation.refuseUnknownKeys(values, formKeys);
    return values;
  }

  /** The RFI of this process instance, after checking the submission against it. */
  Rfi rfi(DelegateExecution execution, Set<String> formKeys) {
    Rfi rfi = records.require(execution.getProcessBusinessKey());
    if (!execution.getProcessInstanceId().equals(rfi.processInstanceId)) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId() + " does not belong to RFI "
          + rfi.id + ".");
    }
    Map<String, Object> values = execution.getVariables();
    Set<String> allowed = new HashSet<>(formKeys);
    allowed.addAll(RfiProcess.Variables.KEPT_BY_PROCESS);
    FormValidation.refuseUnknownKeys(values, allowed);
    Inputs.storableValues(FormValidation.notFormFields(values, formKeys), RfiProcess.Variables.MULTI_INSTANCE);
    FormValidation.unchanged(values, RFI_ID, rfi.id);
    FormValidation.unchanged(values, AGENCY_CODE, rfi.agencyCode);
    FormValidation.unchanged(values, DIRECTOR_GROUP_ID, Roles.directorsOf(rfi.agencyCode));
    FormValidation.unchanged(values, PANEL_CHAIR, rfi.panelChairId);
    FormValidation.unchanged(values, CLOSES_AT, rfi.closesAt.toString());
    if (values.containsKey(SCORING_DUE_AT)) {
      FormValidation.unchanged(values, SCORING_DUE_AT, rfi.scoringDueAt == null ? null : rfi.scoringDueAt.toString());
    }
    return rfi;
  }


}
