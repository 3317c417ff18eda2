package gov.qsmo.workflow.rfi.scoring;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reviewer's scores of one response, one per criterion. Locked once submitted: a correction is a
 * new sheet with the next version, and the old one stays.
 */
@Entity
@Table(name = "rfi_score_sheet")
public class ScoreSheet {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
  @Column(name = "assignment_id", nullable = false, updatable = false)
  public Long assignmentId;
  @Column(nullable = false, updatable = false)
  public int version;
  @Column(name = "submitted_by", nullable = false, updatable = false)
  String submittedBy;
  @Column(name = "submitted_at", nullable = false, updatable = false)
  public Instant submittedAt;

  /** Criterion position to the score. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rfi_score", joinColumns = @JoinColumn(name = "sheet_id"))
  @MapKeyColumn(name = "criterion_position")
  public Map<Integer, Score> scores = new TreeMap<>();

  protected ScoreSheet() {
  }

  ScoreSheet(Long assignmentId, int version, String submittedBy, Instant submittedAt, Map<Integer, Score> scores) {
    this.assignmentId = assignmentId;
    this.version = version;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
    this.scores.putAll(scores);
  }

  /** The current sheet of each assignment among these: its latest version (a correction supersedes). */
  public static java.util.Map<Long, ScoreSheet> latestByAssignment(java.util.Collection<ScoreSheet> sheets) {
    java.util.Map<Long, ScoreSheet> latest = new java.util.HashMap<>();
    sheets.forEach(sheet -> latest.merge(sheet.assignmentId, sheet, (a, b) -> a.version >= b.version ? a : b));
    return latest;
  }

  /** A rating of one criterion with the reviewer's reasons. */
  @Embeddable
  public static class Score {
    @Column(nullable = false, updatable = false)
    public int rating;
    @Column(updatable = false)
    public String strengths;
    @Column(updatable = false)
    public String weaknesses;
    @Column(nullable = false, updatable = false)
    public String rationale;

    protected Score() {
    }

    Score(int rating, String strengths, String weaknesses, String rationale) {
      this.rating = rating;
      this.strengths = strengths;
      this.weaknesses = weaknesses;
      this.rationale = rationale;
    }
  }
}
