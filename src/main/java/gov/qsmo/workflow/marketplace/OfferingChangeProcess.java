package gov.qsmo.workflow.marketplace;

import java.util.Map;
import java.util.Set;

/** "Change a marketplace offering": a QSMO director's start form in Tasklist to add or change an offering. */
public final class OfferingChangeProcess {

  public static final String KEY = "marketplace-offering-change";
  public static final String FORM = "change-marketplace-offering";

  private OfferingChangeProcess() {
  }

  /** The start form's fields. */
  public static final class Variables {
    public static final String DESIGNATION_ID = "designationId";
    public static final String OFFERING_ID = "offeringId";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String PROVIDER_TYPE = "providerType";
    public static final String PROVIDER = "provider";
    public static final String CONTRACT_VEHICLE = "contractVehicle";
    public static final String STATUS = "status";
    public static final String CUSTOMER_AGENCIES = "customerAgencies";

    private Variables() {
    }
  }

  /** The form's keys, for the conventions test. */
  public static final class Forms {
    public static final Map<String, Set<String>> BY_FORM_ID = Map.of(FORM, Set.of(Variables.DESIGNATION_ID,
        Variables.OFFERING_ID, Variables.NAME, Variables.DESCRIPTION, Variables.PROVIDER_TYPE, Variables.PROVIDER,
        Variables.CONTRACT_VEHICLE, Variables.STATUS, Variables.CUSTOMER_AGENCIES));

    private Forms() {
    }
  }
}
