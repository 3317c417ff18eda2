package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.People;
import gov.qsmo.workflow.reference.Agency;
import gov.qsmo.workflow.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the designation forms show, in words: statuses and the voting rule's outcome as words, dates and
 * times in the office's time zone, people by name and agency. Lists that grow with the board (votes,
 * tally, conditions, plan sections) are JSON variables (Camunda Spin) that form-js tables show whole:
 * unlike string variables they have no 4,000-character limit (ADR 0019). Every value is task-local: it
 * vanishes with the task, and no form submits it back.
 */
@Component
public class DesignationForms {

  /** Task-local display variables (read-only in every form). */
  static final class Names {
    static final String STATUS = DesignationProcess.TaskDisplay.STATUS;
    static final String PLAN_DUE_TEXT = "planDueText";
    static final String REVIEW_CLOSES_TEXT = "reviewClosesText";
    static final String PROPOSED_RECOMMENDATION_TEXT = "proposedRecommendationText";
    static final String VOTES = "votes";
    static final String TALLY = "tally";
    static final String OPEN_CONDITIONS = "openConditions";
    static final String PLAN_SUMMARY_TEXT = "planSummaryText";
    static final String PLAN_SECTIONS = "planSections";
    static final String RECOMMENDATION = "boardRecommendationView";

    private Names() {
    }
  }

  /** Characters of a plan section shown in OMB's summary; the decision package holds the whole text. */
  static final int SECTION_SUMMARY = 600;

  /**
   * One vote as the chair reads it, in three columns: who and when, the recommendation with any
   * conditions, and every comment (overall, then on each section).
   */
  record VoteRow(String member, String recommendation, String comments) {
  }

  /** One line of the tally: an outcome, how many members, who. */
  record TallyRow(String outcome, int members, String who) {
  }

  record ConditionRow(String condition, String recorded) {
  }

  record SectionRow(String section, String summary) {
  }

  /** The board's recommendation for OMB: a line of facts and the chair's comments (markdown-escaped). */
  record RecommendationView(String summary, String comments) {
  }

  private final BoardReviewService boardReview;
  private final DesignationService designations;
  private final ReferenceData referenceData;
  private final OfficeTime officeTime;
  private final People people;

  DesignationForms(BoardReviewService boardReview, DesignationService designations, ReferenceData referenceData,
      OfficeTime officeTime, People people) {
    this.boardReview = boardReview;
    this.designations = designations;
    this.referenceData = referenceData;
    this.officeTime = officeTime;
    this.people = people;
  }

  /** A status in words ("Under board review", "Awaiting OMB decision"). */
  static String status(DesignationStatus status) {
    return DecisionPackagePdf.status(status);
  }

  /** What every designation form shows: status in words, due date and review window in the office's zone. */
  void common(DelegateTask task, Designation designation) {
    task.setVariableLocal(Names.STATUS, status(designation.getStatus()));
    task.setVariableLocal(Names.PLAN_DUE_TEXT, officeTime.date(designation.getPlanDueDate()));
    Object closes = task.getVariable(DesignationProcess.Variables.REVIEW_CLOSES_AT);
    if (closes != null) {
      task.setVariableLocal(Names.REVIEW_CLOSES_TEXT, officeTime.text(closes.toString()));
    }
  }

  /** The chair's consolidation: every vote in full, the voting rule's proposal in words, the tally. */
  void consolidation(DelegateTask task, Designation designation) {
    BoardRound round = boardReview.lastRound(designation.getId());
    List<BoardVote> votes = boardReview.votes(round);
    Map<String, String> members = members(round, votes.stream().map(BoardVote::getMemberId).toList());
    setJson(task, Names.VOTES, votes.stream().map(vote -> new VoteRow(members.get(vote.getMemberId())
        + ", " + officeTime.dateTime(vote.getSubmittedAt()), vote.getRecommendation().label()
        + (vote.getProposedConditions() == null ? "" : "; conditions: " + vote.getProposedConditions()),
        Stream.concat(Stream.ofNullable(vote.getComments()).map(c -> "Overall: " + c),
            vote.getSectionComments().entrySet().stream()
            .map(e -> "On " + PlanSection.ofKey(e.getKey()).title() + ": " + e.getValue()))
            .collect(Collectors.joining("\n\n")))).toList());
    setJson(task, Names.TALLY, tally(round, votes));
    Object proposed = task.getVariable(DesignationProcess.Variables.BOARD_RECOMMENDATION);
    task.setVariableLocal(Names.PROPOSED_RECOMMENDATION_TEXT, proposed == null ? "No proposal"
        : recommendationWords(proposed.toString()));
  }

  /**
   * A round's votes in full and its tally, as the chair of an assessment's review reads them: the recommendations in
   * the words of the subject ({@code words}); the JSON variables {@code votes} and {@code tally}.
   */
  public void showRound(DelegateTask task, BoardRound round, boolean withVotes,
      java.util.function.Function<BoardRecommendation, String> words) {
    List<BoardVote> votes = boardReview.votes(round);
    Map<String, String> members = members(round, votes.stream().map(BoardVote::getMemberId).toList());
    if (withVotes) {
      setJson(task, Names.VOTES, votes.stream().map(vote -> new VoteRow(members.get(vote.getMemberId()) + ", "
          + officeTime.dateTime(vote.getSubmittedAt()), words.apply(vote.getRecommendation())
          + (vote.getProposedConditions() == null ? "" : "; corrective actions: " + vote.getProposedConditions()),
          vote.getComments() == null ? "" : vote.getComments())).toList());
    }
    setJson(task, Names.TALLY, tally(round, votes).stream().map(row -> {
      for (BoardRecommendation r : BoardRecommendation.values()) {
        if (r.label().equals(row.outcome())) {
          return new TallyRow(words.apply(r), row.members(), row.who());
        }
      }
      return row;
    }).toList());
  }

