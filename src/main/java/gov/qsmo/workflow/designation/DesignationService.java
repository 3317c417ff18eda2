package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.DecisionNotice;
import gov.qsmo.workflow.notification.DecisionNotice.Fact;
import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.calendar.Period;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the designation lifecycle. Process listeners and the REST API both come here; this
 * class checks every input again, whatever the browser already checked.
 */
@Service
@Transactional
public class DesignationService {

  /** What OMB decides at pre-designation. */
  public enum PreDesignationDecision {
    PRE_DESIGNATE, DECLINE
  }

  /** The candidate OMB names when it starts a designation. */
  public record CandidateRequest(String functionalAreaCode, String agencyCode, String scope, LocalDate planDueDate) {
  }

  /** Statuses in which a designation's own process has ended. */
  static final java.util.Set<DesignationStatus> TERMINAL = java.util.EnumSet.of(DesignationStatus.DECLINED,
      DesignationStatus.DESIGNATED, DesignationStatus.NOT_DESIGNATED, DesignationStatus.CANCELLED,
      DesignationStatus.WITHDRAWN, DesignationStatus.RESCINDED);

  private final DesignationRepository designations;
  private final DesignationEventRepository events;
  private final PlanVersionRepository plans;
  private final ReferenceData referenceData;
  private final Clock clock;
  private final BusinessCalendar calendar;
  private final ApplicationEventPublisher publisher;
  private final ScopeVersionRepository scopes;
  private final OfficeTime officeTime;

