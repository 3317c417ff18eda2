package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.PanelMember;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may read what of an RFI. Oversight (the issuing agency's QSMO directors, contracting officers,
 * auditors, administrators) reads the record; respondents' proprietary answers only the panel and
 * the contracting officer; a reviewer only the responses assigned to them and never one they are
 * recused from; scores are blind until the consensus step.
 */
@Component
public class RfiAccess {

  private final RfiService records;
  private final RfiPanelService panel;

  RfiAccess(RfiService records, RfiPanelService panel) {
    this.records = records;
    this.panel = panel;
  }

  /** The RFI, or 404 for a caller who may not know it. */
  public Rfi visible(String id, Caller caller) {
    Rfi rfi = records.require(id);
    if (!canSeeRfi(caller, rfi)) {
      throw new NotFoundException("No RFI with id '" + id + "'.");
    }
    return rfi;
  }

  /** The RFI, for a caller who may read its record (panel, oversight); 403 otherwise. */
  public Rfi record(String id, Caller caller) {
    Rfi rfi = visible(id, caller);
    if (!canSeeRecord(caller, rfi)) {
      throw new ForbiddenException("The record of " + id
          + " is for its panel and oversight (the issuing agency's QSMO directors, contracting officers, auditors).");
    }
    return rfi;
  }

  public static boolean oversight(Caller caller, Rfi rfi) {
    return caller.in(Roles.AUDITORS) || caller.in(Roles.CAMUNDA_ADMIN) || caller.in(Roles.CONTRACTING_OFFICERS)
        || caller.directs(rfi.agencyCode);
  }

  public PanelMember membership(Caller caller, Rfi rfi) {
    return panel.member(rfi.id, caller.userId());
  }

  /** May know the RFI and its plan: a published RFI anyone signed in; a draft only its authors and oversight. */
  boolean canSeeRfi(Caller caller, Rfi rfi) {
    return rfi.planFrozen() || oversight(caller, rfi) || rfi.createdBy.equals(caller.userId())
        || rfi.panelChairId.equals(caller.userId());
  }

  /** May read the RFI's record beyond its plan: the panel, audit trail, figures. */
  boolean canSeeRecord(Caller caller, Rfi rfi) {
    return oversight(caller, rfi) || membership(caller, rfi) != null || rfi.panelChairId.equals(caller.userId());
  }

  /** What one caller may see of one RFI's responses; their panel membership and the assignments are read once. */
  public Reader reader(Caller caller, Rfi rfi) {
    return new Reader(caller, rfi, membership(caller, rfi), panel.assignments(rfi.id));
  }

  public record Reader(Caller caller, Rfi rfi, PanelMember member, List<Assignment> assignments) {

    /** May see that this response exists and who sent it. */
    public boolean seesResponse(RfiResponse response) {
      if (response.submittedBy.equals(caller.userId()) || oversight(caller, rfi)) {
        return true;
      }
      if (member == null || !member.attested() || member.conflicts.contains(response.id)) {
        return false;
      }
      if (member.role == PanelMember.Role.CHAIR) {
        return true;
      }
      return assignments.stream().anyMatch(a -> a.responseId.equals(response.id)
          && a.reviewerId.equals(caller.userId()) && a.status != Assignment.Status.REASSIGNED);
    }

    /** May read the answers: the respondent, and for a proprietary response only the panel and contracting officers. */
    public boolean readsAnswers(RfiResponse response) {
      if (!seesResponse(response)) {
        return false;
      }
      return !response.proprietary || response.submittedBy.equals(caller.userId())
          || caller.in(Roles.CONTRACTING_OFFICERS) || member != null;
    }
  }

  /** Whose scores the caller may read now. */
  public enum ScoreView { ALL, OWN, NONE }

  public ScoreView scores(Caller caller, Rfi rfi) {
    PanelMember member = membership(caller, rfi);
    boolean unblinded = rfi.status.scoresUnblinded();
    if (member != null && member.role == PanelMember.Role.REVIEWER) {
      return unblinded ? ScoreView.ALL : ScoreView.OWN;
    }
    if (member != null || oversight(caller, rfi)) {
      return unblinded ? ScoreView.ALL : ScoreView.NONE;
    }
    return ScoreView.NONE;
  }
}
