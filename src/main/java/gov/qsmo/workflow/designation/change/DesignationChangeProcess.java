package gov.qsmo.workflow.designation.change;

import java.util.Map;
import java.util.Set;

/** "Change a designation": OMB's start form in Tasklist to move a QSMO to another agency or amend its scope. */
public final class DesignationChangeProcess {

  public static final String KEY = "designation-change";
  public static final String FORM = "change-designation";

  private DesignationChangeProcess() {
  }

  /** The start form's fields. */
  public static final class Variables {
    public static final String DESIGNATION_ID = "designationId";
    public static final String CHANGE = "change";
    public static final String SUCCESSOR_AGENCY_CODE = "successorAgencyCode";
    public static final String PLAN_DUE_DATE = "planDueDate";
    public static final String NEW_SCOPE = "newScope";
    public static final String REASON = "reason";

    private Variables() {
    }
  }

  /** The forms' keys, for the listeners and the conventions test. */
  public static final class Forms {
    public static final Map<String, Set<String>> BY_FORM_ID = Map.of(
        FORM, Set.of(Variables.DESIGNATION_ID, Variables.CHANGE, Variables.SUCCESSOR_AGENCY_CODE,
            Variables.PLAN_DUE_DATE, Variables.NEW_SCOPE, Variables.REASON),
        "report-transition-milestones", Set.of(TransitionProcess.Variables.SERVICES_MIGRATED,
            TransitionProcess.Variables.AGENCIES_MOVED, TransitionProcess.Variables.OFFERINGS_RETIRED,
            TransitionProcess.Variables.TRANSITION_NOTE),
        "close-transition", Set.of(TransitionProcess.Variables.CLOSURE, TransitionProcess.Variables.CLOSURE_REASON));

    private Forms() {
    }
  }
}
