package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.rfi.plan.RfiPlanService;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ListIndexBase;

/**
 * A Request for Information and its evaluation plan: topics, criteria with weights, and the rating
 * scale with a definition per level. Once the plan is approved ({@link #planApprovedAt}) nothing of
 * the plan changes; {@link RfiPlanService} refuses it.
 */
@Entity
@Table(name = "rfi")
public class Rfi {

  @Id
  public String id;
  @Column(nullable = false)
  public String title;
  @Column(nullable = false)
  public String description;
  @Column(name = "agency_code", nullable = false)
  public String agencyCode;
  /** The designated QSMO whose marketplace the RFI serves (ADR 0027); null for an RFI of an agency with none. */
  @Column(name = "designation_id")
  public String designationId;
  @Column(name = "closes_at", nullable = false)
  public Instant closesAt;
  @Column(name = "allow_late", nullable = false)
  public boolean allowLate;
  @Column(name = "panel_chair_id", nullable = false)
  public String panelChairId;
  @Enumerated(EnumType.STRING)
  @Column(name = "scale_type", nullable = false)
  public ScaleType scaleType;
  @Column(name = "reviewers_per_response")
  public Integer reviewersPerResponse;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public RfiStatus status;
  @Column(name = "plan_approved_at")
  public Instant planApprovedAt;
  @Column(name = "plan_approved_by")
  public String planApprovedBy;
  @Column(name = "screening_confirmed_at")
  public Instant screeningConfirmedAt;
  @Column(name = "scoring_due_at")
  public Instant scoringDueAt;
  @Column(name = "process_instance_id")
  public String processInstanceId;
  @Column(name = "created_by", nullable = false, updatable = false)
  String createdBy;
  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;
  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rfi_topic", joinColumns = @JoinColumn(name = "rfi_id"))
  @OrderColumn(name = "position")
  @ListIndexBase(1)
  @Column(name = "topic")
  public List<String> topics = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rfi_criterion", joinColumns = @JoinColumn(name = "rfi_id"))
  @OrderBy("position")
  public List<Criterion> criteria = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rfi_scale_level", joinColumns = @JoinColumn(name = "rfi_id"))
  @OrderBy("value")
  public List<ScaleLevel> scale = new ArrayList<>();

  protected Rfi() {
  }

  /** Who drafted the RFI's plan. */
  public String createdBy() {
    return createdBy;
  }

  public Rfi(String id, String createdBy, Instant now) {
    this.id = id;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
    this.status = RfiStatus.PLAN_DRAFTED;
  }

  public boolean planFrozen() {
    return planApprovedAt != null;
  }

  public Criterion criterion(int position) {
    return criteria.stream().filter(c -> c.position == position).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("RFI " + id + " has no criterion " + position));
  }

  public ScaleLevel level(int value) {
    return scale.stream().filter(l -> l.value == value).findFirst().orElse(null);
  }

  public int lowestLevel() {
    return scale.stream().mapToInt(l -> l.value).min().orElse(1);
  }

  public int highestLevel() {
    return scale.stream().mapToInt(l -> l.value).max().orElse(5);
  }

  /** "The rating of 'Commercial solutions'": a form slot's criterion by its name, for messages. */
  public String ratingLabel(int slot, String what) {
    return criteria.stream().filter(c -> c.position == slot).findFirst()
        .map(c -> "The " + what + " of '" + c.name + "'").orElse("The " + what + " " + slot);
  }

  /** "on the scale (1 to 5)", for messages. */
  public String onTheScale() {
    return "on the scale (" + lowestLevel() + " to " + highestLevel() + ")";
  }

  /** One evaluation criterion: its name, guidance for reviewers, and weight (percent; all total 100). */
  @Embeddable
  public static class Criterion {
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String guidance;
    @Column(nullable = false)
    public int weight;

    protected Criterion() {
    }

    public Criterion(int position, String name, String guidance, int weight) {
      this.position = position;
      this.name = name;
      this.guidance = guidance;
      this.weight = weight;
    }
  }

  /** One level of the rating scale, with the written definition reviewers rate against. */
  @Embeddable
  public static class ScaleLevel {
    @Column(nullable = false)
    public int value;
    @Column(nullable = false)
    public String label;
    @Column(nullable = false)
    public String definition;

    protected ScaleLevel() {
    }

    public ScaleLevel(int value, String label, String definition) {
      this.value = value;
      this.label = label;
      this.definition = definition;
    }
  }
}
