package gov.qsmo.workflow.rfi.plan;

import gov.qsmo.workflow.notification.DecisionNotice;
import org.springframework.context.ApplicationEventPublisher;
import gov.qsmo.workflow.calendar.BusinessCalendar;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CLOSE_DATE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CRITERIA;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.PANEL_CHAIR;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCALE_LEVELS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.TOPICS;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import gov.qsmo.workflow.rfi.ScaleType;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.process.OfficeTime;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation plan: written by a QSMO director or contracting officer, approved by a director of
 * the issuing agency, and frozen from then on. Criteria, weights and the scale's definitions are
 * fixed before anyone scores.
 */
@Service
@Transactional
public class RfiPlanService {

  static final int MAX_TOPICS = 8;

  private final RfiService records;
  private final ReferenceData referenceData;
  private final IdentityService identityService;
  private final BusinessCalendar calendar;
  private final ApplicationEventPublisher publisher;
  private final DesignationService designations;
  private final OfficeTime officeTime;

  RfiPlanService(RfiService records, ReferenceData referenceData, IdentityService identityService,
      BusinessCalendar calendar, ApplicationEventPublisher publisher, DesignationService designations,
      OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.designations = designations;
    this.calendar = calendar;
    this.publisher = publisher;
    this.records = records;
    this.referenceData = referenceData;
    this.identityService = identityService;
  }

  /** Checks a plan against every rule; the message names the field and says what to fix. */
  public void check(PlanDraft plan, Caller caller) {
    referenceData.requireActiveAgency("agencyCode", plan.agencyCode());
    if (!caller.isSystem() && !caller.in(Roles.CONTRACTING_OFFICERS) && !caller.directs(plan.agencyCode())) {
      throw new InvalidRequestException("agencyCode", "Only a QSMO director of " + plan.agencyCode()
          + " or a contracting officer may issue an RFI for " + plan.agencyCode() + ".");
    }
    if (plan.topics().isEmpty() || plan.topics().size() > MAX_TOPICS) {
      throw new InvalidRequestException(TOPICS, "List from 1 to " + MAX_TOPICS + " topics, one per line ("
          + plan.topics().size() + " given).");
    }
    for (String topic : plan.topics()) {
      Inputs.checkedText(TOPICS, "Topic", topic, 500);
    }
    LocalDate today = LocalDate.now(records.clock());
    if (!plan.closeDate().isAfter(today)) {
      throw new InvalidRequestException(CLOSE_DATE, "The close date " + plan.closeDate()
          + " must be after today (" + today + ").");
    }
    calendar.requireBusinessDay(CLOSE_DATE, "The close date", plan.closeDate());
    if (Privileged.run(identityService, () -> identityService.createUserQuery().userId(plan.panelChair())
        .memberOfGroup(Roles.RFI_PANEL_CHAIRS).count()) == 0) {
      throw new InvalidRequestException(PANEL_CHAIR, "'" + plan.panelChair() + "' is not an RFI panel chair (a "
          + "member of the group " + Roles.RFI_PANEL_CHAIRS + "); name one by user id.");
    }
    checkScale(plan);
    checkCriteria(plan);
  }

  private static void checkScale(PlanDraft plan) {
    if (plan.levels().size() < 2 || plan.levels().size() > 11) {
      throw new InvalidRequestException(SCALE_LEVELS, "A rating scale has from 2 to 11 levels ("
          + plan.levels().size() + " given).");
    }
    Set<Integer> values = new HashSet<>();
    for (ScaleType.Level level : plan.levels()) {
      if (level.value() < 0 || level.value() > 10) {
        throw new InvalidRequestException(SCALE_LEVELS, "Scale level " + level.value() + " is outside 0 to 10.");
      }
      if (!values.add(level.value())) {
        throw new InvalidRequestException(SCALE_LEVELS, "Scale level " + level.value() + " is listed twice.");
      }
      Inputs.checkedText(SCALE_LEVELS, "Label of level " + level.value(), level.label(), 60);
      if (level.definition() == null || level.definition().isBlank()) {
        throw new InvalidRequestException(SCALE_LEVELS, "Scale level " + level.value() + " (" + level.label()
            + ") has no definition; write what a reviewer must see to give it.");
      }
      Inputs.checkedText(SCALE_LEVELS, "Definition of level " + level.value(), level.definition(), 1000);
    }
  }

