package gov.qsmo.workflow.rfi.panel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member of an RFI's review panel: the chair (who does not score) or a reviewer. Before seeing any
 * response a member signs the conflict-of-interest and non-disclosure attestation and names the
 * responses they have a conflict with; they are recused from those.
 */
@Entity
@Table(name = "rfi_panel_member")
@IdClass(PanelMember.Key.class)
public class PanelMember {

  public enum Role { CHAIR, REVIEWER }

  @Id
  @Column(name = "rfi_id")
  String rfiId;
  @Id
  @Column(name = "user_id")
  public String userId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Role role;
  @Column(name = "added_at", nullable = false)
  Instant addedAt;
  @Column(name = "added_by", nullable = false)
  String addedBy;
  @Column(name = "attested_at")
  public Instant attestedAt;
  @Column(name = "attestation_version")
  public String attestationVersion;
  @Column(name = "conflict_statement")
  public String conflictStatement;

  /** Ids of the responses this member is recused from. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rfi_conflict", joinColumns = {@JoinColumn(name = "rfi_id"), @JoinColumn(name = "user_id")})
  @Column(name = "response_id")
  public Set<String> conflicts = new TreeSet<>();

  protected PanelMember() {
  }

  PanelMember(String rfiId, String userId, Role role, String addedBy, Instant addedAt) {
    this.rfiId = rfiId;
    this.userId = userId;
    this.role = role;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  public boolean attested() {
    return attestedAt != null;
  }

  static class Key implements Serializable {
    String rfiId;
    String userId;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(rfiId, k.rfiId) && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(rfiId, userId);
    }
  }
}
