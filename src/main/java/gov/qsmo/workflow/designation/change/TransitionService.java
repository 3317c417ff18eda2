package gov.qsmo.workflow.designation.change;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.designation.LiveOfferings;
import gov.qsmo.workflow.designation.change.Transition.Milestone;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a redesignation's transition: it starts when the successor is designated (the old designation is
 * superseded); the successor's directors report milestones as they are reached (each once, with the date); OMB
 * closes the transition once all are reached, or sends it back with a reason. Every step goes into both
 * designations' audit trails.
 */
@Service
public class TransitionService {

  /** OMB's choices on a transition whose milestones are all reached. */
  public enum Closure { CLOSE, REOPEN }

  private final TransitionRepository transitions;
  private final DesignationService designations;
  private final RuntimeService runtimeService;
  private final Clock clock;
  private final LiveOfferings liveOfferings;
  private final OfficeTime officeTime;

  TransitionService(TransitionRepository transitions, DesignationService designations, RuntimeService runtimeService,
      Clock clock, LiveOfferings liveOfferings, OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.liveOfferings = liveOfferings;
    this.transitions = transitions;
    this.designations = designations;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** The successor is designated: its transition starts, with a task for its directors. */
  @Transactional
  public Transition start(String fromDesignationId, String toDesignationId, String actor) {
    Designation successor = designations.require(toDesignationId);
    Designation predecessor = designations.require(fromDesignationId);
    if (successor.getStatus() != DesignationStatus.DESIGNATED
        || !fromDesignationId.equals(successor.getSupersedesId())) {
      throw new ConflictException("Designation " + toDesignationId + " is "
          + successor.getStatus().wordsInSentence() + "; a transition starts when the successor of " + fromDesignationId + " is designated.");
    }
    Transition transition = transitions.save(new Transition(fromDesignationId, toDesignationId, clock.instant()));
    String owners = Roles.directorsOf(successor.getAgencyCode());
    transition.attachProcess(runtimeService.startProcessInstanceByKey(TransitionProcess.KEY, toDesignationId, Map.of(
        TransitionProcess.Variables.TRANSITION_ID, transition.getId(),
        TransitionProcess.Variables.DESIGNATION_ID, toDesignationId,
        TransitionProcess.Variables.DIRECTOR_GROUP_ID, owners)).getId());
    String words = "From " + predecessor.getAgencyCode() + " (" + fromDesignationId + ") to "
        + successor.getAgencyCode() + " (" + toDesignationId + "); the milestones are reported by the QSMO directors of "
        + successor.getAgencyCode() + ".";
    designations.note(fromDesignationId, actor, "TRANSITION_STARTED", words);
    designations.note(toDesignationId, actor, "TRANSITION_STARTED", words);
    return transition;
  }

  /**
   * The successor's directors report the milestones reached (true: reached; false or absent: not yet). A milestone
   * reached before stays reached and keeps its date; one reported as not reached after it was is refused.
   */
  @Transactional
  public Transition reportMilestones(Long transitionId, Map<Milestone, Boolean> reached, String note, String actor) {
    Transition transition = lock(transitionId);
    requireOpen(transition);
    List<String> now = new ArrayList<>();
    for (Milestone milestone : Milestone.values()) {
      boolean reports = Boolean.TRUE.equals(reached.get(milestone));
      if (!reports && transition.reachedAt(milestone) != null && reached.containsKey(milestone)) {
        throw new InvalidRequestException(field(milestone), "'" + milestone.words() + "' was reached on "
            + transition.reachedAt(milestone) + " and stays reached; leave it ticked.");
      }
      if (reports && milestone == Milestone.OFFERINGS_RETIRED && transition.reachedAt(milestone) == null) {
        long live = liveOfferings.countNotRetired(transition.getFromDesignationId());
        if (live > 0) {
          throw new InvalidRequestException(field(milestone), "The marketplace of " + transition.getFromDesignationId()
              + " still has " + live + " offering" + (live == 1 ? "" : "s") + " not retired; its directors retire "
              + "them first (see /marketplace/).");
        }
      }
      if (reports && transition.reach(milestone, clock.instant())) {
        now.add(milestone.words());
      }
    }
    if (now.isEmpty() && note == null) {
      throw new InvalidRequestException(TransitionProcess.Variables.TRANSITION_NOTE,
          "Tick the milestones reached since the last report, or say where the transition stands.");
    }
    String words = (now.isEmpty() ? "No new milestone" : "Reached: " + String.join("; ", now))
        + (note == null ? "." : ". " + note);
    designations.note(transition.getToDesignationId(), actor, "TRANSITION_MILESTONES", words);
    designations.note(transition.getFromDesignationId(), actor, "TRANSITION_MILESTONES", words);
    return transition;
  }

  /** OMB closes a transition whose milestones are all reached, or sends it back to the directors. */
  @Transactional
  public Transition close(Long transitionId, Closure closure, String reason, String actor) {
    Transition transition = lock(transitionId);
    requireOpen(transition);
    if (closure == Closure.CLOSE && !transition.allReached()) {
      throw new ConflictException("The transition " + transition.getFromDesignationId() + " to "
          + transition.getToDesignationId() + " has milestones not reached; it closes once all are.");
    }
    if (closure == Closure.REOPEN && reason == null) {
      throw new InvalidRequestException(TransitionProcess.Variables.CLOSURE_REASON,
          "Give the reason: what the successor's directors still have to do.");
    }
    String words = closure == Closure.CLOSE ? "Transition closed" + (reason == null ? "." : ": " + reason)
        : "Sent back to the successor's directors: " + reason;
    if (closure == Closure.CLOSE) {
      transition.close(actor, clock.instant());
    }
    designations.note(transition.getToDesignationId(), actor, "TRANSITION_" + closure.name(), words);
    designations.note(transition.getFromDesignationId(), actor, "TRANSITION_" + closure.name(), words);
    return transition;
  }

  /** The latest transition a designation is part of, as the QSMO it left or as its successor. */
  @Transactional(readOnly = true)
  public Optional<Transition> of(String designationId) {
    return transitions.findByDesignation(designationId, PageRequest.of(0, 1)).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public Transition require(Long transitionId) {
    return transitions.findById(transitionId == null ? -1L : transitionId)
        .orElseThrow(() -> new NotFoundException("No transition with id '" + transitionId + "'."));
  }

  /** The transition a process instance follows, refusing an instance that is not the transition's. */
  @Transactional(readOnly = true)
  public Transition ofInstance(DelegateExecution execution) {
    Object id = execution.getVariable(TransitionProcess.Variables.TRANSITION_ID);
    Transition transition = require(id instanceof Number n ? n.longValue() : null);
    if (!execution.getProcessInstanceId().equals(transition.getProcessInstanceId())) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " does not follow transition " + transition.getId() + ".");
    }
    return transition;
  }

  /** The form field of a milestone. */
  static String field(Milestone milestone) {
    return switch (milestone) {
      case SERVICES_MIGRATED -> TransitionProcess.Variables.SERVICES_MIGRATED;
      case AGENCIES_MOVED -> TransitionProcess.Variables.AGENCIES_MOVED;
      case OFFERINGS_RETIRED -> TransitionProcess.Variables.OFFERINGS_RETIRED;
    };
  }

  static final Set<String> MILESTONE_FIELDS = Set.of(TransitionProcess.Variables.SERVICES_MIGRATED,
      TransitionProcess.Variables.AGENCIES_MOVED, TransitionProcess.Variables.OFFERINGS_RETIRED);

  private Transition lock(Long transitionId) {
    return transitions.lock(transitionId == null ? -1L : transitionId)
        .orElseThrow(() -> new NotFoundException("No transition with id '" + transitionId + "'."));
  }

  private void requireOpen(Transition transition) {
    if (transition.getClosedAt() != null) {
      throw new ConflictException("The transition " + transition.getFromDesignationId() + " to "
          + transition.getToDesignationId() + " was closed on " + officeTime.dateTime(transition.getClosedAt()) + " by "
          + transition.getClosedBy() + ".");
    }
  }
}
