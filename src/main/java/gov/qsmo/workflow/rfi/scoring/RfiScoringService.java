package gov.qsmo.workflow.rfi.scoring;

import gov.qsmo.workflow.calendar.BusinessCalendar;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.NEW_SCORING_DUE_DATE;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REASSIGNMENTS;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiAccess;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import gov.qsmo.workflow.rfi.RfiSummaries;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.AssignmentRepository;
import gov.qsmo.workflow.rfi.panel.PanelMember;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import gov.qsmo.workflow.shared.PipeLines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Independent scoring: each reviewer rates each assigned response per criterion, with strengths,
 * weaknesses and a rationale. Submitted sheets are locked; a correction is a new version. Blind: no
 * one reads another's scores before the consensus step ({@link RfiAccess}).
 */
@Service("rfiScoring")
@Transactional
public class RfiScoringService {

  private final RfiService records;
  private final AssignmentRepository assignments;
  private final ScoreSheetRepository sheets;
  private final RfiPanelService panel;
  private final Duration scoringWindow;
  private final Duration reminderBefore;
  private final int batchSize;
  private final BusinessCalendar calendar;
  private final ManagementService managementService;
  private final IdentityService identityService;

  RfiScoringService(RfiService records, AssignmentRepository assignments, ScoreSheetRepository sheets, RfiPanelService panel,
      @Value("${qsmo.rfi.scoring-days}") int scoringDays, @Value("${qsmo.rfi.scoring-reminder-days}") int reminderDays,
      @Value("${qsmo.rfi.scoring-batch-size:50}") int batchSize, BusinessCalendar calendar,
      ManagementService managementService, IdentityService identityService) {
    if (batchSize < 1) {
      throw new IllegalStateException("qsmo.rfi.scoring-batch-size must be at least 1, not " + batchSize);
    }
    this.batchSize = batchSize;
    this.calendar = calendar;
    this.managementService = managementService;
    this.identityService = identityService;
    this.records = records;
    this.assignments = assignments;
    this.sheets = sheets;
    this.panel = panel;
    this.scoringWindow = Duration.ofDays(scoringDays);
    this.reminderBefore = Duration.ofDays(reminderDays);
  }

  /** One score as a reviewer writes it. */
  public record ScoreInput(Integer rating, String strengths, String weaknesses, String rationale) {
  }

  /**
   * The responses with open assignments: one {@code rfi-response-scoring} instance each (ADR 0014), called by
   * evaluations that began before ADR 0030.
   */
  @Transactional(readOnly = true)
  public List<String> responsesToScore(String rfiId) {
    return assignments.responseIdsByRfiIdAndStatus(rfiId, Assignment.Status.ASSIGNED);
  }

  /**
   * The responses with open assignments in batches of at most {@code qsmo.rfi.scoring-batch-size}: one
   * {@code rfi-scoring-batch} instance each (ADR 0030). A batch is its responses' ids joined by commas (ids are
   * letters, digits and hyphens), so it travels as one short string variable.
   */
  @Transactional(readOnly = true)
  public List<String> batchesToScore(String rfiId) {
    return batches(responsesToScore(rfiId));
  }

  /**
   * These responses in batches of at most {@code qsmo.rfi.scoring-batch-size}, in their order, each its ids joined
   * by commas: the batches of scoring (ADR 0030), of the aggregation and of the consensus step (ADR 0034).
   */
  public List<String> batches(List<String> responseIds) {
    List<String> batches = new ArrayList<>();
    for (int from = 0; from < responseIds.size(); from += batchSize) {
      batches.add(String.join(",", responseIds.subList(from, Math.min(from + batchSize, responseIds.size()))));
    }
    return batches;
  }

  /** The responses of one batch of {@link #batches}: one {@code rfi-response-scoring} instance, or one task, each. */
  public List<String> responsesOf(String batch) {
    return batch == null || batch.isBlank() ? List.of() : List.of(batch.split(","));
  }

  /** The open assignments of one response: one "Score RFI response" task each, in its scoring instance. */
  @Transactional(readOnly = true)
  public List<String> openAssignmentsOf(String rfiId, String responseId) {
    return assignments.findByRfiIdAndResponseIdAndStatusOrderById(rfiId, responseId, Assignment.Status.ASSIGNED)
        .stream().map(a -> String.valueOf(a.id)).toList();
  }

