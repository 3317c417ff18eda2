package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.designation.condition.DesignationCondition;
import gov.qsmo.workflow.designation.condition.DesignationConditionRepository;
import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.calendar.Period;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.People;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's review of a plan, or of a designated QSMO's assessment (ADR 0026): rounds, the roster with automatic
 * recusal of members from the candidate (or the QSMO's) agency, one vote per member, the voting rule's counts and the
 * chair's consolidation. Votes are rows here, never process variables. The methods that name only a designation work
 * on its plan's rounds; those that also name an assessment, on that assessment's rounds. The status and history of
 * the plan's designation are kept here; an assessment's are kept by its own service, which calls these.
 */
@Service
@Transactional
public class BoardReviewService {

  /** The counts the voting rule (board-recommendation.dmn) decides on. */
  public record Tally(int eligible, int votes, Map<BoardRecommendation, Integer> byRecommendation) {

    public int count(BoardRecommendation recommendation) {
      return byRecommendation.getOrDefault(recommendation, 0);
    }
  }

  private final BoardRoundRepository rounds;
  private final BoardVoteRepository votes;
  private final DesignationService designations;
  private final IdentityService identityService;
  private final Clock clock;
  private final BusinessCalendar calendar;
  private final DesignationConditionRepository conditions;
  private final int roundLimit;
  private final OfficeTime officeTime;
  private final People people;

  BoardReviewService(BoardRoundRepository rounds, BoardVoteRepository votes, DesignationService designations,
      IdentityService identityService, Clock clock, DesignationConditionRepository conditions,
      BusinessCalendar calendar, @Value("${qsmo.board.round-limit:3}") int roundLimit,
      OfficeTime officeTime, People people) {
    this.officeTime = officeTime;
    this.people = people;
    this.conditions = conditions;
    this.roundLimit = roundLimit;
    this.rounds = rounds;
    this.votes = votes;
    this.designations = designations;
    this.identityService = identityService;
    this.clock = clock;
    this.calendar = calendar;
  }

  /**
   * Opens a round on the latest plan version. Every member of the board's group is on the roster;
   * members who work for the candidate agency are recused, with the reason recorded.
   */
  public BoardRound openRound(String designationId) {
    PlanVersion plan = designations.latestPlan(designationId)
        .orElseThrow(() -> new ConflictException("Designation " + designationId + " has no plan to review."));
    BoardRound round = newRound(designationId, null, plan.getVersionNumber(), "candidate agency");
    designations.startBoardReview(designationId, "Round " + round.getRoundNumber() + " on plan version "
        + plan.getVersionNumber() + ": " + rosterSummary(round));
    return round;
  }

  /**
   * Opens a round on a designated QSMO's assessment, with the same roster and recusal rule as a plan's (members who
   * work for the QSMO's agency are recused). The assessment's service records it.
   */
  public BoardRound openAssessmentRound(String designationId, long assessmentId) {
    return newRound(designationId, assessmentId, null, "QSMO's agency");
  }

  /** "4 members vote, 1 recused (Tom Treasury, board.treas), window closes Dec 18, 2026, 6:59 PM EST." */
  public String rosterSummary(BoardRound round) {
    List<String> recused = round.recusals().stream().map(BoardRound.RosterEntry::memberId).toList();
    java.util.Map<String, String> names = people.names(recused);
    return round.eligibleMembers().size() + " members vote, " + recused.size() + " recused"
        + (recused.isEmpty() ? "" : " (" + String.join("; ", recused.stream()
            .map(id -> names.get(id).equals(id) ? id : names.get(id) + ", " + id).toList()) + ")")
        + ", window closes " + officeTime.dateTime(round.getClosesAt()) + ".";
  }

  private BoardRound newRound(String designationId, Long assessmentId, Integer planVersion, String whose) {
    Designation designation = designations.require(designationId);
    List<BoardRound.RosterEntry> roster = new ArrayList<>();
    for (User member : identityService.createUserQuery().memberOfGroup(Roles.SSGB_MEMBERS).orderByUserId().asc()
        .list()) {
      List<String> agencies = agenciesOf(member.getId());
      boolean recused = agencies.contains(designation.getAgencyCode());
      String agency = recused ? designation.getAgencyCode() : agencies.stream().findFirst().orElse(null);
      roster.add(new BoardRound.RosterEntry(member.getId(), agency, recused,
          recused ? "Works for the " + whose + " (" + agency + ")" : null));
    }
    int number = latest(designationId, assessmentId).map(r -> r.getRoundNumber() + 1).orElse(1);
    Instant now = clock.instant();
    return rounds.save(new BoardRound(designationId, number, planVersion, assessmentId, now,
        calendar.deadline(Period.BOARD_REVIEW), roster));
  }

  /** The eligible members of the open round who have not voted yet: one review task each. */
  @Transactional(readOnly = true)
  public List<String> membersToVote(String designationId) {
    return membersToVote(designationId, null);
  }

  /** The eligible members of the open round of the assessment (or, when null, the plan) who have not voted. */
  @Transactional(readOnly = true)
  public List<String> membersToVote(String designationId, Long assessmentId) {
    BoardRound round = openRound(designationId, assessmentId, "list its reviewers");
    return round.eligibleMembers().stream()
        .filter(member -> !votes.existsByRoundIdAndMemberId(round.getId(), member))
        .toList();
  }

  /** Records a member's vote; a recused member, a member off the roster or a second vote is refused. */
  public BoardVote recordVote(String designationId, String memberId, BoardRecommendation recommendation,
      String comments, String proposedConditions, Map<PlanSection, String> sectionComments) {
    return recordVote(designationId, null, memberId, recommendation, comments, proposedConditions, sectionComments);
  }

  /** Records a member's vote in the open round of the assessment (or, when null, of the plan). */
  public BoardVote recordVote(String designationId, Long assessmentId, String memberId,
      BoardRecommendation recommendation, String comments, String proposedConditions,
      Map<PlanSection, String> sectionComments) {
    BoardRound round = openRound(designationId, assessmentId, "take a vote");
    BoardRound.RosterEntry entry = round.getRoster().stream().filter(r -> r.memberId().equals(memberId)).findFirst()
        .orElseThrow(() -> new ConflictException(memberId + " is not on the board roster of round "
            + round.getRoundNumber() + " of " + designationId + "."));
    if (entry.recused()) {
      throw new ConflictException(memberId + " is recused from " + designationId + ": " + entry.recusalReason() + ".");
    }
    if (votes.existsByRoundIdAndMemberId(round.getId(), memberId)) {
      throw new ConflictException(memberId + " has already voted in round " + round.getRoundNumber() + ".");
    }
    if (recommendation == BoardRecommendation.ENDORSE_WITH_CONDITIONS && proposedConditions == null) {
      throw new InvalidRequestException("proposedConditions", assessmentId == null
          ? "State the conditions of your endorsement." : "State the corrective actions you propose.");
    }
    return votes.save(new BoardVote(round.getId(), memberId, recommendation, comments, proposedConditions,
        sectionComments, clock.instant()));
  }

  /** Closes the open round and counts its votes. */
  public Tally closeRound(String designationId) {
    return closeRound(designationId, null);
  }

  /** Closes the open round of the assessment (or, when null, of the plan) and counts its votes. */
  public Tally closeRound(String designationId, Long assessmentId) {
    BoardRound round = openRound(designationId, assessmentId, "close it");
    round.close(clock.instant());
    Map<BoardRecommendation, Integer> counts = new EnumMap<>(BoardRecommendation.class);
    List<BoardVote> cast = votes.findByRoundIdOrderBySubmittedAtAsc(round.getId());
    cast.forEach(v -> counts.merge(v.getRecommendation(), 1, Integer::sum));
    return new Tally(round.eligibleMembers().size(), cast.size(), counts);
  }

  /**
   * The chair's consolidated recommendation of the last (closed) round. A return for revision past
   * the round limit goes to OMB as not endorsed. Returns the recommendation that stands.
   */
  public BoardRecommendation consolidate(String designationId, BoardRecommendation recommendation,
      List<String> conditions, String comments, String chair) {
    BoardRound round = consolidateRound(designationId, null, recommendation, conditions, comments, chair);
    BoardRecommendation standing = round.getRecommendation();
    String note = round.getRecommendationComments();
    if (standing == BoardRecommendation.ENDORSE_WITH_CONDITIONS) {
      conditions.forEach(text -> this.conditions.save(DesignationCondition.ofBoard(designationId, round.getId(), text)));
    }
    String summary = standing.label() + " (round " + round.getRoundNumber() + ")"
        + (conditions.isEmpty() || standing != BoardRecommendation.ENDORSE_WITH_CONDITIONS ? ""
            : ". Conditions: " + String.join("; ", conditions.stream().map(BoardReviewService::withoutFinalStop)
                .toList())) + (note == null || note.isBlank() ? "." : ". " + note);
    designations.recordBoardRecommendation(designationId, standing, summary, chair);
    return standing;
  }

  /**
   * The chair's consolidation of the last (closed) round of the assessment (or, when null, of the plan): checked as a
   * plan's is (a recused chair, an open or already consolidated round, conditions and comments where the outcome
   * needs them, the round limit). Returns the round with the recommendation that stands.
   */
  public BoardRound consolidateRound(String designationId, Long assessmentId, BoardRecommendation recommendation,
      List<String> conditions, String comments, String chair) {
    BoardRound round = latest(designationId, assessmentId)
        .orElseThrow(() -> new ConflictException(subject(designationId, assessmentId) + " has no board round."));
    Designation designation = designations.require(designationId);
    if (agenciesOf(chair).contains(designation.getAgencyCode())) {
      throw new ConflictException(chair + " works for the " + (assessmentId == null ? "candidate" : "QSMO's")
          + " agency (" + designation.getAgencyCode() + ") and is recused: another chair consolidates this "
          + "recommendation.");
    }
    if (round.isOpen() || round.getRecommendation() != null) {
      throw new ConflictException("Round " + round.getRoundNumber() + " of " + subject(designationId, assessmentId)
          + (round.isOpen() ? " is still open." : " already has the board's recommendation."));
    }
    if (recommendation == BoardRecommendation.ENDORSE_WITH_CONDITIONS && conditions.isEmpty()) {
      throw new InvalidRequestException("boardConditions", assessmentId == null
          ? "List the board's conditions, one per line." : "List the corrective actions, one per line.");
    }
    if (recommendation == BoardRecommendation.RETURN_FOR_REVISION && comments == null) {
      throw new InvalidRequestException("consolidatedComments", "Tell the QSMO director what to revise: the "
          + "consolidated comments go back with the " + (assessmentId == null ? "plan." : "assessment."));
    }
    BoardRecommendation standing = recommendation;
    String note = comments;
    if (recommendation == BoardRecommendation.RETURN_FOR_REVISION && round.getRoundNumber() >= roundLimit) {
      standing = BoardRecommendation.NOT_ENDORSE;
      note = "Returned for revision in round " + round.getRoundNumber() + " of at most " + roundLimit
          + ": goes to OMB as not endorsed. " + comments;
    }
    if (assessmentId != null && standing == BoardRecommendation.ENDORSE_WITH_CONDITIONS) {
      // An assessment's corrective actions are no condition rows (OMB sets those it follows): they stay in the round.
      note = "Corrective actions: " + String.join("; ", conditions.stream().map(BoardReviewService::withoutFinalStop)
          .toList()) + "." + (note == null ? "" : " " + note);
    }
    round.consolidate(standing, note, chair, clock.instant());
    return round;
  }

  /** The conditions of the board that are still open. */
  @Transactional(readOnly = true)
  public List<DesignationCondition> openConditions(String designationId) {
    return conditions.findByDesignationIdAndStatusOrderByIdAsc(designationId, DesignationCondition.Status.OPEN);
  }

  /** The last round, open or closed. */
  @Transactional(readOnly = true)
  public BoardRound lastRound(String designationId) {
    return lastRound(designationId, null);
  }

  /** The last round of the assessment (or, when null, of the plan), open or closed. */
  @Transactional(readOnly = true)
  public BoardRound lastRound(String designationId, Long assessmentId) {
    return latest(designationId, assessmentId)
        .orElseThrow(() -> new ConflictException(subject(designationId, assessmentId) + " has no board round."));
  }

  /** How many votes of the last round recommend this: an input of the voting rule. */
  @Transactional(readOnly = true)
  public int count(String designationId, String recommendation) {
    return count(designationId, null, recommendation);
  }

  /** The voting rule's input on an assessment (a name of its own: the models' expressions call it). */
  @Transactional(readOnly = true)
  public int countOnAssessment(String designationId, Long assessmentId, String recommendation) {
    return count(designationId, assessmentId, recommendation);
  }

  /** The review tasks of an assessment's open round (a name of its own: the models' expressions call it). */
  @Transactional(readOnly = true)
  public List<String> membersToVoteOnAssessment(String designationId, Long assessmentId) {
    return membersToVote(designationId, assessmentId);
  }

  /** How many votes of the assessment's (or, when null, the plan's) last round recommend this. */
  @Transactional(readOnly = true)
  public int count(String designationId, Long assessmentId, String recommendation) {
    BoardRecommendation wanted = BoardRecommendation.valueOf(recommendation);
    return (int) votes(lastRound(designationId, assessmentId)).stream().filter(v -> v.getRecommendation() == wanted)
        .count();
  }

  /** The chair sends the open review to OMB without a recommendation; a reason is required. */
  public void escalateReview(String designationId, String reason, String actor) {
    designations.escalateBoardReview(designationId, reason, actor);
  }

  /**
   * The chair reopens the board's review until the end of {@code closesOn}, on the designation's record;
   * returns when the review now closes.
   */
  public Instant extendReview(String designationId, LocalDate closesOn, String reason, String actor) {
    BoardRound round = extendRound(designationId, closesOn);
    designations.recordBoardReviewExtended(designationId, round.getClosesAt(), reason, actor);
    return round.getClosesAt();
  }

  /**
   * Reopens the last round for the members who have not voted, until the end of the given day
   * (23:59:59 in the office's time zone), a business day in the future.
   */
  public BoardRound extendRound(String designationId, LocalDate closesOn) {
    return extendRound(designationId, null, closesOn);
  }

  /** Reopens the last round of the assessment (or, when null, of the plan) until the end of the given day. */
  public BoardRound extendRound(String designationId, Long assessmentId, LocalDate closesOn) {
    Instant newClosesAt = calendar.endOf(closesOn);
    BoardRound round = lastRound(designationId, assessmentId);
    if (!newClosesAt.isAfter(clock.instant())) {
      throw new InvalidRequestException("newReviewClosesOn", "The review window must close in the future.");
    }
    calendar.requireBusinessDay("newReviewClosesOn", "New closing date", closesOn);
    round.reopenUntil(newClosesAt);
    return round;
  }

  @Transactional(readOnly = true)
  public List<BoardRound> rounds(String designationId) {
    return rounds.findByDesignationIdAndAssessmentIdIsNullOrderByRoundNumberAsc(designationId);
  }

  /** The rounds of an assessment (a few: at most the round limit, plus extensions of the same round). */
  @Transactional(readOnly = true)
  public List<BoardRound> assessmentRounds(long assessmentId) {
    return rounds.findByAssessmentIdOrderByRoundNumberAsc(assessmentId);
  }

  @Transactional(readOnly = true)
  public List<BoardVote> votes(BoardRound round) {
    return votes.findByRoundIdOrderBySubmittedAtAsc(round.getId());
  }

  /** When the open round's window closes: the review timer's date. */
  @Transactional(readOnly = true)
  public Instant closesAt(String designationId) {
    return openRound(designationId, null, "read its window").getClosesAt();
  }

  private BoardRound openRound(String designationId, Long assessmentId, String action) {
    BoardRound round = latest(designationId, assessmentId)
        .orElseThrow(() -> new ConflictException(subject(designationId, assessmentId) + " has no board round to "
            + action + "."));
    if (!round.isOpen()) {
      throw new ConflictException("Round " + round.getRoundNumber() + " of " + subject(designationId, assessmentId)
          + " is closed; cannot " + action + ".");
    }
    return round;
  }

  private java.util.Optional<BoardRound> latest(String designationId, Long assessmentId) {
    return assessmentId == null ? rounds.findFirstByDesignationIdAndAssessmentIdIsNullOrderByRoundNumberDesc(
        designationId) : rounds.findFirstByAssessmentIdOrderByRoundNumberDesc(assessmentId);
  }

  private static String subject(String designationId, Long assessmentId) {
    return assessmentId == null ? "Designation " + designationId : "Assessment " + assessmentId + " of "
        + designationId;
  }

  /** The agencies a person works for: their agency groups. */
  private List<String> agenciesOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(Roles::agencyOfGroup)
        .filter(Objects::nonNull)
        .toList();
  }

  /** A condition as one item of a list ("a; b."): without its own final full stop or semicolon. */
  static String withoutFinalStop(String text) {
    return text.strip().replaceAll("[.;]+$", "");
  }
}
