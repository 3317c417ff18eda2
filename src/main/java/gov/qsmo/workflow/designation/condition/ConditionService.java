package gov.qsmo.workflow.designation.condition;

import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.condition.DesignationCondition.Source;
import gov.qsmo.workflow.designation.condition.DesignationCondition.Status;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.DecisionNotice;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import gov.qsmo.workflow.shared.Upload;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a condition's life after designation: who owns it, when it is due, what each step may do and in
 * which state. Each step locks the condition, checks where it stands (409 otherwise), moves it on and writes the
 * step into its history. The process ({@code designation-condition}) calls these from its tasks' listeners; the
 * API completes the same tasks, so both ways go through here.
 */
@Service
public class ConditionService {

  /** OMB's choices on a reported condition. */
  public enum Decision { MET, NOT_MET, MORE_PROGRESS }

  /** OMB's choices on an overdue condition. */
  public enum OverdueResolution { EXTEND, MET, NOT_MET }

  /** Conditions OMB may add with one decision, and files per condition: enough for any plan, never unbounded. */
  static final int MAX_OMB_CONDITIONS = 20;
  static final int MAX_EVIDENCE_FILES = 20;
  static final int MAX_LINKS = 10;
  /** Steps of a condition's history a form or an answer shows: the latest first. */
  static final int HISTORY_SHOWN = 20;

  private final DesignationConditionRepository conditions;
  private final ConditionEventRepository events;
  private final ConditionEvidenceRepository evidence;
  private final DesignationService designations;
  private final BusinessCalendar calendar;
  private final RuntimeService runtimeService;
  private final Clock clock;
  private final int defaultDueDays;
  private final ApplicationEventPublisher publisher;
  private final IdentityService identityService;

  ConditionService(DesignationConditionRepository conditions, ConditionEventRepository events,
      ConditionEvidenceRepository evidence, DesignationService designations, BusinessCalendar calendar,
      RuntimeService runtimeService, Clock clock,
      @Value("${qsmo.conditions.default-due-days:90}") int defaultDueDays, ApplicationEventPublisher publisher,
      IdentityService identityService) {
    this.publisher = publisher;
    this.identityService = identityService;
    this.conditions = conditions;
    this.events = events;
    this.evidence = evidence;
    this.designations = designations;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.clock = clock;
    this.defaultDueDays = defaultDueDays;
  }

  /**
   * OMB's designation: OMB's own conditions (one per line) are added to the board's open ones, and each gets the
   * agency's QSMO directors as owner, a due date (the one given, a business day after the effective date; by
   * default the first business day {@code qsmo.conditions.default-due-days} after it) and its process.
   * Refused before anything is stored when a line or the date is wrong.
   */
  @Transactional
  public List<DesignationCondition> track(String designationId, String ombConditions, LocalDate dueDate,
      String actor) {
    Designation designation = designations.require(designationId);
    if (designation.getEffectiveDate() == null) {
      throw new ConflictException("Designation " + designationId + " is " + designation.getStatus()
          + "; its conditions are followed once OMB designates it.");
    }
    List<String> lines = lines(ombConditions);
    List<DesignationCondition> tracked = new ArrayList<>(conditions.findByDesignationIdAndStatusOrderByIdAsc(
        designationId, Status.OPEN).stream().filter(c -> c.getProcessInstanceId() == null).toList());
    if (tracked.isEmpty() && lines.isEmpty()) {
      return List.of();
    }
    LocalDate due = dueDate != null ? checkedDueDate(designation, dueDate)
        : calendar.onOrAfter(designation.getEffectiveDate().plusDays(defaultDueDays));
    lines.forEach(text -> tracked.add(conditions.save(DesignationCondition.ofOmb(designationId, text))));
    follow(designation, tracked, due, actor);
    return tracked;
  }

