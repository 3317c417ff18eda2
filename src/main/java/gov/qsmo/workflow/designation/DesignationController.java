package gov.qsmo.workflow.designation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  @Operation(summary = "List designations, newest first")
  List<DesignationView> list() {
    return designations.all().stream().map(DesignationView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one designation")
  DesignationView get(@PathVariable String id) {
    return DesignationView.of(designations.require(id));
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "The designation's audit trail: who did what, when and why")
  List<EventView> history(@PathVariable String id) {
    return designations.history(id).stream()
        .map(e -> new EventView(e.getOccurredAt(), e.getActor(), e.getAction(), e.getStatus(), e.getReason()))
        .toList();
  }

  @GetMapping("/{id}/plan-versions")
  @Operation(summary = "Every submitted version of the Marketplace Implementation Plan")
  List<PlanVersionView> planVersions(@PathVariable String id) {
    return designations.planVersions(id).stream().map(p -> {
      Map<String, String> sections = new LinkedHashMap<>();
      p.sections().forEach((section, text) -> sections.put(section.key(), text));
      return new PlanVersionView(p.getVersionNumber(), p.getSubmittedBy(), p.getSubmittedAt(), sections);
    }).toList();
  }
}
