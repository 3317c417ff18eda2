package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/designations")
@Tag(name = "Designations", description = "QSMO designations, their plan versions and audit trail")
class DesignationController {

  private final DesignationService designations;

  DesignationController(DesignationService designations) {
    this.designations = designations;
  }

  record DesignationView(String id, String functionalAreaCode, String agencyCode, String scope,
      LocalDate planDueDate, DesignationStatus status, String processInstanceId, String createdBy,
      Instant createdAt, Instant updatedAt) {

    static DesignationView of(Designation d) {
      return new DesignationView(d.getId(), d.getFunctionalAreaCode(), d.getAgencyCode(), d.getScope(),
          d.getPlanDueDate(), d.getStatus(), d.getProcessInstanceId(), d.getCreatedBy(), d.getCreatedAt(),
          d.getUpdatedAt());
    }
  }

  record EventView(Instant occurredAt, String actor, String action, DesignationStatus status, String reason) {
  }

  record PlanVersionView(int versionNumber, String submittedBy, Instant submittedAt, Map<String, String> sections) {
  }

  @GetMapping
  @Operation(summary = "List designations, newest first (a QSMO director sees their own agencies' only)")
  List<DesignationView> list(Authentication caller) {
    return designations.all().stream().filter(d -> visible(d, caller)).map(DesignationView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one designation")
  DesignationView get(@PathVariable String id, Authentication caller) {
    return DesignationView.of(requireVisible(id, caller));
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "The designation's audit trail: who did what, when and why")
  List<EventView> history(@PathVariable String id, Authentication caller) {
    return designations.history(requireVisible(id, caller).getId()).stream()
        .map(e -> new EventView(e.getOccurredAt(), e.getActor(), e.getAction(), e.getStatus(), e.getReason()))
        .toList();
  }

  @GetMapping("/{id}/plan-versions")
  @Operation(summary = "Every submitted version of the Marketplace Implementation Plan")
  List<PlanVersionView> planVersions(@PathVariable String id, Authentication caller) {
    return designations.planVersions(requireVisible(id, caller).getId()).stream().map(p -> {
      Map<String, String> sections = new LinkedHashMap<>();
      p.sections().forEach((section, text) -> sections.put(section.key(), text));
      return new PlanVersionView(p.getVersionNumber(), p.getSubmittedBy(), p.getSubmittedAt(), sections);
    }).toList();
  }

  /** The designation, or 404 for a caller who may not know it (another agency's director). */
  private Designation requireVisible(String id, Authentication caller) {
    Designation designation = designations.require(id);
    if (!visible(designation, caller)) {
      throw new NotFoundException("No designation with id '" + id + "'.");
    }
    return designation;
  }

  private static boolean visible(Designation designation, Authentication caller) {
    Set<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    return groups.stream().anyMatch(Roles.READ_ALL_DESIGNATIONS::contains)
        || Roles.agenciesDirected(groups).contains(designation.getAgencyCode());
  }
}