  /**
   * OMB's decision on an assessment set corrective actions (one per line): each is followed like a condition, owned
   * by the QSMO's directors, due at the given business day (within five years). Refused before anything is stored
   * when a line or the date is wrong.
   */
  @Transactional
  public List<DesignationCondition> trackCorrectiveActions(String designationId, long assessmentId, String actions,
      LocalDate dueDate, String actor) {
    Designation designation = designations.require(designationId);
    List<String> lines = lines("correctiveActions", "corrective action", actions);
    if (lines.isEmpty()) {
      throw new InvalidRequestException("correctiveActions", "List the corrective actions, one per line.");
    }
    if (dueDate == null || !dueDate.isAfter(calendar.today()) || dueDate.isAfter(calendar.today().plusYears(5))) {
      throw new InvalidRequestException("correctiveActionsDueDate", "Give the date the corrective actions are due: "
          + "after today and within five years.");
    }
    calendar.requireBusinessDay("correctiveActionsDueDate", "Corrective actions due", dueDate);
    List<DesignationCondition> tracked = lines.stream().map(text -> conditions.save(
        DesignationCondition.correctiveAction(designationId, assessmentId, text))).toList();
    follow(designation, tracked, dueDate, actor);
    return tracked;
  }

  /** Each condition gets the agency's QSMO directors as owner, the due date and a process of its own. */
  private void follow(Designation designation, List<DesignationCondition> tracked, LocalDate due, String actor) {
    String designationId = designation.getId();
    String owners = Roles.directorsOf(designation.getAgencyCode());
    Instant now = clock.instant();
    for (DesignationCondition condition : tracked) {
      condition.track(owners, due, null, now);
      record(condition, actor, "TRACKED", switch (condition.getSource()) {
        case OMB -> "Set by OMB";
        case BOARD -> "Set by the board";
        case CORRECTIVE_ACTION -> "A corrective action OMB set at assessment " + condition.getAssessmentId();
      } + "; owned by " + owners + ", due " + due + ".");
      String instance = runtimeService.startProcessInstanceByKey(ConditionProcess.KEY, designationId, Map.of(
          ConditionProcess.Variables.DESIGNATION_ID, designationId,
          ConditionProcess.Variables.CONDITION_ID, condition.getId(),
          ConditionProcess.Variables.DIRECTOR_GROUP_ID, owners,
          ConditionProcess.Variables.CONDITION_DUE_DATE, due.toString())).getId();
      condition.attachProcess(instance);
    }
  }

  /**
   * The QSMO was superseded by its successor: its conditions still open are withdrawn (their processes end), with the
   * reason in their history. Bounded by the conditions of one designation.
   */
  @Transactional
  public void withdrawOpen(String designationId, String successorId, String actor) {
    withdrawOpenBecause(designationId, actor, "The QSMO was superseded by " + successorId + ".");
  }

