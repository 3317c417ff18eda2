package gov.qsmo.workflow.inventory;

import java.util.Map;
import java.util.Set;

/**
 * The data call's two models: {@code systems-data-call} (one instance per data call, business key = its id) calls
 * {@code systems-inventory-response} once per agency asked (each in a job of its own), whose points of contact submit
 * the agency's inventory.
 */
public final class InventoryProcess {

  public static final String DATA_CALL_KEY = "systems-data-call";
  public static final String RESPONSE_KEY = "systems-inventory-response";

  private InventoryProcess() {
  }

  public static final class Elements {
    public static final String START_DATA_CALL_ISSUED = "StartEvent_DataCallIssued";
    public static final String CALL_AGENCY_INVENTORIES = "CallActivity_AgencyInventories";
    public static final String END_EVERY_AGENCY_ANSWERED = "EndEvent_EveryAgencyAnswered";
    public static final String START_INVENTORY_REQUESTED = "StartEvent_InventoryRequested";
    public static final String TASK_SUBMIT_INVENTORY = "Task_SubmitSystemsInventory";
    public static final String END_INVENTORY_SUBMITTED = "EndEvent_InventorySubmitted";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final String DATA_CALL_ID = "dataCallId";
    public static final String AGENCY_CODE = "agencyCode";
    /** yyyy-mm-dd: the inventory is due at the end of this business day. */
    public static final String DUE_DATE = "dueDate";
    public static final String INVENTORY_LINES = "inventoryLines";

    private Variables() {
    }
  }

  public static final class TaskDisplay {
    public static final String DATA_CALL_FACTS = "dataCallFacts";
    public static final String LATEST_TEXT = "latestInventoryText";

    private TaskDisplay() {
    }
  }

  public static final class Forms {
    public static final Set<String> SUBMIT_INVENTORY = Set.of(Variables.INVENTORY_LINES);
    public static final Map<String, Set<String>> BY_FORM_ID = Map.of("submit-systems-inventory", SUBMIT_INVENTORY);

    private Forms() {
    }
  }
}
