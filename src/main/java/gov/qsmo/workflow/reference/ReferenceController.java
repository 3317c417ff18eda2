package gov.qsmo.workflow.reference;

import gov.qsmo.workflow.reference.ReferenceData.AgencyInput;
import gov.qsmo.workflow.reference.ReferenceData.FunctionalAreaInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agencies and functional areas: every signed-in user reads them; OMB deciders add, change, retire and
 * restore them (ADR 0020). A retired agency or area stays readable (records name it) but takes no new work.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Reference data", description = "Agencies and functional areas, maintained by OMB")
class ReferenceController {

  private static final int MAX_PAGE_SIZE = 100;

  private final ReferenceData referenceData;

  ReferenceController(ReferenceData referenceData) {
    this.referenceData = referenceData;
  }

  record AgencyView(String code, String name, String shortName, boolean active, Instant retiredAt) {
    static AgencyView of(Agency a) {
      return new AgencyView(a.getCode(), a.getName(), a.getShortName(), a.isActive(), a.getRetiredAt());
    }
  }

  record FunctionalAreaView(String code, String name, String description, String leadAgencyCode, boolean active,
      Instant retiredAt) {
    static FunctionalAreaView of(FunctionalArea f) {
      return new FunctionalAreaView(f.getCode(), f.getName(), f.getDescription(), f.getLeadAgencyCode(), f.isActive(),
          f.getRetiredAt());
    }
  }

  record ChangeView(String action, String detail, String changedBy, Instant changedAt) {
  }

  /** An agency's new name; the code in the path never changes. */
  record AgencyChange(String name, String shortName) {
  }

  /** A functional area's new name, description and lead agency; the code in the path never changes. */
  record FunctionalAreaChange(String name, String description, String leadAgencyCode) {
  }

  // ---------------------------------------------------------------- agencies

  @GetMapping("/agencies")
  @Operation(summary = "List agencies", description = "Active ones only unless includeRetired=true.")
  List<AgencyView> agencies(@RequestParam(defaultValue = "false") boolean includeRetired) {
    return referenceData.agencies().stream().filter(a -> includeRetired || a.isActive()).map(AgencyView::of).toList();
  }

  @GetMapping("/agencies/{code}")
  @Operation(summary = "One agency, active or retired")
  AgencyView agency(@PathVariable String code) {
    return AgencyView.of(referenceData.agency(code));
  }

  @GetMapping("/agencies/{code}/changes")
  @Operation(summary = "Who changed the agency, how and when (newest first, paged)")
  List<ChangeView> agencyChanges(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    referenceData.agency(code);
    return changes(ReferenceKind.AGENCY, code, page, size);
  }

  @PostMapping("/agencies")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add an agency (OMB deciders)",
      description = "Creates its groups agency-<code> and qsmo-directors-<code> at once; the forms offer it at once.")
  AgencyView addAgency(@RequestBody AgencyInput input, Authentication caller) {
    return AgencyView.of(referenceData.addAgency(input, caller.getName()));
  }

  @PutMapping("/agencies/{code}")
  @Operation(summary = "Rename an agency (OMB deciders); its code never changes")
  AgencyView changeAgency(@PathVariable String code, @RequestBody AgencyChange change, Authentication caller) {
    return AgencyView.of(referenceData.changeAgency(code, new AgencyInput(null, change.name(), change.shortName()),
        caller.getName()));
  }

  @PostMapping("/agencies/{code}/retirement")
  @Operation(summary = "Retire an agency (OMB deciders)",
      description = "Refused with 409, naming them, while live designations or RFIs use it or it leads an active area.")
  AgencyView retireAgency(@PathVariable String code, Authentication caller) {
    return AgencyView.of(referenceData.retireAgency(code, caller.getName()));
  }

  @DeleteMapping("/agencies/{code}/retirement")
  @Operation(summary = "Restore a retired agency (OMB deciders)")
  AgencyView restoreAgency(@PathVariable String code, Authentication caller) {
    return AgencyView.of(referenceData.restoreAgency(code, caller.getName()));
  }

  // ---------------------------------------------------------------- functional areas

  @GetMapping("/functional-areas")
  @Operation(summary = "List functional areas", description = "Active ones only unless includeRetired=true.")
  List<FunctionalAreaView> functionalAreas(@RequestParam(defaultValue = "false") boolean includeRetired) {
    return referenceData.functionalAreas().stream().filter(f -> includeRetired || f.isActive())
        .map(FunctionalAreaView::of).toList();
  }

  @GetMapping("/functional-areas/{code}")
  @Operation(summary = "One functional area, active or retired")
  FunctionalAreaView functionalArea(@PathVariable String code) {
    return FunctionalAreaView.of(referenceData.area(code));
  }

  @GetMapping("/functional-areas/{code}/changes")
  @Operation(summary = "Who changed the functional area, how and when (newest first, paged)")
  List<ChangeView> functionalAreaChanges(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    referenceData.area(code);
    return changes(ReferenceKind.FUNCTIONAL_AREA, code, page, size);
  }

  @PostMapping("/functional-areas")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a functional area (OMB deciders)",
      description = "The designation start form offers it at once, with no release and no restart.")
  FunctionalAreaView addFunctionalArea(@RequestBody FunctionalAreaInput input, Authentication caller) {
    return FunctionalAreaView.of(referenceData.addFunctionalArea(input, caller.getName()));
  }

  @PutMapping("/functional-areas/{code}")
  @Operation(summary = "Change a functional area's name, description or lead agency (OMB deciders)")
  FunctionalAreaView changeFunctionalArea(@PathVariable String code, @RequestBody FunctionalAreaChange change,
      Authentication caller) {
    return FunctionalAreaView.of(referenceData.changeFunctionalArea(code,
        new FunctionalAreaInput(null, change.name(), change.description(), change.leadAgencyCode()), caller.getName()));
  }

  @PostMapping("/functional-areas/{code}/retirement")
  @Operation(summary = "Retire a functional area (OMB deciders)",
      description = "Refused with 409, naming them, while live designations use it.")
  FunctionalAreaView retireFunctionalArea(@PathVariable String code, Authentication caller) {
    return FunctionalAreaView.of(referenceData.retireFunctionalArea(code, caller.getName()));
  }

  @DeleteMapping("/functional-areas/{code}/retirement")
  @Operation(summary = "Restore a retired functional area (OMB deciders)")
  FunctionalAreaView restoreFunctionalArea(@PathVariable String code, Authentication caller) {
    return FunctionalAreaView.of(referenceData.restoreFunctionalArea(code, caller.getName()));
  }

  private List<ChangeView> changes(ReferenceKind kind, String code, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new gov.qsmo.workflow.shared.InvalidRequestException("size",
          "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE + ".");
    }
    return referenceData.history(kind, code, page, size).stream()
        .map(c -> new ChangeView(c.getAction().name(), c.getDetail(), c.getChangedBy(), c.getChangedAt())).toList();
  }
}
