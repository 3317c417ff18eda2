package gov.qsmo.workflow.rfi.panel;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiAccess;
import gov.qsmo.workflow.rfi.RfiApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The panel step's API: the roster with attestations and recusals, who scores what. */
@RestController
@RequestMapping(RfiApi.PATH)
@Tag(name = RfiApi.TAG, description = RfiApi.TAG_DESCRIPTION)
class RfiPanelController {

  private final RfiPanelService panel;
  private final PanelChangeService changes;
  private final RfiAccess access;

  RfiPanelController(RfiPanelService panel, PanelChangeService changes, RfiAccess access) {
    this.panel = panel;
    this.changes = changes;
    this.access = access;
  }

  record MemberView(String userId, PanelMember.Role role, Instant attestedAt, String attestationVersion,
      List<String> recusedFrom, String conflictStatement) {
  }

  @GetMapping("/{id}/panel")
  @Operation(summary = "The panel: chair and reviewers, attestations (with the text's version) and recusals")
  List<MemberView> panel(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.record(id, caller);
    boolean statements = RfiAccess.oversight(caller, rfi) || rfi.panelChairId.equals(caller.userId());
    return panel.roster(rfi.id).stream().map(m -> new MemberView(m.userId, m.role, m.attestedAt,
        m.attestationVersion, List.copyOf(m.conflicts),
        statements || m.userId.equals(caller.userId()) ? m.conflictStatement : null)).toList();
  }

  record AssignmentView(long id, String responseId, String reviewerId, Assignment.Status status, Instant assignedAt,
      Instant closedAt) {
  }

  @GetMapping("/{id}/assignments")
  @Operation(summary = "Who scores what: a reviewer sees their own assignments, the chair and oversight all")
  List<AssignmentView> assignments(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.record(id, caller);
    PanelMember member = access.membership(caller, rfi);
    boolean own = member != null && member.role == PanelMember.Role.REVIEWER;
    return panel.assignments(rfi.id).stream().filter(a -> !own || a.reviewerId.equals(caller.userId()))
        .map(a -> new AssignmentView(a.id, a.responseId, a.reviewerId, a.status, a.assignedAt, a.closedAt)).toList();
  }

  record ReplacementRequest(String member, String replacement, String reason) {
  }

  @PostMapping("/{id}/panel/replacements")
  @Operation(summary = "The panel chair replaces a reviewer who has not signed the attestation (while the panel "
      + "attests), with a reason; the attestation task goes to the new member")
  MemberView replace(@PathVariable String id, @RequestBody ReplacementRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.record(id, caller);
    ReplacementRequest body = request == null ? new ReplacementRequest(null, null, null) : request;
    PanelMember added = changes.replaceUnsignedMember(rfi.id, body.member(), body.replacement(), body.reason(), caller);
    return new MemberView(added.userId, added.role, added.attestedAt, added.attestationVersion, List.of(), null);
  }

  record MoveRequest(String from, String to, List<String> responseIds, String reason) {
  }

  @PostMapping("/{id}/assignments/moves")
  @Operation(summary = "The panel chair moves a reviewer's open assignments (all, or those of responseIds) to "
      + "another reviewer who has attested without conflict, before the scoring deadline, with a reason; the "
      + "open scoring tasks go with them")
  List<AssignmentView> move(@PathVariable String id, @RequestBody MoveRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.record(id, caller);
    MoveRequest body = request == null ? new MoveRequest(null, null, null, null) : request;
    return changes.moveAssignments(rfi.id, body.from(), body.to(), body.responseIds(), body.reason(), caller).stream()
        .map(a -> new AssignmentView(a.id, a.responseId, a.reviewerId, a.status, a.assignedAt, a.closedAt)).toList();
  }
}
