package gov.qsmo.workflow.marketplace;

import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.CONTRACT_VEHICLE;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.CUSTOMER_AGENCIES;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.DESCRIPTION;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.DESIGNATION_ID;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.NAME;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.OFFERING_ID;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.PROVIDER;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.PROVIDER_TYPE;
import static gov.qsmo.workflow.marketplace.OfferingChangeProcess.Variables.STATUS;

import gov.qsmo.workflow.designation.ServiceOffering.ProviderType;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End of the "Change a marketplace offering" start event: a new offering (no offering id) or a change of one, where
 * an empty field keeps the offering's value; applied by {@link MarketplaceService} with the same rules as the API. A
 * refused change is shown on the form and changes nothing; the instance's business key is the designation.
 */
@Component("offeringChangeListener")
class OfferingChangeListener implements ExecutionListener {

  private final MarketplaceService marketplace;
  private final IdentityService identityService;

  OfferingChangeListener(MarketplaceService marketplace, IdentityService identityService) {
    this.marketplace = marketplace;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.check(() -> {
      Map<String, Object> form = execution.getVariables();
      Caller caller = Caller.current(identityService);
      Integer offeringId = Inputs.optionalWholeNumber(form, OFFERING_ID, "Offering number", 1, Integer.MAX_VALUE);
      Offering offering;
      if (offeringId == null) {
        String designation = Inputs.requiredText(form, DESIGNATION_ID, "Designation", 20).toUpperCase(Locale.ROOT);
        offering = marketplace.add(designation, given(form, new OfferingInput(null, null, null, null, null,
            Offering.Status.PLANNED, Set.of())), caller);
      } else {
        Offering current = marketplace.require(offeringId.longValue());
        offering = marketplace.change(current.getId(), current.getVersion(), given(form, current.asInput()), caller);
      }
      execution.setProcessBusinessKey(offering.getDesignationId());
      Inputs.storableValues(form, Set.of());
    });
  }

  /** The form's values over {@code base}: an empty field keeps the base's value. */
  private static OfferingInput given(Map<String, Object> form, OfferingInput base) {
    String type = text(form, PROVIDER_TYPE, "Provider type", 20);
    String status = text(form, STATUS, "Status", 20);
    String customers = text(form, CUSTOMER_AGENCIES, "Customer agencies", 1000);
    Set<String> agencies = base.customerAgencies();
    if (customers != null) {
      agencies = new TreeSet<>();
      for (String code : customers.split("[,;\\s]+")) {
        if (!code.isBlank()) {
          agencies.add(code.strip().toUpperCase(Locale.ROOT));
        }
      }
    }
    return new OfferingInput(or(text(form, NAME, "Name", 200), base.name()),
        or(text(form, DESCRIPTION, "Description", Inputs.MAX_TEXT), base.description()),
        type == null ? base.providerType() : choice(PROVIDER_TYPE, type, ProviderType.class),
        or(text(form, PROVIDER, "Provider", 200), base.provider()),
        or(text(form, CONTRACT_VEHICLE, "Contract vehicle", 200), base.contractVehicle()),
        status == null ? base.status() : choice(STATUS, status, Offering.Status.class), agencies);
  }

  private static String text(Map<String, Object> form, String field, String label, int max) {
    return Inputs.optionalText(form, field, label, max);
  }

  private static String or(String given, String kept) {
    return given != null ? given : kept;
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
    return Inputs.requiredChoice(Map.of(field, value), field, field, type);
  }
}
