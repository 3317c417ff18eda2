package gov.qsmo.workflow.designation.assessment;

import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.designation.BoardRecommendation;
import gov.qsmo.workflow.designation.BoardReviewService;
import gov.qsmo.workflow.designation.BoardRound;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.designation.LiveOfferings;
import gov.qsmo.workflow.designation.QsmoDesignated;
import gov.qsmo.workflow.designation.RedesignationService;
import gov.qsmo.workflow.designation.assessment.Assessment.Decision;
import gov.qsmo.workflow.designation.assessment.Assessment.Status;
import gov.qsmo.workflow.designation.assessment.AssessmentSubmission.Answers;
import gov.qsmo.workflow.designation.condition.ConditionService;
import gov.qsmo.workflow.designation.condition.DesignationCondition;
import gov.qsmo.workflow.designation.condition.DesignationConditionRepository;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Continuous assessment of designated QSMOs (ADR 0026): an annual assessment waits for each anniversary of the
 * effective date, OMB can order one at any time; the director submits, the board reviews it with the rules of a plan
 * review ({@link BoardReviewService}), OMB decides. Each step is an event of the assessment's record.
 */
@Service
@Transactional
public class AssessmentService {

  /** Lines of performance measures an assessment lists at most. */
  static final int MAX_MEASURES = 50;
  /** Open conditions an assessment's record lists by name; the rest are counted. */
  static final int CONDITIONS_LISTED = 20;
  static final EnumSet<DesignationCondition.Status> OPEN_CONDITIONS = EnumSet.of(DesignationCondition.Status.OPEN,
      DesignationCondition.Status.REPORTED, DesignationCondition.Status.OVERDUE);
  static final EnumSet<Status> UNDER_WAY = EnumSet.of(Status.AWAITING_SUBMISSION, Status.UNDER_BOARD_REVIEW,
      Status.AWAITING_OMB_DECISION);

  /** One performance measure as the director reports it: its target and this year's result. */
  public record Measure(String measure, String target, String result) {
  }

  private final AssessmentRepository assessments;
  private final AssessmentSubmissionRepository submissions;
  private final AssessmentEventRepository events;
  private final DesignationService designations;
  private final BoardReviewService boardReview;
  private final RedesignationService redesignation;
  private final ConditionService conditions;
  private final DesignationConditionRepository conditionRows;
  private final LiveOfferings offerings;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final int intervalMonths;
  private final OfficeTime officeTime;

  AssessmentService(AssessmentRepository assessments, AssessmentSubmissionRepository submissions,
      AssessmentEventRepository events, DesignationService designations, BoardReviewService boardReview,
      RedesignationService redesignation, ConditionService conditions, DesignationConditionRepository conditionRows,
      LiveOfferings offerings, RuntimeService runtimeService, IdentityService identityService,
      BusinessCalendar calendar, Clock clock, @Value("${qsmo.assessment.interval-months:12}") int intervalMonths,
      OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.assessments = assessments;
    this.submissions = submissions;
    this.events = events;
    this.designations = designations;
    this.boardReview = boardReview;
    this.redesignation = redesignation;
    this.conditions = conditions;
    this.conditionRows = conditionRows;
    this.offerings = offerings;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.calendar = calendar;
    this.clock = clock;
    if (intervalMonths < 1 || intervalMonths > 60) {
      throw new IllegalArgumentException("qsmo.assessment.interval-months is 1 to 60, not " + intervalMonths);
    }
    this.intervalMonths = intervalMonths;
  }

  /** OMB designated a QSMO: its first annual assessment waits for the first anniversary. */
  @EventListener
  public void designated(QsmoDesignated event) {
    scheduleNext(event.designationId(), event.actor());
  }

  /**
   * Schedules the designated QSMO's next annual assessment at the first anniversary of its effective date after today
   * and after its last annual assessment; nothing when one is already scheduled or the QSMO is no longer designated.
   */
  public java.util.Optional<Assessment> scheduleNext(String designationId, String actor) {
    return scheduleNext(designationId, actor, LocalDate.MIN);
  }