  /**
   * The open assignments of the whole RFI: one "Score RFI response" task each, in evaluations that still
   * run on the model before ADR 0014 (all scoring tasks in the RFI's instance).
   */
  @Transactional(readOnly = true)
  public List<String> openAssignments(String rfiId) {
    return assignments.findByRfiIdAndStatusOrderById(rfiId, Assignment.Status.ASSIGNED).stream()
        .map(a -> String.valueOf(a.id)).toList();
  }

  @Transactional(readOnly = true)
  public String reviewerOf(String assignmentId) {
    return require(assignmentId).reviewerId;
  }

  @Transactional(readOnly = true)
  public Assignment require(String assignmentId) {
    long id;
    try {
      id = Long.parseLong(assignmentId);
    } catch (NumberFormatException | NullPointerException e) {
      throw new NotFoundException("No assignment '" + assignmentId + "'.");
    }
    return assignments.findById(id).orElseThrow(() -> new NotFoundException("No assignment '" + assignmentId + "'."));
  }

  /** Opens (or reopens) the scoring window: the deadline, and the reminder before it. */
  public Instant openWindow(Rfi rfi, Instant due, Caller caller) {
    rfi.scoringDueAt = due;
    records.moveTo(rfi, RfiStatus.SCORING, caller.userId(), "SCORING_OPENED", "Scores due " + due);
    return due;
  }

  /**
   * The scoring deadline set at assignment: the scoring window (calendar days) from now, moved to the end
   * (23:59:59, office's time zone) of that day or, on a weekend, holiday or closure day, of the next business day.
   */
  public Instant defaultDue() {
    LocalDate last = LocalDate.ofInstant(records.now().plus(scoringWindow), calendar.zone());
    return calendar.endOf(calendar.onOrAfter(last));
  }

  /** When reviewers are reminded: before the deadline, but never before now. */
  public Instant reminderAt(Instant due) {
    Instant remind = due.minus(reminderBefore);
    Instant soon = records.now().plusSeconds(60);
    return remind.isBefore(soon) ? (due.isBefore(soon) ? due : soon) : remind;
  }

  /** Records a reviewer's scores of one assignment: checks the reviewer, the scale and every criterion. */
  ScoreSheet record(Rfi rfi, String assignmentId, Map<Integer, ScoreInput> scores, Caller caller) {
    Assignment assignment = require(assignmentId);
    if (!assignment.rfiId.equals(rfi.id)) {
      throw new NotFoundException("RFI " + rfi.id + " has no assignment " + assignmentId + ".");
    }
    checkReviewer(rfi, assignment, caller);
    if (assignment.status != Assignment.Status.ASSIGNED) {
      throw new ConflictException("The scores of " + assignment.responseId + " by " + assignment.reviewerId
          + " are " + assignment.status.name().toLowerCase(java.util.Locale.ROOT)
          + " already; submit a correction instead.");
    }
    ScoreSheet sheet = sheets.save(new ScoreSheet(assignment.id, 1, caller.userId(), records.now(),
        checked(rfi, scores)));
    assignment.status = Assignment.Status.SCORED;
    assignment.closedAt = records.now();
    assignment.closedBy = caller.userId();
    assignments.save(assignment);
    records.record(rfi.id, caller.userId(), "SCORES_SUBMITTED", assignment.responseId);
    return sheet;
  }

  /** A correction of submitted scores, before the consensus step: a new version; the old one stays. */
  public ScoreSheet correct(String rfiId, String assignmentId, Map<Integer, ScoreInput> scores, String reason,
      Caller caller) {
    Assignment assignment = require(assignmentId);
    if (!assignment.rfiId.equals(rfiId)) {
      throw new NotFoundException("RFI " + rfiId + " has no assignment " + assignmentId + ".");
    }
    // Locked: an aggregation batch locks the RFI too, so it reads this correction, or this reads its job (below).
    Rfi rfi = records.lock(rfiId);
    checkReviewer(rfi, assignment, caller);
    if (assignment.status != Assignment.Status.SCORED) {
      throw new ConflictException("Only submitted scores can be corrected; these are "
          + assignment.status.name().toLowerCase(java.util.Locale.ROOT) + ".");
    }
    if (rfi.status != RfiStatus.SCORING) {
      throw new ConflictException("Scoring of " + rfiId + " has closed (" + rfi.status
          + "); the consensus step records changes now.");
    }
    if (aggregating(rfi)) {
      throw new ConflictException("Scoring of " + rfiId + " has closed: its scores are being aggregated for the "
          + "consensus step, which records changes once it opens.");
    }
    String why = reason == null ? null : Inputs.checkedText("reason", "Reason", reason, 2000);
    if (why == null) {
      throw new InvalidRequestException("reason", "Say why you correct your scores (reason).");
    }
    int version = sheets.findFirstByAssignmentIdOrderByVersionDesc(assignment.id).map(s -> s.version).orElse(0) + 1;
    ScoreSheet sheet = sheets.save(new ScoreSheet(assignment.id, version, caller.userId(), records.now(),
        checked(rfi, scores)));
    records.record(rfiId, caller.userId(), "SCORES_CORRECTED", assignment.responseId + ", version " + version + ": "
        + why);
    return sheet;
  }

