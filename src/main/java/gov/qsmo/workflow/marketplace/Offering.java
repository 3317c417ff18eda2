package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.designation.ServiceOffering.ProviderType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** One offering of a QSMO's marketplace: what it is, who provides it, how agencies buy it, who uses it. */
@Entity
@Table(name = "marketplace_offering")
public class Offering {

  /** Where an offering stands in the marketplace. */
  public enum Status {
    /** Proposed (in the plan, or a candidate), not yet to be bought. */
    PLANNED,
    /** Agencies can buy it: it has a contract vehicle. */
    AVAILABLE,
    /** No longer offered; kept on record. */
    RETIRED
  }

  /** Where an offering came from. */
  public enum Source { PLAN, DIRECTOR, RFI }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Column(nullable = false)
  private String name;

  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "provider_type", nullable = false)
  private ProviderType providerType;

  @Column(nullable = false)
  private String provider;

  @Column(name = "contract_vehicle")
  private String contractVehicle;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Source source;

  /** For a candidate from an RFI: the RFI and the response it comes from. */
  @Column(name = "rfi_id", updatable = false)
  private String rfiId;

  @Column(name = "response_id", updatable = false)
  private String responseId;

  @ElementCollection(fetch = jakarta.persistence.FetchType.EAGER)
  @CollectionTable(name = "marketplace_offering_customer", joinColumns = @JoinColumn(name = "offering_id"))
  @Column(name = "agency_code")
  private Set<String> customerAgencies = new TreeSet<>();

  @Version
  private int version;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Offering() {
  }

  Offering(String designationId, Source source, OfferingInput input, String actor, Instant now) {
    this.designationId = designationId;
    this.source = source;
    this.createdBy = actor;
    this.createdAt = now;
    apply(input, actor, now);
  }

  /** A candidate offering from an RFI's ranked response: planned until its contract vehicle is recorded. */
  static Offering candidate(String designationId, String rfiId, String responseId, OfferingInput input, String actor,
      Instant now) {
    Offering offering = new Offering(designationId, Source.RFI, input, actor, now);
    offering.rfiId = rfiId;
    offering.responseId = responseId;
    return offering;
  }

  public String getRfiId() {
    return rfiId;
  }

  public String getResponseId() {
    return responseId;
  }

  void apply(OfferingInput input, String actor, Instant now) {
    this.name = input.name();
    this.description = input.description();
    this.providerType = input.providerType();
    this.provider = input.provider();
    this.contractVehicle = input.contractVehicle();
    this.status = input.status();
    this.customerAgencies.clear();
    this.customerAgencies.addAll(input.customerAgencies());
    this.updatedBy = actor;
    this.updatedAt = now;
  }

  /** The offering as an input: what a change starts from. */
  OfferingInput asInput() {
    return new OfferingInput(name, description, providerType, provider, contractVehicle, status,
        new TreeSet<>(customerAgencies));
  }

  public Long getId() {
    return id;
  }

  public String getDesignationId() {
    return designationId;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public ProviderType getProviderType() {
    return providerType;
  }

  public String getProvider() {
    return provider;
  }

  public String getContractVehicle() {
    return contractVehicle;
  }

  public Status getStatus() {
    return status;
  }

  public Source getSource() {
    return source;
  }

  public Set<String> getCustomerAgencies() {
    return java.util.Collections.unmodifiableSet(customerAgencies);
  }

  public int getVersion() {
    return version;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
