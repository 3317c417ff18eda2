package gov.qsmo.workflow.designation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One proposed service offering of a plan version: what the marketplace offers, whether a federal
 * provider or a commercial vendor provides it, who, and through which contract vehicle agencies buy it.
 * A row of {@code plan_service_offering}, written with its plan version and never changed.
 */
@Embeddable
public record ServiceOffering(
    @Column(nullable = false, updatable = false) String name,
    @Enumerated(EnumType.STRING) @Column(name = "provider_type", nullable = false, updatable = false)
    ProviderType providerType,
    @Column(nullable = false, updatable = false) String provider,
    @Column(name = "contract_vehicle", nullable = false, updatable = false) String contractVehicle) {

  /** Who provides an offering: M-19-16 marketplaces hold federal providers and commercial offerings. */
  public enum ProviderType {
    FEDERAL("Federal"), COMMERCIAL("Commercial");

    private final String label;

    ProviderType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