  /**
   * Whether the RFI's scores are being aggregated (ADR 0034): a job of "Aggregate scores" waits or runs. The last
   * batch's job opens the consensus step in its own transaction, so until the status moves, a job is there.
   */
  private boolean aggregating(Rfi rfi) {
    return rfi.processInstanceId != null && Privileged.run(identityService, () -> managementService.createJobQuery()
        .processInstanceId(rfi.processInstanceId).activityId(RfiProcess.Elements.TASK_AGGREGATE_SCORES).count() > 0);
  }

  private void checkReviewer(Rfi rfi, Assignment assignment, Caller caller) {
    if (!caller.isSystem() && !caller.userId().equals(assignment.reviewerId)) {
      throw new ConflictException("This response is assigned to " + assignment.reviewerId + "; "
          + caller.userId() + " cannot score it.");
    }
    PanelMember member = panel.member(rfi.id, assignment.reviewerId);
    if (member == null || !member.attested()) {
      throw new ConflictException(assignment.reviewerId + " has not signed the attestation for " + rfi.id + ".");
    }
    if (member.conflicts.contains(assignment.responseId)) {
      throw new ConflictException(assignment.reviewerId + " is recused from " + assignment.responseId
          + " (declared conflict) and cannot score it.");
    }
  }

  private static Map<Integer, ScoreSheet.Score> checked(Rfi rfi, Map<Integer, ScoreInput> scores) {
    Map<Integer, ScoreSheet.Score> checked = new TreeMap<>();
    for (Rfi.Criterion criterion : rfi.criteria) {
      ScoreInput input = scores.get(criterion.position);
      String field = RfiProcess.Variables.rating(criterion.position);
      if (input == null || input.rating() == null) {
        throw new InvalidRequestException(field, "Rate '" + criterion.name + "' (" + scaleText(rfi) + ").");
      }
      if (rfi.level(input.rating()) == null) {
        throw new InvalidRequestException(field, "The rating " + input.rating() + " of '" + criterion.name
            + "' is outside the scale; use " + scaleText(rfi) + ".");
      }
      String rationale = input.rationale() == null ? null : Inputs.checkedText(
          RfiProcess.Variables.rationale(criterion.position), "Rationale", input.rationale(), Inputs.MAX_TEXT);
      if (rationale == null) {
        throw new InvalidRequestException(RfiProcess.Variables.rationale(criterion.position),
            "Give the rationale for your rating of '" + criterion.name + "'.");
      }
      checked.put(criterion.position, new ScoreSheet.Score(input.rating(),
          optional(RfiProcess.Variables.strengths(criterion.position), input.strengths()),
          optional(RfiProcess.Variables.weaknesses(criterion.position), input.weaknesses()), rationale));
    }
    for (Integer position : scores.keySet()) {
      if (position < 1 || position > rfi.criteria.size()) {
        ScoreInput extra = scores.get(position);
        if (extra.rating() != null || extra.rationale() != null || extra.strengths() != null
            || extra.weaknesses() != null) {
          throw new InvalidRequestException(RfiProcess.Variables.rating(position), "The plan has "
              + rfi.criteria.size() + " criteria; there is no criterion " + position + " to score.");
        }
      }
    }
    return checked;
  }

  private static String optional(String field, String text) {
    return text == null ? null : Inputs.checkedText(field, "Text", text, Inputs.MAX_TEXT);
  }

  public static String scaleText(Rfi rfi) {
    return RfiSummaries.level(rfi.level(rfi.lowestLevel())) + " to " + RfiSummaries.level(rfi.level(rfi.highestLevel()));
  }