  private static void checkCriteria(PlanDraft plan) {
    if (plan.criteria().isEmpty() || plan.criteria().size() > RfiProcess.MAX_CRITERIA) {
      throw new InvalidRequestException(CRITERIA, "A plan has from 1 to " + RfiProcess.MAX_CRITERIA
          + " criteria (" + plan.criteria().size() + " given).");
    }
    Set<String> names = new HashSet<>();
    int total = 0;
    for (PlanDraft.CriterionDraft criterion : plan.criteria()) {
      String name = Inputs.checkedText(CRITERIA, "Criterion name", criterion.name(), 200);
      if (name == null) {
        throw new InvalidRequestException(CRITERIA, "Every criterion needs a name.");
      }
      if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidRequestException(CRITERIA, "The criterion '" + name + "' is listed twice.");
      }
      if (criterion.guidance() == null || criterion.guidance().isBlank()) {
        throw new InvalidRequestException(CRITERIA, "The criterion '" + name
            + "' has no guidance; tell reviewers what to look for.");
      }
      Inputs.checkedText(CRITERIA, "Guidance of " + name, criterion.guidance(), 2000);
      if (criterion.weight() < 1 || criterion.weight() > 100) {
        throw new InvalidRequestException(CRITERIA, "The weight of '" + name + "' is " + criterion.weight()
            + "; give each criterion from 1 to 100 percent.");
      }
      total += criterion.weight();
    }
    if (total != 100) {
      throw new InvalidRequestException(CRITERIA, "The criteria's weights total " + total
          + "; they must total 100.");
    }
  }

  /** Records a new RFI with its plan, waiting for approval. */
  Rfi draft(PlanDraft plan, String designationId, Caller caller) {
    check(plan, caller);
    String qsmo = designations.servedBy(plan.agencyCode(), designationId).getId();
    Rfi rfi = new Rfi(records.nextRfiId(), caller.userId(), records.now());
    apply(rfi, plan);
    rfi.designationId = qsmo;
    records.save(rfi);
    records.record(rfi.id, caller.userId(), "PLAN_DRAFTED", "Serves the QSMO " + qsmo + "; " + rfi.criteria.size()
        + " criteria, " + rfi.scale.size() + "-level " + rfi.scaleType.name().toLowerCase(java.util.Locale.ROOT)
        + " scale, closes " + officeTime.dateTime(rfi.closesAt));
    return rfi;
  }

  /** Replaces a returned plan with its revision. Refused once the plan is approved. */
  public Rfi revise(String rfiId, PlanDraft plan, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    requireChangeable(rfi);
    if (!plan.agencyCode().equals(rfi.agencyCode)) {
      throw new InvalidRequestException("agencyCode", "The issuing agency of an RFI does not change.");
    }
    check(plan, caller);
    apply(rfi, plan);
    records.moveTo(rfi, RfiStatus.PLAN_DRAFTED, caller.userId(), "PLAN_REVISED", rfi.criteria.size()
        + " criteria, closes " + officeTime.dateTime(rfi.closesAt));
    return rfi;
  }

  /** Refuses any change of a frozen (approved) plan, and of a plan that is not back with its authors. */
  public void requireChangeable(Rfi rfi) {
    if (rfi.planFrozen()) {
      throw new ConflictException("The evaluation plan of " + rfi.id + " was approved by " + rfi.planApprovedBy
          + " on " + officeTime.dateTime(rfi.planApprovedAt) + "; its criteria, weights and scale are frozen and cannot change.");
    }
    if (rfi.status != RfiStatus.PLAN_RETURNED) {
      throw new ConflictException("The evaluation plan of " + rfi.id + " is waiting for the director's approval; "
          + "it can be changed only after the director returns it.");
    }
  }

  void approve(String rfiId, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    if (rfi.planFrozen()) {
      throw new ConflictException("The plan of " + rfiId + " is already approved.");
    }
    rfi.planApprovedAt = records.now();
    rfi.planApprovedBy = caller.userId();
    records.moveTo(rfi, RfiStatus.OPEN, caller.userId(), "PLAN_APPROVED",
        "Criteria, weights and scale frozen; responses accepted until " + officeTime.dateTime(rfi.closesAt) + ".");
    tellIssuers(rfi, "The evaluation plan of " + rfi.id + " was approved: the RFI is open for responses",
        new DecisionNotice.Fact("Approved by", caller.userId()));
  }

  void returnForRevision(String rfiId, String comments, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    records.moveTo(rfi, RfiStatus.PLAN_RETURNED, caller.userId(), "PLAN_RETURNED", comments);
    tellIssuers(rfi, "The evaluation plan of " + rfi.id + " was returned for revision",
        new DecisionNotice.Fact("Returned by", caller.userId()),
        new DecisionNotice.Fact("What to revise", comments == null ? "(no comments)" : comments));
  }

  /** Tells the plan's author and the issuing agency's QSMO directors of a decision on the plan, by e-mail. */
  private void tellIssuers(Rfi rfi, String headline, DecisionNotice.Fact... facts) {
    java.util.List<DecisionNotice.Fact> all = new java.util.ArrayList<>();
    all.add(new DecisionNotice.Fact("RFI", rfi.id + ": " + rfi.title));
    all.addAll(java.util.List.of(facts));
    publisher.publishEvent(new DecisionNotice(rfi.id, headline, all, java.util.Set.of(Roles.directorsOf(rfi.agencyCode)),
        java.util.Set.of(rfi.createdBy())));
  }

  private void apply(Rfi rfi, PlanDraft plan) {
    rfi.title = Inputs.checkedText("title", "Title", plan.title(), 200);
    rfi.description = Inputs.checkedText("description", "Description", plan.description(), Inputs.MAX_TEXT);
    rfi.agencyCode = plan.agencyCode();
    rfi.topics.clear();
    rfi.topics.addAll(plan.topics().stream().map(String::strip).toList());
    rfi.closesAt = closesAt(plan.closeDate());
    rfi.allowLate = plan.allowLate();
    rfi.panelChairId = plan.panelChair();
    rfi.scaleType = plan.scaleType();
    rfi.scale.clear();
    plan.levels().stream().sorted(java.util.Comparator.comparingInt(ScaleType.Level::value)).forEach(level ->
        rfi.scale.add(new Rfi.ScaleLevel(level.value(), level.label().strip(), level.definition().strip())));
    rfi.criteria.clear();
    int position = 1;
    for (PlanDraft.CriterionDraft criterion : plan.criteria()) {
      rfi.criteria.add(new Rfi.Criterion(position++, criterion.name().strip(), criterion.guidance().strip(),
          criterion.weight()));
    }
  }

  /** Responses are accepted until the end of the close date, in the office's time zone. */
  Instant closesAt(LocalDate closeDate) {
    return calendar.endOf(closeDate);
  }
}
