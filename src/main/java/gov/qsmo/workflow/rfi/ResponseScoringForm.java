package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.RFI_ID;

import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.web.ConflictException;
import gov.qsmo.workflow.web.Inputs;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * Guards a form submission in an {@code rfi-response-scoring} instance, as {@link RfiForm} guards the RFI's
 * own instance: the instance must have been called by the RFI's instance, and the submission may hold only
 * the form's fields and the ids the process keeps, unchanged. Reads the caller by its id (one execution),
 * never the RFI instance's execution tree.
 */
@Component
class ResponseScoringForm {

  private final RfiRecords records;

  ResponseScoringForm(RfiRecords records) {
    this.records = records;
  }

  /** Whether this execution belongs to a response's scoring instance. */
  static boolean isScoringInstance(DelegateExecution execution) {
    String definition = execution.getProcessDefinitionId();
    return definition != null && definition.startsWith(RfiProcess.SCORING_KEY + ":");
  }

  /** The RFI whose instance called this one, after checking the submission against it. */
  Rfi rfi(DelegateExecution execution, Set<String> formKeys) {
    Rfi rfi = records.require(execution.getProcessBusinessKey());
    ExecutionEntity caller = ((ExecutionEntity) execution.getProcessInstance()).getSuperExecution();
    if (caller == null || !caller.getProcessInstanceId().equals(rfi.processInstanceId)) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " was not started by the evaluation of RFI " + rfi.id + ".");
    }
    Map<String, Object> values = execution.getVariables();
    Set<String> allowed = new HashSet<>(formKeys);
    allowed.addAll(RfiProcess.Variables.KEPT_BY_PROCESS);
    FormValidation.refuseUnknownKeys(values, allowed);
    Inputs.storableValues(FormValidation.notFormFields(values, formKeys), RfiProcess.Variables.MULTI_INSTANCE);
    FormValidation.unchanged(values, RFI_ID, rfi.id);
    return rfi;
  }
}
