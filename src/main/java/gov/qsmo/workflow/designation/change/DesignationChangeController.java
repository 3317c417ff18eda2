package gov.qsmo.workflow.designation.change;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.ScopeVersion;
import gov.qsmo.workflow.designation.change.Transition.Milestone;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.TaskCompletion;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A designated QSMO's changes: its scope's versions (OMB amends), and the transition after a redesignation (the
 * successor's directors report milestones, OMB closes it). Reports and closures complete the transition's open task,
 * as Tasklist would.
 */
@RestController
@RequestMapping("/api/designations/{id}")
@Tag(name = "Designation changes", description = "Scope amendments and redesignation transitions")
class DesignationChangeController {

  private final DesignationService designations;
  private final TransitionService transitions;
  private final TaskCompletion completion;

  DesignationChangeController(DesignationService designations, TransitionService transitions,
      TaskCompletion completion) {
    this.designations = designations;
    this.transitions = transitions;
    this.completion = completion;
  }

  record AmendmentRequest(String scope, String reason) {
  }

  record ScopeVersionView(int version, String scope, String changedBy, Instant changedAt, String reason) {

    static ScopeVersionView of(ScopeVersion v) {
      return new ScopeVersionView(v.getVersion(), v.getScope(), v.getChangedBy(), v.getChangedAt(), v.getReason());
    }
  }

  record MilestoneView(Milestone milestone, String words, Instant reachedAt) {
  }

  record TransitionView(long id, String fromDesignationId, String toDesignationId, Instant startedAt,
      List<MilestoneView> milestones, Instant closedAt, String closedBy, String processInstanceId) {

    static TransitionView of(Transition t) {
      return new TransitionView(t.getId(), t.getFromDesignationId(), t.getToDesignationId(), t.getStartedAt(),
          Arrays.stream(Milestone.values()).map(m -> new MilestoneView(m, m.words(), t.reachedAt(m))).toList(),
          t.getClosedAt(), t.getClosedBy(), t.getProcessInstanceId());
    }
  }

  record MilestonesRequest(Boolean servicesMigrated, Boolean agenciesMoved, Boolean offeringsRetired, String note) {
  }

  record ClosureRequest(String decision, String reason) {
  }

  @GetMapping("/scope-versions")
  @Operation(summary = "The designation's scope, version by version: as designated, then each amendment")
  List<ScopeVersionView> scopeVersions(@PathVariable String id, Authentication caller) {
    return designations.scopeVersions(requireVisible(id, caller).getId()).stream().map(ScopeVersionView::of).toList();
  }

  @PostMapping("/scope-amendments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Amend a designated QSMO's scope (OMB deciders): a new version, with the reason",
      description = "400 without a scope or a reason, or with the scope in force; 409 when the designation is not "
          + "designated.")
  ScopeVersionView amend(@PathVariable String id, @RequestBody(required = false) AmendmentRequest request,
      Authentication caller) {
    Designation designation = requireVisible(id, caller);
    String scope = request == null || request.scope() == null ? null
        : Inputs.optionalText(Map.of("scope", request.scope()), "scope", "Scope", Inputs.MAX_TEXT);
    String reason = request == null || request.reason() == null ? null
        : Inputs.optionalText(Map.of("reason", request.reason()), "reason", "Reason", Inputs.MAX_TEXT);
    return ScopeVersionView.of(designations.amendScope(designation.getId(), scope, reason, caller.getName()));
  }

  @GetMapping("/transition")
  @Operation(summary = "The redesignation transition this designation is part of (as the QSMO left or the successor)")
  TransitionView transition(@PathVariable String id, Authentication caller) {
    return TransitionView.of(requireTransition(requireVisible(id, caller)));
  }

  @PostMapping("/transition/milestones")
  @Operation(summary = "Report the transition's milestones (the successor's QSMO directors)",
      description = "true for each milestone reached (one reached earlier stays reached), and a note. Completes the "
          + "open task \"Report transition milestones\"; with every milestone reached the transition goes to OMB.")
  TransitionView reportMilestones(@PathVariable String id, @RequestBody(required = false) MilestonesRequest request,
      Authentication caller) {
    Transition transition = requireTransition(requireVisible(id, caller));
    Designation successor = designations.require(transition.getToDesignationId());
    if (!Roles.agenciesDirected(groups(caller)).contains(successor.getAgencyCode())) {
      throw new AccessDeniedException("Only the QSMO directors of " + successor.getAgencyCode() + " (the successor, "
          + successor.getId() + ") report the transition's milestones.");
    }
    Map<String, Object> values = new HashMap<>();
    values.put(TransitionProcess.Variables.SERVICES_MIGRATED, request == null ? null : request.servicesMigrated());
    values.put(TransitionProcess.Variables.AGENCIES_MOVED, request == null ? null : request.agenciesMoved());
    values.put(TransitionProcess.Variables.OFFERINGS_RETIRED, request == null ? null : request.offeringsRetired());
    values.put(TransitionProcess.Variables.TRANSITION_NOTE, request == null ? null : request.note());
    complete(transition, TransitionProcess.Elements.TASK_REPORT_MILESTONES, "report its milestones", values, caller);
    return TransitionView.of(transitions.require(transition.getId()));
  }

  @PostMapping("/transition/closure")
  @Operation(summary = "Close a transition whose milestones are all reached, or send it back (OMB deciders)",
      description = "decision: CLOSE or REOPEN (with the reason). Completes the open task \"Close transition\".")
  TransitionView close(@PathVariable String id, @RequestBody(required = false) ClosureRequest request,
      Authentication caller) {
    Transition transition = requireTransition(requireVisible(id, caller));
    Map<String, Object> values = new HashMap<>();
    values.put(TransitionProcess.Variables.CLOSURE, request == null ? null : request.decision());
    values.put(TransitionProcess.Variables.CLOSURE_REASON, request == null ? null : request.reason());
    complete(transition, TransitionProcess.Elements.TASK_CLOSE_TRANSITION, "close it", values, caller);
    return TransitionView.of(transitions.require(transition.getId()));
  }

  private void complete(Transition transition, String taskKey, String what, Map<String, Object> values,
      Authentication caller) {
    String instance = transition.getProcessInstanceId();
    Task task = completion.openTask(instance, taskKey);
    if (task == null) {
      throw new ConflictException("The transition " + transition.getFromDesignationId() + " to "
          + transition.getToDesignationId() + (transition.getClosedAt() != null ? " is closed"
          : transition.allReached() ? " waits for OMB to close it" : " waits for the successor's milestones")
          + "; you cannot " + what + " now.");
    }
    completion.completeAs(task, caller.getName(), groups(caller), values, "The transition of "
        + transition.getToDesignationId(), field -> field);
  }

  private Transition requireTransition(Designation designation) {
    return transitions.of(designation.getId()).orElseThrow(() -> new NotFoundException("Designation "
        + designation.getId() + " is in no redesignation transition."));
  }

  private Designation requireVisible(String id, Authentication caller) {
    Designation designation = designations.find(id).orElse(null);
    if (designation == null || !Roles.readsDesignationOf(groups(caller), designation.getAgencyCode())) {
      throw new NotFoundException("No designation with id '" + id + "'.");
    }
    return designation;
  }

  private static Set<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