  /** The QSMO's designation ended (superseded, rescinded): its conditions still open are withdrawn, with the reason. */
  @Transactional
  public void withdrawOpenBecause(String designationId, String actor, String why) {
    for (DesignationCondition condition : conditions.findByDesignationIdOrderByIdAsc(designationId)) {
      if (condition.getStatus().closed() || condition.getProcessInstanceId() == null) {
        continue;
      }
      condition.moveTo(Status.WITHDRAWN, clock.instant());
      record(condition, actor, "WITHDRAWN", why);
      // The application ends it on the decision's behalf (OMB's deciders may not delete instances themselves).
      String instance = condition.getProcessInstanceId();
      Privileged.run(identityService, () -> {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
          runtimeService.deleteProcessInstance(instance, why, true, true);
        }
        return null;
      });
    }
  }

  /** The director's progress report: the condition goes to OMB to decide. */
  @Transactional
  public DesignationCondition reportProgress(Long conditionId, String report, String links, String actor) {
    DesignationCondition condition = lock(conditionId);
    requireStatus(condition, "report progress on it", Status.OPEN);
    if (report == null) {
      throw new InvalidRequestException(ConditionProcess.Variables.PROGRESS_REPORT,
          "Describe the progress made on the condition (what was done, and where the evidence is).");
    }
    List<String> checkedLinks = links(links);
    condition.moveTo(Status.REPORTED, clock.instant());
    record(condition, actor, "PROGRESS_REPORTED", report + (checkedLinks.isEmpty() ? ""
        : "\nEvidence: " + String.join(" ", checkedLinks)));
    return condition;
  }

  /** OMB's decision on a reported condition: met, not met (both close it), or more progress needed. */
  @Transactional
  public DesignationCondition decide(Long conditionId, Decision decision, String reason, String actor) {
    DesignationCondition condition = lock(conditionId);
    requireStatus(condition, "decide whether it is met", Status.REPORTED);
    requireReason(reason, switch (decision) {
      case MET -> "why the condition is met";
      case NOT_MET -> "why the condition is not met";
      case MORE_PROGRESS -> "what the director still has to show";
    });
    Instant now = clock.instant();
    switch (decision) {
      case MET -> condition.decide(Status.MET, reason, now);
      case NOT_MET -> condition.decide(Status.NOT_MET, reason, now);
      case MORE_PROGRESS -> condition.decide(Status.OPEN, reason, now);
      default -> throw new IllegalStateException(decision.name());
    }
    record(condition, actor, decision == Decision.MORE_PROGRESS ? "MORE_PROGRESS_NEEDED" : decision.name(), reason);
    tell(condition, decision == Decision.MORE_PROGRESS ? "OMB asks for more progress on a condition of "
        : decision == Decision.MET ? "OMB marked a condition met: " : "OMB marked a condition not met: ", reason);
    return condition;
  }

  /** The due date passed with the condition still open: it goes to OMB. */
  @Transactional
  public DesignationCondition markOverdue(Long conditionId) {
    DesignationCondition condition = lock(conditionId);
    if (condition.getStatus().closed()) {
      return condition;
    }
    condition.moveTo(Status.OVERDUE, clock.instant());
    record(condition, "system", "OVERDUE", "Not met by its due date, " + condition.getDueDate()
        + "; OMB extends it or closes it.");
    tell(condition, "A condition is overdue and goes to OMB: ", "Not met by its due date.",
        Set.of(condition.getOwnerGroup(), Roles.OMB_DECIDERS));
    return condition;
  }

  /** OMB on an overdue condition: a new due date (a business day after today), or met, or not met. */
  @Transactional
  public DesignationCondition resolveOverdue(Long conditionId, OverdueResolution resolution, LocalDate newDueDate,
      String reason, String actor) {
    DesignationCondition condition = lock(conditionId);
    requireStatus(condition, "resolve it as overdue", Status.OVERDUE);
    requireReason(reason, resolution == OverdueResolution.EXTEND ? "why the condition gets more time"
        : resolution == OverdueResolution.MET ? "why the condition is met" : "why the condition is not met");
    Instant now = clock.instant();
    switch (resolution) {
      case EXTEND -> {
        LocalDate today = calendar.today();
        if (newDueDate == null || !newDueDate.isAfter(today) || newDueDate.isAfter(today.plusYears(5))) {
          throw new InvalidRequestException(ConditionProcess.Variables.NEW_CONDITION_DUE_DATE,
              "Give the new due date: a business day after today (" + today + ") and within five years.");
        }
        calendar.requireBusinessDay(ConditionProcess.Variables.NEW_CONDITION_DUE_DATE, "New due date", newDueDate);
        condition.extendTo(newDueDate, now);
        record(condition, actor, "DUE_DATE_EXTENDED", "Due " + newDueDate + ": " + reason);
        tell(condition, "OMB extended an overdue condition of ", reason);
      }
      case MET -> {
        condition.decide(Status.MET, reason, now);
        record(condition, actor, "MET", reason);
        tell(condition, "OMB marked a condition met: ", reason);
      }
      case NOT_MET -> {
        condition.decide(Status.NOT_MET, reason, now);
        record(condition, actor, "NOT_MET", reason);
        tell(condition, "OMB marked a condition not met: ", reason);
      }
      default -> throw new IllegalStateException(resolution.name());
    }
    return condition;
  }

  /** A file of evidence, while the condition is open to reports (not once OMB has closed it). */
  @Transactional
  public ConditionEvidence attachEvidence(Long conditionId, Upload upload, String actor) {
    DesignationCondition condition = lock(conditionId);
    if (condition.getProcessInstanceId() == null || condition.getStatus().closed()) {
      throw new ConflictException("Condition " + conditionId + " is " + condition.getStatus().words().toLowerCase()
          + (condition.getProcessInstanceId() == null ? " and not yet followed (its QSMO is not designated)" : "")
          + "; evidence can be added while it is open.");
    }
    if (evidence.countByConditionId(conditionId) >= MAX_EVIDENCE_FILES) {
      throw new ConflictException("Condition " + conditionId + " has " + MAX_EVIDENCE_FILES
          + " files of evidence already; combine them into fewer files.");
    }
    ConditionEvidence file = evidence.save(new ConditionEvidence(conditionId, upload, actor, clock.instant()));
    record(condition, actor, "EVIDENCE_ADDED", upload.fileName() + " (" + upload.content().length + " bytes)");
    return file;
  }

  /** The condition a process instance follows, refusing an instance that is not the condition's. */
  @Transactional(readOnly = true)
  public DesignationCondition ofInstance(DelegateExecution execution) {
    Object id = execution.getVariable(ConditionProcess.Variables.CONDITION_ID);
    DesignationCondition condition = require(id instanceof Number n ? n.longValue() : null);
    if (!execution.getProcessInstanceId().equals(condition.getProcessInstanceId())) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " does not follow condition " + condition.getId() + ".");
    }
    return condition;
  }

  @Transactional(readOnly = true)
  public DesignationCondition require(Long conditionId) {
    return (conditionId == null ? java.util.Optional.<DesignationCondition>empty() : conditions.findById(conditionId))
        .orElseThrow(() -> new NotFoundException("No condition with id '" + conditionId + "'."));
  }

  /** A designation's condition, 404 when it belongs to another. */
  @Transactional(readOnly = true)
  public DesignationCondition require(String designationId, Long conditionId) {
    DesignationCondition condition = require(conditionId);
    if (!condition.getDesignationId().equals(designationId)) {
      throw new NotFoundException("Designation " + designationId + " has no condition " + conditionId + ".");
    }
    return condition;
  }

  /** A page of a designation's conditions, in the order they were set. */
  @Transactional(readOnly = true)
  public List<DesignationCondition> of(String designationId, int page, int size) {
    return conditions.findByDesignationIdOrderByIdAsc(designationId, PageRequest.of(page, size));
  }

  /** The latest steps of a condition's history, newest first. */
  @Transactional(readOnly = true)
  public List<ConditionEvent> latestSteps(Long conditionId, int count) {
    return events.findByConditionIdOrderByIdDesc(conditionId, PageRequest.of(0, count));
  }

  /** A page of a condition's history, oldest first. */
  @Transactional(readOnly = true)
  public List<ConditionEvent> history(Long conditionId, int page, int size) {
    return events.findByConditionIdOrderByIdAsc(conditionId, PageRequest.of(page, size));
  }

  @Transactional(readOnly = true)
  public List<ConditionEvidenceRepository.Described> evidenceOf(Long conditionId) {
    return evidence.describedByCondition(conditionId);
  }

  @Transactional(readOnly = true)
  public ConditionEvidence evidenceFile(Long conditionId, Long evidenceId) {
    return evidence.findById(evidenceId == null ? -1L : evidenceId).filter(e -> e.getConditionId().equals(conditionId))
        .map(e -> {
          e.getContent();
          return e;
        })
        .orElseThrow(() -> new NotFoundException("Condition " + conditionId + " has no evidence " + evidenceId + "."));
  }

  private DesignationCondition lock(Long conditionId) {
    return conditions.lock(conditionId == null ? -1L : conditionId)
        .orElseThrow(() -> new NotFoundException("No condition with id '" + conditionId + "'."));
  }

  /** OMB's decision, told by e-mail to the condition's owners (the QSMO's directors): the headline ends with it. */
  private void tell(DesignationCondition condition, String headline, String reason) {
    tell(condition, headline, reason, Set.of(condition.getOwnerGroup()));
  }

  private void tell(DesignationCondition condition, String headline, String reason, Set<String> groups) {
    List<DecisionNotice.Fact> facts = List.of(new DecisionNotice.Fact("Designation", condition.getDesignationId()),
        new DecisionNotice.Fact("Condition", condition.getText()),
        new DecisionNotice.Fact("Status", condition.getStatus().words()),
        new DecisionNotice.Fact("Due", String.valueOf(condition.getDueDate())),
        new DecisionNotice.Fact("Reason", reason));
    publisher.publishEvent(new DecisionNotice(condition.getDesignationId(), headline + condition.getDesignationId(),
        facts, groups, Set.of()));
  }

  private void record(DesignationCondition condition, String actor, String action, String text) {
    events.save(new ConditionEvent(condition.getId(), clock.instant(), actor, action, condition.getStatus(), text));
  }

  private static void requireStatus(DesignationCondition condition, String what, Status expected) {
    if (condition.getStatus() != expected) {
      throw new ConflictException("Condition " + condition.getId() + " is " + condition.getStatus().words()
          .toLowerCase() + "; you can " + what + " only while it is " + expected.words().toLowerCase() + ".");
    }
  }

  private static void requireReason(String reason, String what) {
    if (reason == null) {
      throw new InvalidRequestException(ConditionProcess.Variables.CONDITION_REASON, "Give the reason: " + what + ".");
    }
  }

  private LocalDate checkedDueDate(Designation designation, LocalDate due) {
    LocalDate latest = java.util.Collections.max(List.of(calendar.today(), designation.getEffectiveDate()))
        .plusYears(5);
    if (due.isAfter(latest)) {
      throw new InvalidRequestException("conditionsDueDate", "Give the conditions' due date by " + latest
          + " (within five years).");
    }
    if (!due.isAfter(designation.getEffectiveDate())) {
      throw new InvalidRequestException("conditionsDueDate", "Give the conditions' due date after the effective date ("
          + designation.getEffectiveDate() + "), or leave it empty for " + defaultDueDays + " days after it.");
    }
    calendar.requireBusinessDay("conditionsDueDate", "Conditions due", due);
    return due;
  }

  /** OMB's conditions, one per line, each checked as text. */
  static List<String> lines(String text) {
    return lines("designationConditions", "condition", text);
  }

  /** One item per line (a condition, a corrective action): at most {@value #MAX_OMB_CONDITIONS}, each checked. */
  static List<String> lines(String field, String what, String text) {
    if (text == null) {
      return List.of();
    }
    List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (lines.size() > MAX_OMB_CONDITIONS) {
      throw new InvalidRequestException(field, "List at most " + MAX_OMB_CONDITIONS + " " + what + "s, one per line ("
          + lines.size() + " given).");
    }
    return lines.stream().map(line -> Inputs.checkedText(field, "A " + what, line, 1000)).toList();
  }

  /** Links to evidence, one per line: each an https address. */
  static List<String> links(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> links = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (links.size() > MAX_LINKS) {
      throw new InvalidRequestException(ConditionProcess.Variables.EVIDENCE_LINKS, "Give at most " + MAX_LINKS
          + " links, one per line; attach further evidence as files.");
    }
    for (String link : links) {
      URI uri;
      try {
        uri = URI.create(link);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new InvalidRequestException(ConditionProcess.Variables.EVIDENCE_LINKS, "'" + shorten(link)
            + "' is not a web address; give one https:// address per line.");
      }
    }
    return links;
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
