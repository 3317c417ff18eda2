package gov.qsmo.workflow.rfi.panel;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import gov.qsmo.workflow.rfi.SubjectTaskListener;
import gov.qsmo.workflow.rfi.TaskSubjects;
import gov.qsmo.workflow.rfi.scoring.ScoreSubmittedListener;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel chair keeps an evaluation moving: a member who has not signed the attestation is replaced by
 * another reviewer (their attestation task goes to the new member), and a reviewer's open assignments move
 * to another reviewer before the scoring deadline (illness, a conflict found late), each with a reason in
 * the RFI's record. The open task moves with its subject: assignee, the subject it is bound to, and the old
 * assignee's permission on it; the new owner is told by e-mail as for any assignment.
 */
@Service
@Transactional
public class PanelChangeService {

  public static final String MEMBER = "member";
  public static final String REPLACEMENT = "replacement";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String RESPONSE_IDS = "responseIds";
  public static final String REASON = "reason";

  private final RfiService records;
  private final PanelMemberRepository members;
  private final AssignmentRepository assignments;
  private final TaskSubjects subjects;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final AuthorizationService authorizationService;
  private final RfiPanelService panel;

  PanelChangeService(RfiService records, PanelMemberRepository members, AssignmentRepository assignments,
      TaskSubjects subjects, IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
      AuthorizationService authorizationService, RfiPanelService panel) {
    this.records = records;
    this.members = members;
    this.assignments = assignments;
    this.subjects = subjects;
    this.identityService = identityService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.authorizationService = authorizationService;
    this.panel = panel;
  }

