package gov.qsmo.workflow.designation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One board review of one plan version, or of one annual or ordered assessment of a designated QSMO (then
 * {@code assessmentId} is set and there is no plan version): its window and its roster (eligible and recused members).
 */
@Entity
@Table(name = "board_round")
public class BoardRound {

  /** A board member in this round: eligible to vote, or recused with the reason. */
  @Embeddable
  public record RosterEntry(
      @Column(name = "member_id", nullable = false) String memberId,
      @Column(name = "agency_code") String agencyCode,
      @Column(nullable = false) boolean recused,
      @Column(name = "recusal_reason") String recusalReason) {
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "designation_id", nullable = false, updatable = false)
  private String designationId;

  @Column(name = "round_number", nullable = false, updatable = false)
  private int roundNumber;

  @Column(name = "plan_version_number", updatable = false)
  private Integer planVersionNumber;

  @Column(name = "assessment_id", updatable = false)
  private Long assessmentId;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "closes_at", nullable = false)
  private Instant closesAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Enumerated(EnumType.STRING)
  private BoardRecommendation recommendation;

  @Column(name = "recommendation_comments")
  private String recommendationComments;

  @Column(name = "consolidated_by")
  private String consolidatedBy;

  @Column(name = "consolidated_at")
  private Instant consolidatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "board_round_member", joinColumns = @JoinColumn(name = "round_id"))
  private List<RosterEntry> roster = new ArrayList<>();

  protected BoardRound() {
  }

  BoardRound(String designationId, int roundNumber, Integer planVersionNumber, Long assessmentId, Instant openedAt,
      Instant closesAt, List<RosterEntry> roster) {
    this.designationId = designationId;
    this.roundNumber = roundNumber;
    this.planVersionNumber = planVersionNumber;
    this.assessmentId = assessmentId;
    this.openedAt = openedAt;
    this.closesAt = closesAt;
    this.roster = new ArrayList<>(roster);
  }

  void close(Instant now) {
    this.closedAt = now;
  }

  void reopenUntil(Instant newClosesAt) {
    this.closesAt = newClosesAt;
    this.closedAt = null;
  }

  void consolidate(BoardRecommendation recommendation, String comments, String chair, Instant now) {
    this.recommendation = recommendation;
    this.recommendationComments = comments;
    this.consolidatedBy = chair;
    this.consolidatedAt = now;
  }

  public BoardRecommendation getRecommendation() {
    return recommendation;
  }

  public String getRecommendationComments() {
    return recommendationComments;
  }

  public String getConsolidatedBy() {
    return consolidatedBy;
  }

  public Instant getConsolidatedAt() {
    return consolidatedAt;
  }

  public boolean isOpen() {
    return closedAt == null;
  }

  public List<String> eligibleMembers() {
    return roster.stream().filter(r -> !r.recused()).map(RosterEntry::memberId).toList();
  }

  public List<RosterEntry> recusals() {
    return roster.stream().filter(RosterEntry::recused).toList();
  }

  public Long getId() {
    return id;
  }

  public String getDesignationId() {
    return designationId;
  }

  public int getRoundNumber() {
    return roundNumber;
  }

  /** The plan version reviewed; null in a round of an assessment. */
  public Integer getPlanVersionNumber() {
    return planVersionNumber;
  }

  /** The assessment reviewed; null in a round of a plan. */
  public Long getAssessmentId() {
    return assessmentId;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public List<RosterEntry> getRoster() {
    return List.copyOf(roster);
  }
}
