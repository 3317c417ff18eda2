package gov.qsmo.workflow.rfi;

import java.time.Instant;
import java.util.List;

/** An RFI and its evaluation plan, as the API shows it. */
public record RfiView(String id, String title, String description, String agencyCode, String designationId,
    RfiStatus status,
    List<String> topics, Instant closesAt, boolean allowLate, String panelChair, ScaleType scaleType,
    List<LevelView> scale, List<CriterionView> criteria, Instant planApprovedAt, String planApprovedBy,
    Integer reviewersPerResponse, Instant scoringDueAt, String processInstanceId, String createdBy,
    Instant createdAt) {

  public static RfiView of(Rfi r) {
    return new RfiView(r.id, r.title, r.description, r.agencyCode, r.designationId, r.status, List.copyOf(r.topics), r.closesAt,
        r.allowLate, r.panelChairId, r.scaleType,
        r.scale.stream().map(l -> new LevelView(l.value, l.label, l.definition)).toList(),
        r.criteria.stream().map(c -> new CriterionView(c.position, c.name, c.weight, c.guidance)).toList(),
        r.planApprovedAt, r.planApprovedBy, r.reviewersPerResponse, r.scoringDueAt, r.processInstanceId,
        r.createdBy, r.createdAt);
  }

  public record LevelView(int value, String label, String definition) {
  }

  public record CriterionView(int position, String name, int weight, String guidance) {
  }
}
