package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.designation.LiveOfferings;
import gov.qsmo.workflow.designation.PlanVersion;
import gov.qsmo.workflow.designation.QsmoDesignated;
import gov.qsmo.workflow.designation.ServiceOffering;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a QSMO's marketplace: a designation seeds it with the offerings of the plan designated (planned);
 * only the QSMO's own directors add and change offerings, each change checked, versioned (a stale version is 409)
 * and recorded with what changed; an available offering names its contract vehicle.
 */
@Service
public class MarketplaceService implements LiveOfferings {

  static final int MAX_CUSTOMERS = 100;

  private final OfferingRepository offerings;
  private final OfferingChangeRepository changes;
  private final DesignationService designations;
  private final ReferenceData referenceData;
  private final Clock clock;

  MarketplaceService(OfferingRepository offerings, OfferingChangeRepository changes, DesignationService designations,
      ReferenceData referenceData, Clock clock) {
    this.offerings = offerings;
    this.changes = changes;
    this.designations = designations;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  /** OMB designated a QSMO: its marketplace starts with the plan's offerings, planned. Once per designation. */
  @EventListener
  @Transactional
  public void seed(QsmoDesignated designated) {
    if (offerings.countByDesignationId(designated.designationId()) > 0) {
      return;
    }
    PlanVersion plan = designations.planVersions(designated.designationId()).stream()
        .filter(p -> p.getVersionNumber() == designated.planVersion()).findFirst().orElse(null);
    if (plan == null) {
      return;
    }
    for (ServiceOffering proposed : plan.serviceOfferings()) {
      Offering offering = offerings.save(new Offering(designated.designationId(), Offering.Source.PLAN,
          new OfferingInput(proposed.name(), null, proposed.providerType(), proposed.provider(),
              proposed.contractVehicle(), Offering.Status.PLANNED, Set.of()), designated.actor(), clock.instant()));
      offerings.flush();
      changes.save(new OfferingChange(offering.getId(), offering.getVersion(), designated.actor(), clock.instant(),
          "SEEDED", "From plan version " + plan.getVersionNumber() + ", as designated."));
    }
  }

  /** A director of the QSMO adds an offering to its marketplace. */
  @Transactional
  public Offering add(String designationId, OfferingInput input, Caller caller) {
    Designation designation = requireDirected(designationId, caller);
    if (designation.getStatus() != DesignationStatus.DESIGNATED) {
      throw new ConflictException("Designation " + designationId + " is " + designation.getStatus()
          + "; offerings are added to a designated QSMO's marketplace.");
    }
    OfferingInput checked = checked(input);
    Offering offering = offerings.save(new Offering(designationId, Offering.Source.DIRECTOR, checked,
        caller.userId(), clock.instant()));
    offerings.flush();
    changes.save(new OfferingChange(offering.getId(), offering.getVersion(), caller.userId(), clock.instant(),
        "ADDED", describe(checked)));
    return offering;
  }

  /** OMB rescinded the QSMO: every offering of its marketplace not yet retired is retired, each change recorded. */
  @EventListener
  @Transactional
  public void rescinded(gov.qsmo.workflow.designation.QsmoRescinded rescinded) {
    for (Offering offering : offerings.findByDesignationIdAndStatusNot(rescinded.designationId(),
        Offering.Status.RETIRED)) {
      OfferingInput was = offering.asInput();
      offering.apply(new OfferingInput(was.name(), was.description(), was.providerType(), was.provider(),
          was.contractVehicle(), Offering.Status.RETIRED, was.customerAgencies()), rescinded.actor(), clock.instant());
      offerings.flush();
      changes.save(new OfferingChange(offering.getId(), offering.getVersion(), rescinded.actor(), clock.instant(),
          "RETIRED", "The QSMO was rescinded: " + rescinded.reason()));
    }
  }

  /**
   * A ranked response of an RFI the QSMO issued becomes a candidate offering of its marketplace: planned, commercial,
   * provided by the responding organization, available once a director records its contract vehicle. Once per
   * response.
   */
  @Transactional
  public Offering addCandidate(String designationId, String rfiId, String responseId, String organization,
      String description, Caller caller) {
    Designation designation = requireDirected(designationId, caller);
    if (designation.getStatus() != DesignationStatus.DESIGNATED) {
      throw new ConflictException("Designation " + designationId + " is " + designation.getStatus()
          + "; candidates are added to a designated QSMO's marketplace.");
    }
    OfferingInput checked = checked(new OfferingInput(organization.length() > 200 ? organization.substring(0, 200)
        : organization, description, gov.qsmo.workflow.designation.ServiceOffering.ProviderType.COMMERCIAL,
        organization.length() > 200
        ? organization.substring(0, 200) : organization, null, Offering.Status.PLANNED, Set.of()));
    Offering offering = offerings.save(Offering.candidate(designationId, rfiId, responseId, checked, caller.userId(),
        clock.instant()));
    offerings.flush();
    changes.save(new OfferingChange(offering.getId(), offering.getVersion(), caller.userId(), clock.instant(),
        "CANDIDATE", "From " + rfiId + ", response " + responseId + ": " + describe(checked)));
    return offering;
  }

  /**
   * A director of the QSMO changes an offering: the whole offering as it will be, against the version they read
   * (another change since then is 409, naming who made it).
   */
  @Transactional
  public Offering change(Long offeringId, int readVersion, OfferingInput input, Caller caller) {
    Offering offering = offerings.lock(offeringId == null ? -1L : offeringId)
        .orElseThrow(() -> new NotFoundException("No marketplace offering with id '" + offeringId + "'."));
    Designation designation = requireDirected(offering.getDesignationId(), caller);
    if (offering.getVersion() != readVersion) {
      throw new ConflictException("Offering " + offeringId + " was changed by " + offering.getUpdatedBy() + " at "
          + offering.getUpdatedAt() + " (version " + offering.getVersion() + ", you read " + readVersion
          + "); read it again and apply your change to it.");
    }
    OfferingInput checked = checked(input);
    if (designation.getStatus() != DesignationStatus.DESIGNATED && checked.status() != Offering.Status.RETIRED) {
      throw new ConflictException("Designation " + designation.getId() + " is " + designation.getStatus()
          + ": its offerings can only be retired.");
    }
    String summary = difference(offering.asInput(), checked);
    if (summary.isEmpty()) {
      throw new InvalidRequestException("offering", "Nothing changed: the offering already reads so.");
    }
    offering.apply(checked, caller.userId(), clock.instant());
    offerings.flush();
    changes.save(new OfferingChange(offering.getId(), offering.getVersion(), caller.userId(), clock.instant(),
        "CHANGED", summary));
    return offering;
  }

  @Override
  @Transactional(readOnly = true)
  public long countNotRetired(String designationId) {
    return offerings.countByDesignationIdAndStatusNot(designationId, Offering.Status.RETIRED);
  }

  @Override
  @Transactional(readOnly = true)
  public java.util.Map<String, Long> countByStatus(String designationId) {
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (Offering.Status status : Offering.Status.values()) {
      counts.put(status.name(), 0L);
    }
    offerings.countByStatus(designationId).forEach(row -> counts.put(row[0].toString(), (Long) row[1]));
    return counts;
  }

  @Transactional(readOnly = true)
  public Offering require(Long offeringId) {
    return offerings.findById(offeringId == null ? -1L : offeringId)
        .orElseThrow(() -> new NotFoundException("No marketplace offering with id '" + offeringId + "'."));
  }

  /** A page of an offering's changes, oldest first. */
  @Transactional(readOnly = true)
  public List<OfferingChange> changes(Long offeringId, int page, int size) {
    return changes.findByOfferingIdOrderByIdAsc(offeringId, PageRequest.of(page, size));
  }

  private Designation requireDirected(String designationId, Caller caller) {
    Designation designation = designations.find(designationId)
        .orElseThrow(() -> new NotFoundException("No designation with id '" + designationId + "'."));
    if (!caller.directs(designation.getAgencyCode())) {
      throw new ForbiddenException("Only the QSMO directors of " + designation.getAgencyCode() + " keep the "
          + "marketplace of " + designation.getId() + ".");
    }
    return designation;
  }

  /** Every field checked, in the order of the form; the first wrong one answers. */
  OfferingInput checked(OfferingInput input) {
    if (input == null) {
      throw new InvalidRequestException("name", "Send the offering: name, providerType, provider, status, and "
          + "optionally description, contractVehicle, customerAgencies.");
    }
    String name = required("name", "Name", input.name(), 200);
    String description = input.description() == null || input.description().isBlank() ? null
        : Inputs.checkedText("description", "Description", input.description(), Inputs.MAX_TEXT);
    if (input.providerType() == null) {
      throw new InvalidRequestException("providerType", "Say who provides it: FEDERAL or COMMERCIAL.");
    }
    String provider = required("provider", "Provider", input.provider(), 200);
    String vehicle = input.contractVehicle() == null || input.contractVehicle().isBlank() ? null
        : Inputs.checkedText("contractVehicle", "Contract vehicle", input.contractVehicle(), 200);
    if (input.status() == null) {
      throw new InvalidRequestException("status", "Give the status: PLANNED, AVAILABLE or RETIRED.");
    }
    if (input.status() == Offering.Status.AVAILABLE && vehicle == null) {
      throw new InvalidRequestException("contractVehicle", "An available offering names the contract vehicle "
          + "agencies buy it through; record it, or keep the offering planned.");
    }
    Set<String> customers = new TreeSet<>();
    if (input.customerAgencies() != null) {
      if (input.customerAgencies().size() > MAX_CUSTOMERS) {
        throw new InvalidRequestException("customerAgencies", "Name at most " + MAX_CUSTOMERS + " agencies.");
      }
      for (String code : input.customerAgencies()) {
        customers.add(referenceData.requireAgency("customerAgencies", code == null ? "" : code.strip()).getCode());
      }
    }
    return new OfferingInput(name, description, input.providerType(), provider, vehicle, input.status(), customers);
  }

  private static String required(String field, String label, String text, int max) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException(field, "Give the " + label.toLowerCase() + ".");
    }
    return Inputs.checkedText(field, label, text.strip(), max);
  }

  private static String describe(OfferingInput input) {
    return input.name() + " (" + input.providerType() + ", " + input.provider() + "), " + input.status()
        + (input.contractVehicle() == null ? "" : ", through " + input.contractVehicle());
  }

  /** What changed, field by field ("status: PLANNED to AVAILABLE; ..."); empty when nothing did. */
  static String difference(OfferingInput before, OfferingInput after) {
    List<String> changed = new ArrayList<>();
    field(changed, "name", before.name(), after.name());
    field(changed, "description", before.description(), after.description());
    field(changed, "provider type", before.providerType(), after.providerType());
    field(changed, "provider", before.provider(), after.provider());
    field(changed, "contract vehicle", before.contractVehicle(), after.contractVehicle());
    field(changed, "status", before.status(), after.status());
    field(changed, "customer agencies", String.join(", ", before.customerAgencies()),
        String.join(", ", after.customerAgencies()));
    return String.join("; ", changed);
  }

  private static void field(List<String> changed, String label, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(label + ": " + (before == null || before.toString().isEmpty() ? "none" : before) + " to "
          + (after == null || after.toString().isEmpty() ? "none" : after));
    }
  }
}
