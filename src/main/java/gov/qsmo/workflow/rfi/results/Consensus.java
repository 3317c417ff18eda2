package gov.qsmo.workflow.rfi.results;

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
 * The chair's consensus on one response: a rating and rationale per criterion, and any dissent. The
 * reviewers' own score sheets are never changed to match it. A response the director returns gets a
 * new version.
 */
@Entity
@Table(name = "rfi_consensus")
public class Consensus {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;
  @Column(name = "rfi_id", nullable = false, updatable = false)
  String rfiId;
  @Column(name = "response_id", nullable = false, updatable = false)
  String responseId;
  @Column(nullable = false, updatable = false)
  public int version;
  @Column(updatable = false)
  public String dissent;
  @Column(name = "recorded_by", nullable = false, updatable = false)
  String recordedBy;
  @Column(name = "recorded_at", nullable = false, updatable = false)
  Instant recordedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rfi_consensus_rating", joinColumns = @JoinColumn(name = "consensus_id"))
  @MapKeyColumn(name = "criterion_position")
  public Map<Integer, Rating> ratings = new TreeMap<>();

  protected Consensus() {
  }

  Consensus(String rfiId, String responseId, int version, String dissent, String recordedBy, Instant recordedAt,
      Map<Integer, Rating> ratings) {
    this.rfiId = rfiId;
    this.responseId = responseId;
    this.version = version;
    this.dissent = dissent;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.ratings.putAll(ratings);
  }

  @Embeddable
  public static class Rating {
    @Column(nullable = false, updatable = false)
    public int rating;
    @Column(updatable = false)
    public String rationale;

    protected Rating() {
    }

    Rating(int rating, String rationale) {
      this.rating = rating;
      this.rationale = rationale;
    }
  }
}