  /** The next annual assessment after this date (the anniversary just reached, or covered). */
  private java.util.Optional<Assessment> scheduleNext(String designationId, String actor, LocalDate notBefore) {
    Designation designation = designations.require(designationId);
    if (designation.getStatus() != DesignationStatus.DESIGNATED || designation.getEffectiveDate() == null
        || assessments.existsByDesignationIdAndStatus(designationId, Status.SCHEDULED)) {
      return java.util.Optional.empty();
    }
    LocalDate after = java.util.Collections.max(List.of(calendar.today(), lastAnnual(designationId), notBefore));
    LocalDate anniversary = designation.getEffectiveDate();
    while (!anniversary.isAfter(after)) {
      anniversary = anniversary.plusMonths(intervalMonths);
    }
    return java.util.Optional.of(scheduleAnnual(designation, anniversary, actor));
  }

  /** An annual assessment that waits for this anniversary (the demo's is one that came already). */
  Assessment scheduleAnnual(Designation designation, LocalDate anniversary, String actor) {
    Assessment assessment = assessments.save(Assessment.annual(designation.getId(), anniversary, clock.instant()));
    record(assessment, actor, "SCHEDULED", "Annual assessment at the anniversary of the effective date ("
        + officeTime.date(designation.getEffectiveDate()) + "): " + officeTime.date(anniversary) + ".");
    start(assessment, designation, false, anniversaryAt(anniversary));
    return assessment;
  }

  /** OMB orders an assessment now; refused while another assessment of the QSMO is under way. */
  public Assessment order(String designationId, String reason, String actor) {
    Designation designation = designations.require(designationId);
    if (designation.getStatus() != DesignationStatus.DESIGNATED) {
      throw new ConflictException("Designation " + designationId + " is " + designation.getStatus()
          + "; only a designated QSMO is assessed.");
    }
    if (reason == null) {
      throw new InvalidRequestException("reason", "Give the reason for ordering the assessment.");
    }
    List<Assessment> running = assessments.findByDesignationIdAndStatusIn(designationId, UNDER_WAY);
    if (!running.isEmpty()) {
      throw new ConflictException("Assessment " + running.get(0).getId() + " of " + designationId + " is under way ("
          + AssessmentWords.status(running.get(0).getStatus()).toLowerCase() + "); order another once OMB has decided "
          + "it.");
    }
    Assessment assessment;
    try {
      assessment = assessments.saveAndFlush(Assessment.ordered(designationId, calendar.today(), actor, reason,
          clock.instant()));
    } catch (org.springframework.dao.DataIntegrityViolationException orderedAtOnce) {
      throw new ConflictException("Another assessment of " + designationId + " was ordered at the same moment; "
          + "read the QSMO's assessments again.");
    }
    record(assessment, actor, "ORDERED", reason);
    start(assessment, designation, true, null);
    designations.note(designationId, actor, "ASSESSMENT_ORDERED", "Assessment " + assessment.getId() + ": " + reason);
    return assessment;
  }

  /**
   * The anniversary came: the director owes the assessment, unless another of the QSMO's assessments (one OMB ordered)
   * is under way, which then stands for this year's (returns true: the instance ends). The next year's is scheduled
   * either way.
   */
  public boolean open(long assessmentId) {
    Assessment assessment = lock(assessmentId);
    if (assessment.getStatus() != Status.SCHEDULED) {
      return assessment.getStatus() == Status.CANCELLED;
    }
    List<Assessment> running = assessments.findByDesignationIdAndStatusIn(assessment.getDesignationId(), UNDER_WAY);
    boolean covered = !running.isEmpty();
    if (covered) {
      // One assessment at a time per QSMO: the one OMB ordered stands for this year's.
      assessment.moveTo(Status.CANCELLED, clock.instant());
      record(assessment, "system", "COVERED", "The anniversary came while assessment " + running.get(0).getId()
          + " was under way; it stands for this year's.");
    } else {
      assessment.moveTo(Status.AWAITING_SUBMISSION, clock.instant());
      record(assessment, "system", "OPENED", "The anniversary of the effective date came: the director submits.");
    }
    // Written before the next year's is scheduled: at most one assessment waits per QSMO (a unique index).
    assessments.flush();
    scheduleNext(assessment.getDesignationId(), "system", assessment.getAsOf());
    return covered;
  }

