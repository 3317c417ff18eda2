package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_ID;

import gov.qsmo.workflow.designation.DesignationProcess.TaskDisplay;
import gov.qsmo.workflow.reference.ReferenceData;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every designation task: puts what the person needs to read (area, agency,
 * scope) into task-local variables for the form. They vanish with the task; the process keeps ids.
 */
@Component("designationTaskCreatedListener")
class DesignationTaskCreatedListener implements TaskListener {

  private final DesignationService designations;
  private final ReferenceData referenceData;

  DesignationTaskCreatedListener(DesignationService designations, ReferenceData referenceData) {
    this.designations = designations;
    this.referenceData = referenceData;
  }

  @Override
  public void notify(DelegateTask task) {
    Designation designation = designations.require((String) task.getVariable(DESIGNATION_ID));
    task.setVariableLocal(TaskDisplay.FUNCTIONAL_AREA_NAME,
        referenceData.requireFunctionalArea("functionalAreaCode", designation.getFunctionalAreaCode()).getName());
    task.setVariableLocal(TaskDisplay.AGENCY_NAME,
        referenceData.requireAgency("agencyCode", designation.getAgencyCode()).getName());
    task.setVariableLocal(TaskDisplay.SCOPE_TEXT, designation.getScope());
    task.setVariableLocal(TaskDisplay.STATUS, designation.getStatus().name());
  }
}
