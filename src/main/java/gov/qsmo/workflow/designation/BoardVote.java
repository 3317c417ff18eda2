package gov.qsmo.workflow.designation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One board member's vote in one round, with comments per plan section. Never changed once cast. */
@Entity
@Table(name = "board_vote")
public class BoardVote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "round_id", nullable = false, updatable = false)
  private Long roundId;

  @Column(name = "member_id", nullable = false, updatable = false)
  private String memberId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private BoardRecommendation recommendation;

  @Column(updatable = false)
  private String comments;

  @Column(name = "proposed_conditions", updatable = false)
  private String proposedConditions;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "board_vote_comment", joinColumns = @JoinColumn(name = "vote_id"))
  @MapKeyColumn(name = "section")
  @Column(name = "comment")
  private Map<String, String> sectionComments = new LinkedHashMap<>();

  protected BoardVote() {
  }

  BoardVote(Long roundId, String memberId, BoardRecommendation recommendation, String comments,
      String proposedConditions, Map<PlanSection, String> sectionComments, Instant submittedAt) {
    this.roundId = roundId;
    this.memberId = memberId;
    this.recommendation = recommendation;
    this.comments = comments;
    this.proposedConditions = proposedConditions;
    this.submittedAt = submittedAt;
    sectionComments.forEach((section, comment) -> this.sectionComments.put(section.key(), comment));
  }

  public Long getId() {
    return id;
  }

  public Long getRoundId() {
    return roundId;
  }

  public String getMemberId() {
    return memberId;
  }

  public BoardRecommendation getRecommendation() {
    return recommendation;
  }

  public String getComments() {
    return comments;
  }

  public String getProposedConditions() {
    return proposedConditions;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Map<String, String> getSectionComments() {
    return Map.copyOf(sectionComments);
  }
}