  /**
   * The chair's answer to the scoring deadline. Proceed: the missing scores are waived. Reassign:
   * lines "response id | reviewer" give a response's missing score to another reviewer; the other
   * open assignments stay with their reviewers until the new deadline.
   */
  Instant resolveMissing(String rfiId, boolean reassign, String lines, LocalDate newDue, String reason,
      Caller caller) {
    if (!reassign && reason == null) {
      throw new InvalidRequestException(RfiProcess.Variables.MISSING_SCORES_REASON, "Say why the evaluation "
          + "proceeds without the missing scores.");
    }
    Rfi rfi = records.lock(rfiId);
    List<Assignment> open = assignments.findByRfiIdAndStatusOrderById(rfiId, Assignment.Status.ASSIGNED);
    if (!reassign) {
      for (Assignment assignment : open) {
        close(assignment, Assignment.Status.WAIVED, caller);
      }
      records.record(rfiId, caller.userId(), "MISSING_SCORES_WAIVED", open.size() + " scores waived"
          + (reason == null ? "" : ": " + reason));
      return null;
    }
    if (newDue == null) {
      throw new InvalidRequestException(NEW_SCORING_DUE_DATE, "Give the new scoring deadline.");
    }
    calendar.requireBusinessDay(NEW_SCORING_DUE_DATE, "The new scoring deadline", newDue);
    Instant due = calendar.endOf(newDue);
    if (!due.isAfter(records.now())) {
      throw new InvalidRequestException(NEW_SCORING_DUE_DATE, "The new deadline " + newDue
          + " must be in the future.");
    }
    List<String> done = new ArrayList<>();
    for (PipeLines.Line line : PipeLines.parse(lines, 0)) {
      List<String> parts = line.parts();
      String where = "Reassignments, line " + line.number();
      if (parts.size() != 2 && parts.size() != 3) {
        throw new InvalidRequestException(REASSIGNMENTS, where + ": write 'response id | new reviewer', or "
            + "'response id | late reviewer | new reviewer'.");
      }
      String responseId = line.part(0).toUpperCase(java.util.Locale.ROOT);
      String late = parts.size() == 3 ? line.part(1) : null;
      String reviewer = line.part(parts.size() - 1);
      Assignment from = open.stream().filter(a -> a.responseId.equals(responseId) && a.status
          == Assignment.Status.ASSIGNED && (late == null || a.reviewerId.equals(late))).findFirst()
          .orElseThrow(() -> new InvalidRequestException(REASSIGNMENTS, where + ": " + responseId
              + " has no missing score" + (late == null ? "" : " of " + late) + "."));
      PanelMember member = panel.member(rfiId, reviewer);
      if (member == null || member.role != PanelMember.Role.REVIEWER || !member.attested()) {
        throw new InvalidRequestException(REASSIGNMENTS, where + ": " + reviewer
            + " is not an attested reviewer of this panel.");
      }
      if (member.conflicts.contains(responseId)) {
        throw new InvalidRequestException(REASSIGNMENTS, where + ": " + reviewer + " is recused from " + responseId
            + ".");
      }
      if (assignments.existsByResponseIdAndReviewerId(responseId, reviewer)) {
        throw new InvalidRequestException(REASSIGNMENTS, where + ": " + reviewer + " has been assigned "
            + responseId + " before.");
      }
      close(from, Assignment.Status.REASSIGNED, caller);
      assignments.save(new Assignment(rfiId, responseId, reviewer, records.now()));
      done.add(responseId + " from " + from.reviewerId + " to " + reviewer);
    }
    records.record(rfiId, caller.userId(), "SCORES_REASSIGNED", (done.isEmpty() ? "No reassignment"
        : String.join("; ", done)) + "; scores due " + due + (reason == null ? "" : ": " + reason));
    openWindow(rfi, due, caller);
    return due;
  }

  private void close(Assignment assignment, Assignment.Status status, Caller caller) {
    assignment.status = status;
    assignment.closedAt = records.now();
    assignment.closedBy = caller.userId();
    assignments.save(assignment);
  }

  /** Every sheet of these assignments, all versions, oldest first. */
  @Transactional(readOnly = true)
  public List<ScoreSheet> sheets(List<Assignment> of) {
    return sheets.findByAssignmentIdInOrderByAssignmentIdAscVersionAsc(of.stream().map(a -> a.id).toList());
  }
}