  /**
   * The director's assessment: performance measures (one per line: measure | target | result), customer agencies
   * served and being onboarded, customer satisfaction, risks. The marketplace's offerings and the open conditions are
   * taken from the program's records. Stored as a new version; the board reviews it next.
   */
  public AssessmentSubmission submit(long assessmentId, Answers answers, String actor) {
    Assessment assessment = lock(assessmentId);
    requireStatus(assessment, Status.AWAITING_SUBMISSION, "submit it");
    measures(answers.performanceMeasures());
    int version = submissions.findFirstByAssessmentIdOrderByVersionNumberDesc(assessmentId)
        .map(s -> s.getVersionNumber() + 1).orElse(1);
    AssessmentSubmission submission = submissions.save(new AssessmentSubmission(assessmentId, version, answers,
        offeringsSummary(assessment.getDesignationId()), openConditions(assessment.getDesignationId()), actor,
        clock.instant()));
    assessment.moveTo(Status.UNDER_BOARD_REVIEW, clock.instant());
    record(assessment, actor, "SUBMITTED", "Version " + version + ".");
    return submission;
  }

  /** The director's answers checked: the required ones present, every text within its limit. */
  static Answers answers(Map<String, Object> form) {
    return new Answers(
        Inputs.requiredText(form, "performanceMeasures", "Performance measures", Inputs.MAX_TEXT),
        Inputs.requiredText(form, "customersServed", "Customer agencies served", Inputs.MAX_TEXT),
        Inputs.optionalText(form, "customersOnboarding", "Customer agencies being onboarded", Inputs.MAX_TEXT),
        Inputs.requiredText(form, "customerSatisfaction", "Customer satisfaction", Inputs.MAX_TEXT),
        Inputs.requiredText(form, "risks", "Risks", Inputs.MAX_TEXT));
  }

