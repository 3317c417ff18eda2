package gov.qsmo.workflow.designation.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The move of a QSMO from the designation it supersedes to its successor: when each milestone was reached, and when
 * OMB closed the transition. A milestone once reached stays reached.
 */
@Entity
@Table(name = "designation_transition")
public class Transition {

  /** The milestones of a transition, in the order they usually come. */
  public enum Milestone {
    SERVICES_MIGRATED("Services migrated to the successor"),
    AGENCIES_MOVED("Customer agencies moved"),
    OFFERINGS_RETIRED("The old QSMO's offerings retired");

    private final String words;

    Milestone(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "from_designation_id", nullable = false, updatable = false)
  private String fromDesignationId;

  @Column(name = "to_designation_id", nullable = false, updatable = false)
  private String toDesignationId;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "services_migrated_at")
  private Instant servicesMigratedAt;

  @Column(name = "agencies_moved_at")
  private Instant agenciesMovedAt;

  @Column(name = "offerings_retired_at")
  private Instant offeringsRetiredAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by")
  private String closedBy;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected Transition() {
  }

  Transition(String fromDesignationId, String toDesignationId, Instant startedAt) {
    this.fromDesignationId = fromDesignationId;
    this.toDesignationId = toDesignationId;
    this.startedAt = startedAt;
  }

  /** When this milestone was reached, or null. */
  public Instant reachedAt(Milestone milestone) {
    return switch (milestone) {
      case SERVICES_MIGRATED -> servicesMigratedAt;
      case AGENCIES_MOVED -> agenciesMovedAt;
      case OFFERINGS_RETIRED -> offeringsRetiredAt;
    };
  }

  /** Records the milestone as reached now, unless it was already; returns whether it is new. */
  boolean reach(Milestone milestone, Instant now) {
    if (reachedAt(milestone) != null) {
      return false;
    }
    switch (milestone) {
      case SERVICES_MIGRATED -> servicesMigratedAt = now;
      case AGENCIES_MOVED -> agenciesMovedAt = now;
      case OFFERINGS_RETIRED -> offeringsRetiredAt = now;
      default -> throw new IllegalStateException(milestone.name());
    }
    return true;
  }

  public boolean allReached() {
    return java.util.Arrays.stream(Milestone.values()).allMatch(m -> reachedAt(m) != null);
  }

  void close(String actor, Instant now) {
    this.closedAt = now;
    this.closedBy = actor;
  }

  void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public String getFromDesignationId() {
    return fromDesignationId;
  }

  public String getToDesignationId() {
    return toDesignationId;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
