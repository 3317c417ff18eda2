package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.designation.ServiceOffering.ProviderType;
import java.util.Set;

/** What a director gives for an offering (checked by {@link MarketplaceService} before anything is stored). */
public record OfferingInput(String name, String description, ProviderType providerType, String provider,
    String contractVehicle, Offering.Status status, Set<String> customerAgencies) {
}