  DesignationService(DesignationRepository designations, DesignationEventRepository events,
      PlanVersionRepository plans, ReferenceData referenceData, Clock clock, BusinessCalendar calendar,
      ApplicationEventPublisher publisher, ScopeVersionRepository scopes,
      OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.scopes = scopes;
    this.calendar = calendar;
    this.publisher = publisher;
    this.designations = designations;
    this.events = events;
    this.plans = plans;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  /** Records a new candidate designation (status IDENTIFIED) and returns it with its new id. */
  public Designation identify(CandidateRequest request, String actor, String processInstanceId) {
    referenceData.requireActiveFunctionalArea(DesignationProcess.Variables.FUNCTIONAL_AREA_CODE,
        request.functionalAreaCode());
    referenceData.requireActiveAgency(DesignationProcess.Variables.AGENCY_CODE, request.agencyCode());
    LocalDate today = LocalDate.now(clock);
    if (!request.planDueDate().isAfter(today)) {
      throw new InvalidRequestException(DesignationProcess.Variables.PLAN_DUE_DATE,
          "Plan due date " + request.planDueDate() + " must be after today (" + today + ").");
    }
    if (request.planDueDate().isAfter(today.plusYears(5))) {
      throw new InvalidRequestException(DesignationProcess.Variables.PLAN_DUE_DATE,
          "Plan due date " + request.planDueDate() + " is more than five years away; choose an earlier date.");
    }
    calendar.requireBusinessDay(DesignationProcess.Variables.PLAN_DUE_DATE, "Plan due date", request.planDueDate());
    Instant now = clock.instant();
    String id = "DSG-" + Year.now(clock) + "-" + String.format("%04d", designations.nextNumber());
    Designation designation = designations.save(new Designation(id, request.functionalAreaCode(),
        request.agencyCode(), request.scope(), request.planDueDate(), processInstanceId, actor, now));
    record(designation, actor, "IDENTIFIED", null);
    return designation;
  }

  /**
   * OMB orders a designation moved to another agency: the successor's designation starts pre-designated
   * (its director owes a plan) and links to the one it will supersede once designated.
   */
  public Designation orderRedesignation(String designationId, String successorAgencyCode, LocalDate planDueDate,
      String reason, String actor) {
    Designation current = require(designationId);
    requireStatus(current, DesignationStatus.DESIGNATED, "move it to another agency");
    referenceData.requireActiveAgency("successorAgencyCode", successorAgencyCode);
    if (successorAgencyCode.equals(current.getAgencyCode())) {
      throw new InvalidRequestException("successorAgencyCode", "The successor must be another agency than "
          + current.getAgencyCode() + ".");
    }
    if (reason == null) {
      throw new InvalidRequestException("reason", "Give the reason for the redesignation.");
    }
    if (planDueDate != null) {
      calendar.requireBusinessDay(DesignationProcess.Variables.PLAN_DUE_DATE, "Plan due date", planDueDate);
    }
    boolean pending = designations.existsBySupersedesIdAndStatusNotIn(designationId, TERMINAL);
    if (pending) {
      throw new ConflictException("A redesignation of " + designationId + " is already under way.");
    }
    Designation successor = identify(new CandidateRequest(current.getFunctionalAreaCode(), successorAgencyCode,
        current.getDesignatedScope() != null ? current.getDesignatedScope() : current.getScope(), planDueDate),
        actor, null);
    successor.supersedes(designationId);
    successor.moveTo(DesignationStatus.PRE_DESIGNATED, clock.instant());
    record(successor, actor, "REDESIGNATION_ORDERED", "Successor of " + designationId + " ("
        + current.getAgencyCode() + "): " + reason);
    record(current, actor, "REDESIGNATION_ORDERED", "To " + successorAgencyCode + " (" + successor.getId() + "): "
        + reason);
    return successor;
  }

  /** Links a designation to the process instance that carries it. */
  public void attachProcess(String designationId, String processInstanceId) {
    require(designationId).attachProcess(processInstanceId);
  }

  /** Records OMB's pre-designation decision; a decline needs a reason. */
  public Designation decidePreDesignation(String designationId, PreDesignationDecision decision, String reason,
      String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.IDENTIFIED, "decide its pre-designation");
    if (decision == PreDesignationDecision.DECLINE && reason == null) {
      throw new InvalidRequestException(DesignationProcess.Variables.DECISION_REASON,
          "Give the reason for declining the candidate agency.");
    }
    DesignationStatus next = decision == PreDesignationDecision.PRE_DESIGNATE
        ? DesignationStatus.PRE_DESIGNATED : DesignationStatus.DECLINED;
    designation.moveTo(next, clock.instant());
    record(designation, actor, decision.name(), reason);
    if (decision == PreDesignationDecision.PRE_DESIGNATE) {
      tell(designation, "OMB pre-designated " + agencyName(designation) + " as candidate QSMO for "
          + areaName(designation), List.of(new Fact("Plan due", designation.getPlanDueDate().toString())),
          directorAndOmb(designation));
    } else {
      tell(designation, "OMB declined " + agencyName(designation) + " as candidate QSMO for " + areaName(designation),
          List.of(new Fact("Reason", reason)), directorAndOmb(designation));
    }
    return designation;
  }

  /**
   * Stores a new, immutable version of the Marketplace Implementation Plan, with its proposed service
   * offerings read from the section's lines ({@code name | federal or commercial | provider | contract
   * vehicle}); a line that is no offering refuses the whole version.
   */
  public PlanVersion submitPlan(String designationId, Map<PlanSection, String> sections, String actor) {
    Designation designation = require(designationId);
    if (designation.getStatus() != DesignationStatus.PRE_DESIGNATED
        && designation.getStatus() != DesignationStatus.PLAN_SUBMITTED) {
      throw new ConflictException("Designation " + designationId + " is " + designation.getStatus()
          + "; a plan can only be submitted after pre-designation.");
    }
    if (sections.isEmpty()) {
      throw new InvalidRequestException(PlanSection.SERVICE_OFFERINGS.key(),
          "The plan is empty; write at least one section before submitting it.");
    }
    List<ServiceOffering> offerings = ServiceOfferingLines.parse(sections.get(PlanSection.SERVICE_OFFERINGS));
    int version = plans.countByDesignationId(designationId) + 1;
    PlanVersion plan = plans.save(new PlanVersion(designationId, version, sections, offerings, actor,
        clock.instant()));
    designation.moveTo(DesignationStatus.PLAN_SUBMITTED, clock.instant());
    record(designation, actor, "PLAN_VERSION_" + version + "_SUBMITTED", null);
    return plan;
  }

