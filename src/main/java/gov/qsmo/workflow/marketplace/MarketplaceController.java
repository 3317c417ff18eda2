package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.designation.ServiceOffering.ProviderType;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The marketplace catalog: any federal user browses it across QSMOs; a QSMO's directors add and change its
 * offerings, each change recorded.
 */
@RestController
@Tag(name = "Marketplace", description = "Each designated QSMO's offerings, and the catalog across QSMOs")
class MarketplaceController {

  static final int MAX_PAGE = 200;

  private final MarketplaceService marketplace;
  private final MarketplaceCatalog catalog;

  MarketplaceController(MarketplaceService marketplace, MarketplaceCatalog catalog) {
    this.marketplace = marketplace;
    this.catalog = catalog;
  }

  record OfferingRequest(String name, String description, String providerType, String provider,
      String contractVehicle, String status, List<String> customerAgencies, Integer version) {
  }

  record OfferingView(long id, String designationId, String name, String description, ProviderType providerType,
      String provider, String contractVehicle, Offering.Status status, Set<String> customerAgencies,
      Offering.Source source, String rfiId, String responseId, int version, String updatedBy, Instant updatedAt) {

    static OfferingView of(Offering o) {
      return new OfferingView(o.getId(), o.getDesignationId(), o.getName(), o.getDescription(), o.getProviderType(),
          o.getProvider(), o.getContractVehicle(), o.getStatus(), o.getCustomerAgencies(), o.getSource(),
          o.getRfiId(), o.getResponseId(), o.getVersion(), o.getUpdatedBy(), o.getUpdatedAt());
    }
  }

  record ChangeView(int version, String changedBy, Instant changedAt, String action, String summary) {
  }

  @GetMapping("/api/marketplace/offerings")
  @Operation(summary = "Browse the catalog across QSMOs (any federal user)",
      description = "Filters, each optional: area (functional area code), designationId, status (PLANNED, AVAILABLE, "
          + "RETIRED), providerType (FEDERAL, COMMERCIAL), customer (an agency code), q (words in the name, provider, "
          + "description or contract vehicle). Paged: page from 0, size 1 to 200; the answer gives the total.")
  MarketplaceCatalog.Page browse(@RequestParam(required = false) String area,
      @RequestParam(required = false) String designationId, @RequestParam(required = false) String status,
      @RequestParam(required = false) String providerType, @RequestParam(required = false) String customer,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidRequestException("page", "page starts at 0.");
    }
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidRequestException("size", "size is 1 to " + MAX_PAGE + ".");
    }
    String words = blankToNull(q);
    if (words != null && words.length() > 100) {
      throw new InvalidRequestException("q", "Search with at most 100 characters.");
    }
    ProviderType type = providerType(providerType);
    return catalog.page(new MarketplaceCatalog.Filter(upper(area), upper(designationId), status(status),
        type == null ? null : type.name(), upper(customer), words), page, size);
  }

  @GetMapping("/api/marketplace/offerings/{offeringId}")
  @Operation(summary = "One offering, with its version (send it back when you change the offering)")
  OfferingView get(@PathVariable Long offeringId) {
    return OfferingView.of(marketplace.require(offeringId));
  }

  @GetMapping("/api/marketplace/offerings/{offeringId}/changes")
  @Operation(summary = "Every change of an offering, oldest first: who, when, what changed (paged)")
  List<ChangeView> changes(@PathVariable Long offeringId, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new InvalidRequestException("size", "page starts at 0; size is 1 to " + MAX_PAGE + ".");
    }
    return marketplace.changes(marketplace.require(offeringId).getId(), page, size).stream()
        .map(c -> new ChangeView(c.getVersion(), c.getChangedBy(), c.getChangedAt(), c.getAction(), c.getSummary()))
        .toList();
  }

  @PostMapping("/api/designations/{id}/offerings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add an offering to a QSMO's marketplace (its QSMO directors)",
      description = "name, providerType (FEDERAL, COMMERCIAL), provider, status (PLANNED, AVAILABLE, RETIRED; "
          + "AVAILABLE needs contractVehicle), description, customerAgencies (agency codes). 403 for anyone but the "
          + "designation's agency's directors; 409 unless the QSMO is designated.")
  OfferingView add(@PathVariable String id, @RequestBody(required = false) OfferingRequest request,
      Authentication caller) {
    return OfferingView.of(marketplace.add(upper(id), input(request), Caller.of(caller)));
  }

  @PutMapping("/api/marketplace/offerings/{offeringId}")
  @Operation(summary = "Change an offering (its QSMO's directors): the whole offering as it will read, and the "
      + "version you read (409 when someone changed it since)")
  OfferingView change(@PathVariable Long offeringId, @RequestBody(required = false) OfferingRequest request,
      Authentication caller) {
    if (request == null || request.version() == null) {
      throw new InvalidRequestException("version", "Send the version you read (GET the offering first), with the "
          + "offering as it will read.");
    }
    return OfferingView.of(marketplace.change(offeringId, request.version(), input(request), Caller.of(caller)));
  }

  private static OfferingInput input(OfferingRequest request) {
    if (request == null) {
      return null;
    }
    return new OfferingInput(request.name(), request.description(), providerType(request.providerType()),
        request.provider(), request.contractVehicle(), status(request.status()),
        request.customerAgencies() == null ? Set.of() : new java.util.TreeSet<>(request.customerAgencies().stream()
            .map(code -> code == null ? "" : code.strip().toUpperCase(Locale.ROOT)).toList()));
  }

  private static Offering.Status status(String status) {
    return status == null || status.isBlank() ? null : choice("status", status, Offering.Status.class);
  }

  private static ProviderType providerType(String type) {
    return type == null || type.isBlank() ? null : choice("providerType", type, ProviderType.class);
  }

  private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, "'" + value + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()) + ".");
    }
  }

  private static String upper(String code) {
    String text = blankToNull(code);
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
