package gov.qsmo.workflow.reference;

import static gov.qsmo.workflow.reference.ReferenceDataProcess.Variables.CHANGE;
import static gov.qsmo.workflow.reference.ReferenceDataProcess.Variables.CODE;
import static gov.qsmo.workflow.reference.ReferenceDataProcess.Variables.DESCRIPTION;
import static gov.qsmo.workflow.reference.ReferenceDataProcess.Variables.LEAD_AGENCY_CODE;
import static gov.qsmo.workflow.reference.ReferenceDataProcess.Variables.NAME;
import static gov.qsmo.workflow.reference.ReferenceDataProcess.Variables.SHORT_NAME;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.reference.ReferenceData.AgencyInput;
import gov.qsmo.workflow.reference.ReferenceData.FunctionalAreaInput;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of the "Change program reference data" start event: applies OMB's change through the same
 * service as the API. A refused change (a bad code, a name in use, a code live records use) rejects the
 * start with the reason on the form, and nothing changes.
 */
@Component("referenceDataChangeListener")
class ReferenceDataChangeListener implements ExecutionListener {

  /** The changes the form offers. */
  enum Change {
    ADD_AREA, CHANGE_AREA, RETIRE_AREA, RESTORE_AREA, ADD_AGENCY, CHANGE_AGENCY, RETIRE_AGENCY, RESTORE_AGENCY
  }

  private final ReferenceData referenceData;
  private final IdentityService identityService;

  ReferenceDataChangeListener(ReferenceData referenceData, IdentityService identityService) {
    this.referenceData = referenceData;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.check(() -> {
      Map<String, Object> form = execution.getVariables();
      Change change = Inputs.requiredChoice(form, CHANGE, "Change", Change.class);
      String code = Inputs.requiredText(form, CODE, "Code", 40);
      String actor = Caller.current(identityService).userId();
      String name = text(form, NAME, "Name");
      switch (change) {
        case ADD_AREA -> referenceData.addFunctionalArea(new FunctionalAreaInput(code, name,
            text(form, DESCRIPTION, "Description"), text(form, LEAD_AGENCY_CODE, "Lead agency")), actor);
        case CHANGE_AREA -> referenceData.changeFunctionalArea(code, new FunctionalAreaInput(null, name,
            text(form, DESCRIPTION, "Description"), text(form, LEAD_AGENCY_CODE, "Lead agency")), actor);
        case RETIRE_AREA -> referenceData.retireFunctionalArea(code, actor);
        case RESTORE_AREA -> referenceData.restoreFunctionalArea(code, actor);
        case ADD_AGENCY -> referenceData.addAgency(new AgencyInput(code, name, text(form, SHORT_NAME, "Short name")),
            actor);
        case CHANGE_AGENCY -> referenceData.changeAgency(code, new AgencyInput(null, name,
            text(form, SHORT_NAME, "Short name")), actor);
        case RETIRE_AGENCY -> referenceData.retireAgency(code, actor);
        case RESTORE_AGENCY -> referenceData.restoreAgency(code, actor);
        default -> throw new IllegalStateException(change.name());
      }
      Inputs.storableValues(form, java.util.Set.of());
    });
  }

  private static String text(Map<String, Object> form, String key, String label) {
    return Inputs.optionalText(form, key, label, Inputs.MAX_TEXT);
  }
}