  /** Replaces a reviewer who has not signed the attestation; returns the new member. */
  public PanelMember replaceUnsignedMember(String rfiId, String memberId, String replacementId, String reason,
      Caller caller) {
    Rfi rfi = chairsOwn(rfiId, caller);
    String why = reason(reason);
    if (rfi.status != RfiStatus.ATTESTATION) {
      throw new ConflictException("The panel of " + rfiId + " is not signing attestations (" + rfi.status.label()
          + "): a member who has not signed is replaced while the panel attests. To give a reviewer's open "
          + "assignments to someone else, move them (POST /api/rfis/" + rfiId + "/assignments/moves).");
    }
    PanelMember member = reviewer(rfiId, memberId, MEMBER);
    if (member.attested()) {
      throw new ConflictException(memberId + " signed the attestation on " + member.attestedAt + "; a member who "
          + "has signed keeps their place. Move their open assignments instead, once scoring has started.");
    }
    String replacement = required(REPLACEMENT, "The replacement", replacementId);
    panel.checkReviewers(rfi, List.of(replacement), REPLACEMENT);
    if (members.findByRfiIdAndUserId(rfiId, replacement).isPresent()) {
      throw new InvalidRequestException(REPLACEMENT, replacement + " is on the panel already; name a reviewer "
          + "who is not.");
    }
    members.delete(member);
    members.flush();
    PanelMember added = members.save(new PanelMember(rfiId, replacement, PanelMember.Role.REVIEWER,
        caller.userId(), records.now()));
    Privileged.run(identityService, () -> {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
          .taskDefinitionKey(RfiProcess.Elements.TASK_SIGN_ATTESTATION).taskAssignee(memberId).list()) {
        runtimeService.setVariableLocal(task.getExecutionId(), RfiProcess.Variables.PANEL_MEMBER, replacement);
        move(task, rfiId, SubjectTaskListener.subject(AttestationSignedListener.KIND, replacement), memberId,
            replacement);
      }
      return null;
    });
    records.record(rfiId, caller.userId(), "PANEL_MEMBER_REPLACED", memberId + " (not signed) replaced by "
        + replacement + ": " + why);
    return added;
  }

  /**
   * Moves a reviewer's open assignments (all, or those of the named responses) to another reviewer of the
   * panel who has attested and has no conflict with them, before the scoring deadline; returns the new
   * assignments.
   */
  public List<Assignment> moveAssignments(String rfiId, String fromId, String toId, List<String> responseIds,
      String reason, Caller caller) {
    Rfi rfi = chairsOwn(rfiId, caller);
    String why = reason(reason);
    if (rfi.status != RfiStatus.SCORING) {
      throw new ConflictException("The RFI " + rfiId + " is not in scoring (" + rfi.status.label() + "); "
          + "assignments move while reviewers score.");
    }
    if (rfi.scoringDueAt != null && !records.now().isBefore(rfi.scoringDueAt)) {
      throw new ConflictException("The scoring deadline of " + rfiId + " has passed; the missing scores go to "
          + "the chair's Resolve missing scores task, which reassigns them.");
    }
    PanelMember from = reviewer(rfiId, fromId, FROM);
    PanelMember to = reviewer(rfiId, toId, TO);
    if (from.userId.equals(to.userId)) {
      throw new InvalidRequestException(TO, "Name another reviewer than " + fromId + ".");
    }
    if (!to.attested()) {
      throw new InvalidRequestException(TO, toId + " has not signed the attestation; only a reviewer who has "
          + "can score.");
    }
    Set<String> only = responseIds == null ? Set.of() : responseIds.stream()
        .map(id -> id == null ? "" : id.strip().toUpperCase(java.util.Locale.ROOT)).collect(Collectors.toCollection(
            LinkedHashSet::new));
    List<Assignment> moving = assignments.findByRfiIdAndReviewerIdOrderById(rfiId, from.userId).stream()
        .filter(a -> a.status == Assignment.Status.ASSIGNED)
        .filter(a -> only.isEmpty() || only.contains(a.responseId)).toList();
    Set<String> open = moving.stream().map(a -> a.responseId).collect(Collectors.toSet());
    List<String> unknown = only.stream().filter(id -> !open.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(RESPONSE_IDS, fromId + " has no open assignment for "
          + String.join(", ", unknown) + " in " + rfiId + ".");
    }
    if (moving.isEmpty()) {
      throw new ConflictException(fromId + " has no open assignment in " + rfiId + " to move.");
    }
    List<String> refused = new ArrayList<>();
    for (Assignment a : moving) {
      if (to.conflicts.contains(a.responseId)) {
        refused.add(a.responseId + " (" + toId + " is recused from it)");
      } else if (assignments.existsByResponseIdAndReviewerId(a.responseId, to.userId)) {
        refused.add(a.responseId + " (" + toId + " is assigned to it already)");
      }
    }
    if (!refused.isEmpty()) {
      throw new InvalidRequestException(TO, toId + " cannot take " + String.join(", ", refused)
          + "; name the others in responseIds, or another reviewer. Nothing was moved.");
    }
    // The reviewer's open scoring tasks, once, by the assignment each is bound to.
    Map<String, Task> tasksByAssignment = Privileged.run(identityService, () -> {
      Map<String, Task> tasks = new HashMap<>();
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
          .taskDefinitionKey(RfiProcess.Elements.TASK_SCORE_RESPONSE).taskAssignee(from.userId).list()) {
        tasks.put(String.valueOf(runtimeService.getVariableLocal(task.getExecutionId(),
            RfiProcess.Variables.ASSIGNMENT_ID)), task);
      }
      return tasks;
    });
    List<Assignment> created = new ArrayList<>();
    for (Assignment old : moving) {
      old.status = Assignment.Status.REASSIGNED;
      old.closedAt = records.now();
      old.closedBy = caller.userId();
      assignments.save(old);
      Assignment moved = assignments.save(new Assignment(rfiId, old.responseId, to.userId, records.now()));
      created.add(moved);
      Task task = tasksByAssignment.get(String.valueOf(old.id));
      if (task != null) {
        Privileged.run(identityService, () -> {
          runtimeService.setVariableLocal(task.getExecutionId(), RfiProcess.Variables.ASSIGNMENT_ID,
              String.valueOf(moved.id));
          move(task, rfiId, SubjectTaskListener.subject(ScoreSubmittedListener.KIND, String.valueOf(moved.id)),
              from.userId, to.userId);
          return null;
        });
      }
    }
    records.record(rfiId, caller.userId(), "ASSIGNMENTS_MOVED", created.size() + " open assignment(s) of "
        + fromId + " moved to " + toId + " (" + created.stream().map(a -> a.responseId)
            .collect(Collectors.joining(", ")) + "): " + why);
    return created;
  }

  /** The task goes to its new owner, bound to its new subject; its old owner loses their permission on it. */
  private void move(Task task, String rfiId, String subject, String oldOwner, String newOwner) {
    subjects.bind(task.getExecutionId(), rfiId, subject);
    taskService.setAssignee(task.getId(), newOwner);
    authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .userIdIn(oldOwner).list().forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }

  private Rfi chairsOwn(String rfiId, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    if (!caller.userId().equals(rfi.panelChairId)) {
      throw new ForbiddenException("Only the panel chair of " + rfiId + " (" + rfi.panelChairId + ") replaces "
          + "panel members and moves assignments.");
    }
    return rfi;
  }

  private PanelMember reviewer(String rfiId, String userId, String field) {
    String id = required(field, "The reviewer", userId);
    PanelMember member = members.findByRfiIdAndUserId(rfiId, id).orElseThrow(() ->
        new InvalidRequestException(field, "'" + id + "' is not on the panel of " + rfiId + "."));
    if (member.role != PanelMember.Role.REVIEWER) {
      throw new InvalidRequestException(field, id + " chairs the panel and does not score; name a reviewer.");
    }
    return member;
  }

  private static String required(String field, String label, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field, label + " is required (a user id).");
    }
    return value.strip();
  }

  private static String reason(String reason) {
    String text = reason == null ? null : Inputs.checkedText(REASON, "The reason", reason, 1000);
    if (text == null) {
      throw new InvalidRequestException(REASON, "Give the reason (it is kept in the RFI's record).");
    }
    return text;
  }
}