  /** Performance measures, one per line: "measure | target | result"; a line that is not refuses them all. */
  public static List<Measure> measures(String text) {
    List<String> lines = text == null ? List.of()
        : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (lines.isEmpty()) {
      throw new InvalidRequestException("performanceMeasures", "List the plan's performance measures, one per line: "
          + "measure | target | result.");
    }
    if (lines.size() > MAX_MEASURES) {
      throw new InvalidRequestException("performanceMeasures", "List at most " + MAX_MEASURES + " measures ("
          + lines.size() + " given).");
    }
    List<Measure> measures = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split("\\|", -1);
      if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(p -> p.isBlank())) {
        throw new InvalidRequestException("performanceMeasures", "Line " + (i + 1) + " ('" + shorten(lines.get(i))
            + "') is not 'measure | target | result': give all three, separated by |.");
      }
      measures.add(new Measure(parts[0].strip(), parts[1].strip(), parts[2].strip()));
    }
    return measures;
  }

  /** The board's round on the assessment opened. */
  public BoardRound openRound(long assessmentId) {
    Assessment assessment = lock(assessmentId);
    requireStatus(assessment, Status.UNDER_BOARD_REVIEW, "open a board round");
    BoardRound round = boardReview.openAssessmentRound(assessment.getDesignationId(), assessmentId);
    record(assessment, "system", "BOARD_ROUND_OPENED", "Round " + round.getRoundNumber() + ": "
        + boardReview.rosterSummary(round));
    return round;
  }

  /**
   * The chair's consolidated recommendation: a return sends the assessment back to the director; any other goes to
   * OMB. Returns the recommendation that stands (a return past the round limit goes to OMB as not endorsed).
   */
  public BoardRecommendation consolidate(long assessmentId, BoardRecommendation recommendation, List<String> actions,
      String comments, String chair) {
    Assessment assessment = lock(assessmentId);
    requireStatus(assessment, Status.UNDER_BOARD_REVIEW, "record the board's recommendation");
    BoardRound round = boardReview.consolidateRound(assessment.getDesignationId(), assessmentId, recommendation,
        actions, comments, chair);
    BoardRecommendation standing = round.getRecommendation();
    String summary = AssessmentWords.recommendation(standing) + " (round " + round.getRoundNumber() + ")"
        + (round.getRecommendationComments() == null ? "." : ". " + round.getRecommendationComments());
    if (standing == BoardRecommendation.RETURN_FOR_REVISION) {
      assessment.moveTo(Status.AWAITING_SUBMISSION, clock.instant());
      record(assessment, chair, "RETURNED_FOR_REVISION", summary);
      designations.announce(assessment.getDesignationId(), "The governance board returned assessment "
          + assessmentId + " for revision", Map.of("The board's comments", summary));
    } else {
      assessment.moveTo(Status.AWAITING_OMB_DECISION, clock.instant());
      record(assessment, chair, "BOARD_RECOMMENDED", summary);
    }
    return standing;
  }

  /** The chair reopens the board's review until the end of a business day. */
  public Instant extendReview(long assessmentId, LocalDate closesOn, String reason, String actor) {
    Assessment assessment = lock(assessmentId);
    requireStatus(assessment, Status.UNDER_BOARD_REVIEW, "extend its review");
    BoardRound round = boardReview.extendRound(assessment.getDesignationId(), assessmentId, closesOn);
    record(assessment, actor, "BOARD_REVIEW_EXTENDED", "Round " + round.getRoundNumber() + " now closes "
        + round.getClosesAt() + (reason == null ? "." : ": " + reason));
    return round.getClosesAt();
  }

  /** The chair sends the review to OMB without a recommendation (no quorum); a reason is required. */
  public void escalateReview(long assessmentId, String reason, String actor) {
    Assessment assessment = lock(assessmentId);
    requireStatus(assessment, Status.UNDER_BOARD_REVIEW, "escalate its review");
    if (reason == null) {
      throw new InvalidRequestException("reviewActionReason", "Give the reason for escalating the review to OMB.");
    }
    assessment.moveTo(Status.AWAITING_OMB_DECISION, clock.instant());
    record(assessment, actor, "BOARD_REVIEW_ESCALATED", reason);
  }

  /** What OMB decides, with what each decision needs. */
  public record DecisionRequest(Decision decision, String reason, String correctiveActions, LocalDate actionsDue,
      String successorAgencyCode, LocalDate successorPlanDue) {
  }

  /**
   * OMB's decision: continue; continue with corrective actions (followed like conditions); redesignate to another
   * agency (the existing redesignation); or rescind (the QSMO's open conditions and scheduled assessments end).
   * The QSMO's directors and OMB are told.
   */
  public Assessment decide(long assessmentId, DecisionRequest request, String actor) {
    Assessment assessment = lock(assessmentId);
    requireStatus(assessment, Status.AWAITING_OMB_DECISION, "decide it");
    if (request.reason() == null) {
      throw new InvalidRequestException("decisionReason", "Give the reason for the decision: it is on the record.");
    }
    String designationId = assessment.getDesignationId();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Decision", request.decision().label());
    facts.put("Reason", request.reason());
    switch (request.decision()) {
      case CONTINUE -> {
      }
      case CORRECTIVE_ACTION -> {
        List<DesignationCondition> actions = conditions.trackCorrectiveActions(designationId, assessmentId,
            request.correctiveActions(), request.actionsDue(), actor);
        facts.put("Corrective actions", actions.stream().map(DesignationCondition::getText)
            .collect(Collectors.joining("; ")) + " (due " + request.actionsDue() + ")");
      }
      case REDESIGNATE -> {
        if (request.successorAgencyCode() == null) {
          throw new InvalidRequestException("successorAgencyCode", "Choose the agency the QSMO moves to.");
        }
        if (request.successorPlanDue() == null) {
          throw new InvalidRequestException("successorPlanDueDate", "Give the date by which the successor's director "
              + "submits a plan.");
        }
        Designation successor = redesignation.order(designationId, request.successorAgencyCode(),
            request.successorPlanDue(), "Assessment " + assessmentId + ": " + request.reason(), actor);
        facts.put("Successor", successor.getId() + " (" + successor.getAgencyCode() + ")");
      }
      case RESCIND -> {
        designations.rescind(designationId, "Assessment " + assessmentId + ": " + request.reason(), actor);
        conditions.withdrawOpenBecause(designationId, actor, "The designation was rescinded (assessment " + assessmentId
            + ").");
        cancelOthers(designationId, assessmentId, actor, "The designation was rescinded (assessment " + assessmentId
            + ").");
      }
      default -> throw new IllegalStateException(request.decision().name());
    }
    assessment.decide(request.decision(), request.reason(), actor, clock.instant());
    record(assessment, actor, "DECIDED", request.decision().label() + ": " + request.reason());
    designations.note(designationId, actor, "ASSESSMENT_DECIDED", "Assessment " + assessmentId + ": "
        + request.decision().label() + ". " + request.reason());
    facts.put("Assessment", String.valueOf(assessmentId));
    designations.announce(designationId, "OMB decided the assessment of " + designationId + ": "
        + request.decision().label(), facts);
    return assessment;
  }

  /**
   * The QSMO's designation ended (superseded by its successor, rescinded): its other assessments still scheduled or
   * under way are cancelled, their processes ended, the reason on their record.
   */
  public void cancelOthers(String designationId, Long keep, String actor, String why) {
    EnumSet<Status> open = EnumSet.copyOf(UNDER_WAY);
    open.add(Status.SCHEDULED);
    for (Assessment other : assessments.findByDesignationIdAndStatusIn(designationId, open)) {
      if (other.getId().equals(keep)) {
        continue;
      }
      other.moveTo(Status.CANCELLED, clock.instant());
      record(other, actor, "CANCELLED", why);
      String instance = other.getProcessInstanceId();
      if (instance != null) {
        Privileged.run(identityService, () -> {
          if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            runtimeService.deleteProcessInstance(instance, why, true, true);
          }
          return null;
        });
      }
    }
  }

  /** Its process was deleted before OMB decided (Cockpit, say): the record says so. */
  public void processEnded(long assessmentId, String why) {
    Assessment assessment = lock(assessmentId);
    if (!assessment.getStatus().closed()) {
      assessment.moveTo(Status.CANCELLED, clock.instant());
      record(assessment, "system", "CANCELLED", why);
    }
  }

  /** The assessment a process instance works on, refusing an instance it does not own. */
  @Transactional(readOnly = true)
  public Assessment ofInstance(DelegateExecution execution) {
    Object id = execution.getVariable(AssessmentProcess.Variables.ASSESSMENT_ID);
    Assessment assessment = require(id instanceof Number n ? n.longValue() : null);
    if (!execution.getProcessInstanceId().equals(assessment.getProcessInstanceId())) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " does not belong to assessment " + assessment.getId() + ".");
    }
    return assessment;
  }

  @Transactional(readOnly = true)
  public Assessment require(Long assessmentId) {
    return assessments.findById(assessmentId == null ? -1L : assessmentId)
        .orElseThrow(() -> new NotFoundException("No assessment with id '" + assessmentId + "'."));
  }

  /** The assessment, if it is one of this designation's. */
  @Transactional(readOnly = true)
  public Assessment require(String designationId, Long assessmentId) {
    Assessment assessment = require(assessmentId);
    if (!assessment.getDesignationId().equals(designationId)) {
      throw new NotFoundException("Designation " + designationId + " has no assessment " + assessmentId + ".");
    }
    return assessment;
  }

  /** A page of a designation's assessments, newest first. */
  @Transactional(readOnly = true)
  public List<Assessment> of(String designationId, int page, int size) {
    return assessments.findByDesignationIdOrderByIdDesc(designationId, PageRequest.of(page, size));
  }

  @Transactional(readOnly = true)
  public java.util.Optional<AssessmentSubmission> latestSubmission(long assessmentId) {
    return submissions.findFirstByAssessmentIdOrderByVersionNumberDesc(assessmentId);
  }

  /** Every version submitted (a few: one more per return for revision, at most the round limit). */
  @Transactional(readOnly = true)
  public List<AssessmentSubmission> submissions(long assessmentId) {
    return submissions.findByAssessmentIdOrderByVersionNumberAsc(assessmentId);
  }

  @Transactional(readOnly = true)
  public List<AssessmentEvent> history(long assessmentId, int page, int size) {
    return events.findByAssessmentIdOrderByIdAsc(assessmentId, PageRequest.of(page, size));
  }

  @Transactional(readOnly = true)
  public List<BoardRound> rounds(long assessmentId) {
    return boardReview.assessmentRounds(assessmentId);
  }

  /** "2 available, 1 planned, 0 retired", from the marketplace. */
  String offeringsSummary(String designationId) {
    Map<String, Long> counts = offerings.countByStatus(designationId);
    return counts.getOrDefault("AVAILABLE", 0L) + " available, " + counts.getOrDefault("PLANNED", 0L) + " planned, "
        + counts.getOrDefault("RETIRED", 0L) + " retired offerings in the marketplace.";
  }

  /** The conditions (and corrective actions) still open: the first by name, the rest counted. */
  String openConditions(String designationId) {
    long count = conditionRows.countByDesignationIdAndStatusIn(designationId, OPEN_CONDITIONS);
    if (count == 0) {
      return "No open conditions.";
    }
    List<DesignationCondition> first = conditionRows.findByDesignationIdAndStatusInOrderByIdAsc(designationId,
        OPEN_CONDITIONS, PageRequest.of(0, CONDITIONS_LISTED));
    return count + " open: " + first.stream().map(c -> c.getText() + " (" + c.getStatus().words().toLowerCase()
        + (c.getDueDate() == null ? "" : ", due " + c.getDueDate()) + ")").collect(Collectors.joining("; "))
        + (count > first.size() ? "; and " + (count - first.size()) + " more." : ".");
  }

  private void start(Assessment assessment, Designation designation, boolean ordered, String anniversaryAt) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(AssessmentProcess.Variables.DESIGNATION_ID, designation.getId());
    variables.put(AssessmentProcess.Variables.ASSESSMENT_ID, assessment.getId());
    variables.put(AssessmentProcess.Variables.DIRECTOR_GROUP_ID, Roles.directorsOf(designation.getAgencyCode()));
    variables.put(AssessmentProcess.Variables.ORDERED, ordered);
    variables.put(AssessmentProcess.Variables.ANNIVERSARY_AT, anniversaryAt);
    String instance = Privileged.run(identityService, () -> runtimeService.startProcessInstanceByKey(
        AssessmentProcess.KEY, designation.getId(), variables).getId());
    assessment.attachProcess(instance);
  }

  /** The start of the anniversary's business day (09:00, office's zone) as an instant. */
  private String anniversaryAt(LocalDate anniversary) {
    return calendar.onOrAfter(anniversary).atTime(BusinessCalendar.REMINDER_TIME).atZone(calendar.zone()).toInstant()
        .truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private LocalDate lastAnnual(String designationId) {
    return assessments.findByDesignationIdOrderByIdDesc(designationId, PageRequest.of(0, 20)).stream()
        .filter(a -> a.getKind() == Assessment.Kind.ANNUAL && a.getStatus() != Status.CANCELLED)
        .map(Assessment::getAsOf).findFirst().orElse(LocalDate.MIN);
  }

  private Assessment lock(long assessmentId) {
    return assessments.lock(assessmentId)
        .orElseThrow(() -> new NotFoundException("No assessment with id '" + assessmentId + "'."));
  }

  private static void requireStatus(Assessment assessment, Status expected, String action) {
    if (assessment.getStatus() != expected) {
      throw new ConflictException("Assessment " + assessment.getId() + " of " + assessment.getDesignationId() + " is "
          + AssessmentWords.status(assessment.getStatus()).toLowerCase() + "; cannot " + action + ".");
    }
  }

  private void record(Assessment assessment, String actor, String action, String text) {
    events.save(new AssessmentEvent(assessment.getId(), clock.instant(), actor, action, assessment.getStatus(), text));
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