  /** The plan is complete and goes to the board. */
  public void startBoardReview(String designationId, String details) {
    Designation designation = require(designationId);
    if (designation.getStatus() != DesignationStatus.PLAN_SUBMITTED
        && designation.getStatus() != DesignationStatus.UNDER_BOARD_REVIEW) {
      throw new ConflictException("Designation " + designationId + " is " + designation.getStatus()
          + "; only a submitted plan goes to the board.");
    }
    designation.moveTo(DesignationStatus.UNDER_BOARD_REVIEW, clock.instant());
    record(designation, Caller.SYSTEM.userId(), "BOARD_ROUND_OPENED", details);
  }

  /** The chair reopened the review round for the members who have not voted. */
  public void recordBoardReviewExtended(String designationId, Instant closesAt, String reason, String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.UNDER_BOARD_REVIEW, "extend its board review");
    record(designation, actor, "BOARD_REVIEW_EXTENDED", "Window now closes " + officeTime.dateTime(closesAt)
        + (reason == null ? "." : ": " + reason));
  }

  /** The chair sent a review without quorum to OMB. */
  public void escalateBoardReview(String designationId, String reason, String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.UNDER_BOARD_REVIEW, "escalate its board review");
    if (reason == null) {
      throw new InvalidRequestException(DesignationProcess.Variables.REVIEW_ACTION_REASON,
          "Give the reason for escalating the review to OMB.");
    }
    designation.moveTo(DesignationStatus.AWAITING_OMB_DECISION, clock.instant());
    record(designation, actor, "BOARD_REVIEW_ESCALATED", reason);
    tell(designation, "The governance board sent the plan of " + agencyName(designation) + " ("
        + areaName(designation) + ") to OMB without a recommendation", List.of(new Fact("Reason", reason)),
        Set.of(Roles.OMB_DECIDERS));
  }

  /**
   * The board's recommendation: a returned plan is owed again (due no sooner than the revision period,
   * in business days, from today, so that it is not overdue the moment it comes back); any other goes to OMB.
   */
  public void recordBoardRecommendation(String designationId, BoardRecommendation recommendation, String summary,
      String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.UNDER_BOARD_REVIEW, "record the board's recommendation");
    if (recommendation == BoardRecommendation.RETURN_FOR_REVISION) {
      LocalDate revisionDue = calendar.addBusinessDays(LocalDate.now(clock), calendar.days(Period.PLAN_REVISION));
      if (designation.getPlanDueDate().isBefore(revisionDue)) {
        designation.extendPlanDueDate(revisionDue, clock.instant());
        summary += " Revised plan due " + revisionDue + ".";
      }
      designation.moveTo(DesignationStatus.PRE_DESIGNATED, clock.instant());
    } else {
      designation.moveTo(DesignationStatus.AWAITING_OMB_DECISION, clock.instant());
    }
    record(designation, actor, "BOARD_RECOMMENDED_" + recommendation.name(), summary);
    if (recommendation == BoardRecommendation.RETURN_FOR_REVISION) {
      tell(designation, "The governance board returned the Marketplace Implementation Plan of " + agencyName(designation)
          + " (" + areaName(designation) + ") for revision", List.of(new Fact("The board's comments", summary),
              new Fact("Revised plan due", designation.getPlanDueDate().toString())),
          Set.of(Roles.directorsOf(designation.getAgencyCode())));
    } else {
      tell(designation, "The governance board's recommendation on " + agencyName(designation) + " ("
          + areaName(designation) + "): " + recommendation.label(), List.of(new Fact("Recommendation", summary)),
          Set.of(Roles.OMB_DECIDERS));
    }
  }

  /** What OMB decides on a designation. */
  public enum DesignationDecision {
    DESIGNATE, DEFER, DECLINE
  }

  /**
   * OMB's formal decision: designate (scope and effective date; rests on the latest plan version),
   * defer until a date, or decline with a rationale.
   */
  public Designation decideDesignation(String designationId, DesignationDecision decision, String scope,
      LocalDate effectiveDate, LocalDate deferredUntil, String rationale, String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.AWAITING_OMB_DECISION, "decide its designation");
    LocalDate today = LocalDate.now(clock);
    switch (decision) {
      case DESIGNATE -> {
        if (scope == null) {
          throw new InvalidRequestException("designationScope", "State the scope of the designation.");
        }
        if (effectiveDate == null || effectiveDate.isBefore(today)) {
          throw new InvalidRequestException("effectiveDate",
              "Give the effective date of the designation: today (" + today + ") or later.");
        }
        int planVersion = latestPlan(designationId).map(PlanVersion::getVersionNumber)
            .orElseThrow(() -> new ConflictException("Designation " + designationId + " has no plan."));
        designation.designate(scope, effectiveDate, planVersion, clock.instant());
        scopes.save(new ScopeVersion(designationId, scopes.findFirstByDesignationIdOrderByVersionDesc(designationId)
            .map(v -> v.getVersion() + 1).orElse(1), scope, actor, clock.instant(), "The scope designated."));
        publisher.publishEvent(new QsmoDesignated(designationId, planVersion, actor));
        record(designation, actor, "DESIGNATED", "Effective " + effectiveDate + ", on plan version " + planVersion
            + ". Scope: " + scope + (rationale == null ? "" : ". " + rationale));
        List<Fact> facts = new ArrayList<>(List.of(new Fact("Effective", effectiveDate.toString()),
            new Fact("Scope", scope), new Fact("Plan version", String.valueOf(planVersion))));
        if (rationale != null) {
          facts.add(new Fact("Rationale", rationale));
        }
        tell(designation, "OMB designated " + agencyName(designation) + " as the QSMO for " + areaName(designation),
            facts, directorAndOmb(designation));
        if (designation.getSupersedesId() != null) {
          Designation predecessor = require(designation.getSupersedesId());
          predecessor.supersededBy(designation.getId(), clock.instant());
          record(predecessor, actor, "SUPERSEDED", "Redesignated to " + designation.getAgencyCode() + " ("
              + designation.getId() + "), effective " + effectiveDate + ".");
        }
      }
      case DEFER -> {
        if (deferredUntil == null || !deferredUntil.isAfter(today)) {
          throw new InvalidRequestException("deferredUntil",
              "Give the date until which the decision is deferred: after today (" + today + ").");
        }
        calendar.requireBusinessDay("deferredUntil", "Deferred until", deferredUntil);
        if (rationale == null) {
          throw new InvalidRequestException("decisionRationale", "Give the reason for deferring the decision.");
        }
        record(designation, actor, "DESIGNATION_DEFERRED", "Until " + deferredUntil + ": " + rationale);
        tell(designation, "OMB deferred its designation decision on " + agencyName(designation) + " ("
            + areaName(designation) + ")", List.of(new Fact("Deferred until", deferredUntil.toString()),
                new Fact("Reason", rationale)), directorAndOmb(designation));
      }
      case DECLINE -> {
        if (rationale == null) {
          throw new InvalidRequestException("decisionRationale", "Give the reason for declining the designation.");
        }
        designation.moveTo(DesignationStatus.NOT_DESIGNATED, clock.instant());
        record(designation, actor, "DESIGNATION_DECLINED", rationale);
        tell(designation, "OMB did not designate " + agencyName(designation) + " as the QSMO for "
            + areaName(designation), List.of(new Fact("Rationale", rationale)), directorAndOmb(designation));
      }
      default -> throw new IllegalStateException(decision.name());
    }
    return designation;
  }

  /**
   * OMB amends a designated QSMO's scope: a new version of the scope, with the reason, in the audit trail. The
   * earlier versions stay ({@link #scopeVersions}).
   */
  public ScopeVersion amendScope(String designationId, String scope, String reason, String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.DESIGNATED, "amend its scope");
    if (designations.existsBySupersedesIdAndStatusNotIn(designationId, TERMINAL)) {
      throw new ConflictException("A redesignation of " + designationId + " is under way; its successor's plan sets "
          + "the scope from here on.");
    }
    if (scope == null) {
      throw new InvalidRequestException("scope", "Give the amended scope of the designation.");
    }
    if (reason == null) {
      throw new InvalidRequestException("reason", "Give the reason for the amendment.");
    }
    if (scope.equals(designation.getDesignatedScope())) {
      throw new InvalidRequestException("scope", "The scope is the one in force; change it to amend it.");
    }
    int version = scopes.findFirstByDesignationIdOrderByVersionDesc(designationId).map(v -> v.getVersion() + 1)
        .orElse(2);
    designation.amendScope(scope, clock.instant());
    record(designation, actor, "SCOPE_AMENDED", "Scope version " + version + ": " + scope + ". Reason: " + reason);
    return scopes.save(new ScopeVersion(designationId, version, scope, actor, clock.instant(), reason));
  }

  /**
   * OMB rescinds a designated QSMO after its assessment: the agency is no longer the QSMO for the area (the area can
   * be designated again). A reason is required; the QSMO's directors and OMB are told.
   */
  public Designation rescind(String designationId, String reason, String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.DESIGNATED, "rescind it");
    if (reason == null) {
      throw new InvalidRequestException("decisionReason", "Give the reason for rescinding the designation.");
    }
    if (designations.existsBySupersedesIdAndStatusNotIn(designationId, TERMINAL)) {
      throw new ConflictException("A redesignation of " + designationId + " is under way: rescinding it would leave "
          + "the successor nothing to take over. Close or cancel the redesignation first.");
    }
    designation.moveTo(DesignationStatus.RESCINDED, clock.instant());
    record(designation, actor, "RESCINDED", reason);
    publisher.publishEvent(new QsmoRescinded(designationId, reason, actor));
    tell(designation, "OMB rescinded the designation of " + agencyName(designation) + " as the QSMO for "
        + areaName(designation), List.of(new Fact("Reason", reason)), directorAndOmb(designation));
    return designation;
  }

  /**
   * Tells the designation's QSMO directors and OMB of a decision of another part of the program (an assessment's, say)
   * by e-mail, through the outbox, in the caller's transaction.
   */
  public void announce(String designationId, String headline, Map<String, String> facts) {
    Designation designation = require(designationId);
    List<Fact> list = new ArrayList<>();
    facts.forEach((name, value) -> list.add(new Fact(name, value)));
    tell(designation, headline, list, directorAndOmb(designation));
  }

  /** Writes a step of another part of the program (a transition, say) into the designation's audit trail. */
  public void note(String designationId, String actor, String action, String reason) {
    record(require(designationId), actor, action, reason);
  }

  /** The scope's versions, the first designated, each amendment after it (a handful per designation). */
  @Transactional(readOnly = true)
  public List<ScopeVersion> scopeVersions(String designationId) {
    return scopes.findByDesignationIdOrderByVersionAsc(designationId);
  }

  /**
   * The designated QSMO an RFI of this agency serves (ADR 0027): the one named, which must be designated and the
   * agency's own; or, when none is named, the agency's QSMO designated first. Refused (400, on the field to fix)
   * when the named one is not designated or another agency's, or the agency has no designated QSMO.
   */
  @Transactional(readOnly = true)
  public Designation servedBy(String agencyCode, String designationId) {
    if (designationId == null) {
      return designations.findByAgencyCodeAndStatusInOrderById(agencyCode, List.of(DesignationStatus.DESIGNATED),
          org.springframework.data.domain.PageRequest.of(0, 1)).stream().findFirst()
          .orElseThrow(() -> new InvalidRequestException("agencyCode", agencyCode + " has no designated QSMO: an RFI "
              + "finds offerings for a designated QSMO's marketplace."));
    }
    Designation designation = designations.findById(designationId.strip().toUpperCase(java.util.Locale.ROOT))
        .orElseThrow(() -> new InvalidRequestException("designationId", "'" + designationId + "' is no designation; "
            + "name the designated QSMO the RFI serves, such as DSG-2021-0001."));
    if (designation.getStatus() != DesignationStatus.DESIGNATED) {
      throw new InvalidRequestException("designationId", designation.getId() + " is " + designation.getStatus()
          + "; an RFI serves a designated QSMO.");
    }
    if (!designation.getAgencyCode().equals(agencyCode)) {
      throw new InvalidRequestException("designationId", designation.getId() + " is the QSMO of "
          + designation.getAgencyCode() + ", not of the issuing agency " + agencyCode + ".");
    }
    return designation;
  }

  /** The designated QSMOs, by id (one per functional area at most, so a short list). */
  @Transactional(readOnly = true)
  public List<Designation> designated() {
    return designations.findByStatusOrderById(DesignationStatus.DESIGNATED,
        org.springframework.data.domain.PageRequest.of(0, 200));
  }

  /** Records that the completeness check sent the plan back: the director owes a complete plan again. */
  public void returnIncompletePlan(String designationId, List<PlanSection> missing, String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.PLAN_SUBMITTED, "return its plan as incomplete");
    designation.moveTo(DesignationStatus.PRE_DESIGNATED, clock.instant());
    String missingSections = missing.stream().map(PlanSection::title)
        .collect(java.util.stream.Collectors.joining(", "));
    record(designation, actor, "PLAN_RETURNED_INCOMPLETE", "Missing required sections: " + missingSections + ".");
    tell(designation, "The Marketplace Implementation Plan of " + agencyName(designation) + " ("
        + areaName(designation) + ") was returned as incomplete", List.of(new Fact("Missing sections", missingSections),
            new Fact("Plan due", designation.getPlanDueDate().toString())),
        Set.of(Roles.directorsOf(designation.getAgencyCode())));
  }

  /** The latest plan version, if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<PlanVersion> latestPlan(String designationId) {
    List<PlanVersion> versions = plans.findByDesignationIdOrderByVersionNumberAsc(designationId);
    return versions.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(versions.get(versions.size() - 1));
  }

  /** What OMB decides when a plan is overdue. */
  public enum OverdueResolution {
    EXTEND, WITHDRAW
  }

  /**
   * When the director is reminded: the plan-reminder period in business days before the due date, at
   * 09:00 in the office's time zone (never before now), with its offset so the engine's timer reads it right.
   */
  public OffsetDateTime reminderAt(Designation designation) {
    return calendar.reminderBefore(designation.getPlanDueDate(), calendar.days(Period.PLAN_REMINDER))
        .atZone(calendar.zone()).toOffsetDateTime();
  }

  /** Records that the director was reminded of the plan due on the designation's due date. */
  public void recordReminder(String designationId) {
    Designation designation = require(designationId);
    record(designation, Caller.SYSTEM.userId(), "PLAN_REMINDER_SENT",
        "Marketplace Implementation Plan due " + designation.getPlanDueDate() + ".");
  }

  /** OMB's answer to an overdue plan: a later due date, or the pre-designation withdrawn (with a reason). */
  public Designation resolveOverduePlan(String designationId, OverdueResolution resolution, LocalDate newDueDate,
      String reason, String actor) {
    Designation designation = require(designationId);
    requireStatus(designation, DesignationStatus.PRE_DESIGNATED, "resolve its overdue plan");
    if (resolution == OverdueResolution.EXTEND) {
      LocalDate today = LocalDate.now(clock);
      if (newDueDate == null) {
        throw new InvalidRequestException(DesignationProcess.Variables.NEW_PLAN_DUE_DATE,
            "Give the new plan due date.");
      }
      if (!newDueDate.isAfter(today) || !newDueDate.isAfter(designation.getPlanDueDate())) {
        throw new InvalidRequestException(DesignationProcess.Variables.NEW_PLAN_DUE_DATE, "The new due date "
            + newDueDate + " must be after today (" + today + ") and after the current one ("
            + designation.getPlanDueDate() + ").");
      }
      calendar.requireBusinessDay(DesignationProcess.Variables.NEW_PLAN_DUE_DATE, "The new plan due date", newDueDate);
      LocalDate previous = designation.getPlanDueDate();
      designation.extendPlanDueDate(newDueDate, clock.instant());
      record(designation, actor, "PLAN_DUE_DATE_EXTENDED", "From " + previous + " to " + newDueDate
          + (reason == null ? "." : ": " + reason));
    } else {
      if (reason == null) {
        throw new InvalidRequestException(DesignationProcess.Variables.RESOLUTION_REASON,
            "Give the reason for withdrawing the pre-designation.");
      }
      designation.moveTo(DesignationStatus.WITHDRAWN, clock.instant());
      record(designation, actor, "PRE_DESIGNATION_WITHDRAWN", reason);
      tell(designation, "OMB withdrew the pre-designation of " + agencyName(designation) + " ("
          + areaName(designation) + ")", List.of(new Fact("Reason", reason)), directorAndOmb(designation));
    }
    return designation;
  }

  /** Records that the designation's process was deleted before it ended; ended designations stay as they are. */
  public void cancel(String designationId, String reason, String actor) {
    Designation designation = require(designationId);
    if (!TERMINAL.contains(designation.getStatus())) {
      designation.moveTo(DesignationStatus.CANCELLED, clock.instant());
      record(designation, actor, "CANCELLED", reason);
    }
  }

  /** The designation a process instance works on (its business key), refusing an instance it does not own. */
  @Transactional(readOnly = true)
  public Designation ofInstance(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    Designation designation = require(execution.getProcessBusinessKey());
    if (!execution.getProcessInstanceId().equals(designation.getProcessInstanceId())) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " does not belong to designation " + designation.getId() + ".");
    }
    return designation;
  }

  @Transactional(readOnly = true)
  public java.util.Optional<Designation> find(String designationId) {
    return designations.findById(designationId);
  }

  @Transactional(readOnly = true)
  public Designation require(String designationId) {
    return designations.findById(designationId)
        .orElseThrow(() -> new NotFoundException("No designation with id '" + designationId + "'."));
  }

  @Transactional(readOnly = true)
  public List<Designation> all() {
    return designations.findAllByOrderByCreatedAtDesc();
  }

  @Transactional(readOnly = true)
  public List<DesignationEvent> history(String designationId) {
    return events.findByDesignationIdOrderByOccurredAtAscIdAsc(require(designationId).getId());
  }

  @Transactional(readOnly = true)
  public List<PlanVersion> planVersions(String designationId) {
    return plans.findByDesignationIdOrderByVersionNumberAsc(require(designationId).getId());
  }

  private static void requireStatus(Designation designation, DesignationStatus expected, String action) {
    if (designation.getStatus() != expected) {
      throw new ConflictException("Designation " + designation.getId() + " is " + designation.getStatus()
          + "; it must be " + expected + " to " + action + ".");
    }
  }

  /**
   * Publishes the decision's message (written to the outbox in this transaction): only what its recipients
   * may read in the application, never a board member's vote.
   */
  private void tell(Designation designation, String headline, List<Fact> facts, Set<String> groups) {
    List<Fact> all = new ArrayList<>();
    all.add(new Fact("Designation", designation.getId()));
    all.addAll(facts);
    publisher.publishEvent(new DecisionNotice(designation.getId(), headline, all, groups, Set.of()));
  }

  private static Set<String> directorAndOmb(Designation designation) {
    return Set.of(Roles.directorsOf(designation.getAgencyCode()), Roles.OMB_DECIDERS, Roles.OMB_ANALYSTS);
  }

  private String agencyName(Designation designation) {
    return referenceData.requireAgency("agencyCode", designation.getAgencyCode()).getName();
  }

  private String areaName(Designation designation) {
    return referenceData.requireFunctionalArea("functionalAreaCode", designation.getFunctionalAreaCode()).getName();
  }

  private void record(Designation designation, String actor, String action, String reason) {
    events.save(new DesignationEvent(designation.getId(), clock.instant(), actor, action, designation.getStatus(),
        reason));
  }
}