  /** OMB's decision: the plan's summary, the tally, open conditions, the board's recommendation. */
  void decision(DelegateTask task, Designation designation) {
    BoardRound round = boardReview.lastRound(designation.getId());
    List<BoardVote> votes = boardReview.votes(round);
    setJson(task, Names.TALLY, tally(round, votes));
    Map<Long, Integer> roundNumbers = boardReview.rounds(designation.getId()).stream()
        .collect(Collectors.toMap(BoardRound::getId, BoardRound::getRoundNumber));
    setJson(task, Names.OPEN_CONDITIONS, boardReview.openConditions(designation.getId()).stream()
        .map(c -> new ConditionRow(c.getText(), roundNumbers.containsKey(c.getRoundId())
            ? "Round " + roundNumbers.get(c.getRoundId()) : "")).toList());
    designations.latestPlan(designation.getId()).ifPresentOrElse(plan -> {
      task.setVariableLocal(Names.PLAN_SUMMARY_TEXT, "Plan version " + plan.getVersionNumber() + ", submitted by "
          + MarkdownText.literal(person(plan.getSubmittedBy())) + " on " + officeTime.dateTime(plan.getSubmittedAt())
          + ".");
      List<SectionRow> sections = new ArrayList<>();
      plan.sections().forEach((section, text) -> sections.add(new SectionRow(section.title(),
          section == PlanSection.SERVICE_OFFERINGS && !plan.serviceOfferings().isEmpty()
              ? plan.serviceOfferings().stream().map(o -> o.name() + " (" + o.provider() + ")")
                  .collect(Collectors.joining("; "))
              : summary(text))));
      setJson(task, Names.PLAN_SECTIONS, sections);
    }, () -> task.setVariableLocal(Names.PLAN_SUMMARY_TEXT, "No plan was submitted."));
    RecommendationView view;
    if (round.getRecommendation() == null) {
      view = new RecommendationView("No board recommendation: round " + round.getRoundNumber()
          + " closed without a quorum and the chair escalated the review to OMB.", "");
    } else {
      view = new RecommendationView("**" + round.getRecommendation().label() + "**, round " + round.getRoundNumber()
          + ", recorded by " + MarkdownText.literal(person(round.getConsolidatedBy())) + " on "
          + officeTime.dateTime(round.getConsolidatedAt()) + ".", MarkdownText.literal(round.getRecommendationComments()));
    }
    setJson(task, Names.RECOMMENDATION, view);
  }

  /** Per recommendation, then recused and not voted, each with the members by name and agency. */
  List<TallyRow> tally(BoardRound round, List<BoardVote> votes) {
    Map<String, String> members = members(round, round.getRoster().stream().map(BoardRound.RosterEntry::memberId)
        .toList());
    List<TallyRow> rows = new ArrayList<>();
    for (BoardRecommendation recommendation : BoardRecommendation.values()) {
      List<String> who = votes.stream().filter(v -> v.getRecommendation() == recommendation)
          .map(v -> members.get(v.getMemberId())).toList();
      rows.add(new TallyRow(recommendation.label(), who.size(), String.join("; ", who)));
    }
    List<String> recused = round.recusals().stream().map(r -> members.get(r.memberId())).toList();
    rows.add(new TallyRow("Recused", recused.size(), String.join("; ", recused)));
    List<String> voted = votes.stream().map(BoardVote::getMemberId).toList();
    List<String> notVoted = round.eligibleMembers().stream().filter(m -> !voted.contains(m)).map(members::get).toList();
    rows.add(new TallyRow("Not voted", notVoted.size(), String.join("; ", notVoted)));
    return rows;
  }

  /** Board members by name with their agency's short name, from the round's roster (one user query). */
  private Map<String, String> members(BoardRound round, Collection<String> memberIds) {
    List<String> ids = Stream.concat(memberIds.stream(), round.getRoster().stream()
        .map(BoardRound.RosterEntry::memberId)).distinct().toList();
    Map<String, String> names = people.names(ids);
    Map<String, String> agencies = round.getRoster().stream().filter(r -> r.agencyCode() != null)
        .collect(Collectors.toMap(BoardRound.RosterEntry::memberId, BoardRound.RosterEntry::agencyCode, (a, b) -> a));
    return ids.stream().collect(Collectors.toMap(id -> id, id -> withAgency(names.get(id), agencies.get(id))));
  }

  /** A person by name and agency (from their groups). */
  String person(String userId) {
    if (userId == null) {
      return "not recorded";
    }
    return withAgency(people.name(userId), people.agencyCode(userId));
  }

  private String withAgency(String name, String agencyCode) {
    if (agencyCode == null) {
      return name;
    }
    String agency = referenceData.agencies().stream().filter(a -> a.getCode().equalsIgnoreCase(agencyCode))
        .map(Agency::getShortName).findFirst().orElse(agencyCode);
    return name + " (" + agency + ")";
  }

  /** A recommendation code of the voting rule or a form in words. */
  static String recommendationWords(String code) {
    try {
      return BoardRecommendation.valueOf(code).label();
    } catch (IllegalArgumentException notOne) {
      return DecisionPackagePdf.status(code);
    }
  }

  static String summary(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.strip();
    if (flat.length() <= SECTION_SUMMARY) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', SECTION_SUMMARY);
    return flat.substring(0, cut > SECTION_SUMMARY / 2 ? cut : SECTION_SUMMARY)
        + " \u2026 (the whole section is in the decision package)";
  }

  private void setJson(DelegateTask task, String name, Object value) {
    task.setVariableLocal(name, gov.qsmo.workflow.process.FormJson.of(value));
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
