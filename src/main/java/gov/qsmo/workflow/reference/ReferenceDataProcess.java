package gov.qsmo.workflow.reference;

/** The "Change program reference data" process: OMB's form in Tasklist for agencies and functional areas. */
public final class ReferenceDataProcess {

  public static final String KEY = "reference-data-change";

  private ReferenceDataProcess() {
  }

  /** The start form's fields. */
  public static final class Variables {
    public static final String CHANGE = "change";
    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String SHORT_NAME = "shortName";
    public static final String DESCRIPTION = "description";
    public static final String LEAD_AGENCY_CODE = "leadAgencyCode";

    private Variables() {
    }
  }

  /** The start form's keys, for the conventions test. */
  public static final class Forms {
    public static final java.util.Map<String, java.util.Set<String>> BY_FORM_ID = java.util.Map.of(
        "change-reference-data", java.util.Set.of(Variables.CHANGE, Variables.CODE, Variables.NAME,
            Variables.SHORT_NAME, Variables.DESCRIPTION, Variables.LEAD_AGENCY_CODE));

    private Forms() {
    }
  }
}
