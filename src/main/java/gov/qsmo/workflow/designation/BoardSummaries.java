package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.shared.Inputs;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Short texts about a board round for task forms (the chair's view of every vote, OMB's view of the
 * board's recommendation). Forms receive them as string variables, so each fits in 4,000 characters;
 * the full record stays in the application's tables.
 */
final class BoardSummaries {

  private static final String CUT = " [...] (the full text is in the designation's record)";

  private BoardSummaries() {
  }

  /** Every vote of the round, one paragraph each. */
  static String votes(BoardRound round, List<BoardVote> votes) {
    if (votes.isEmpty()) {
      return "No member voted in round " + round.getRoundNumber() + ".";
    }
    return fit(votes.stream().map(vote -> {
      StringBuilder text = new StringBuilder("**" + vote.getMemberId() + "**: " + vote.getRecommendation().label());
      if (vote.getProposedConditions() != null) {
        text.append("  \nConditions: ").append(oneLine(vote.getProposedConditions()));
      }
      if (vote.getComments() != null) {
        text.append("  \nComments: ").append(oneLine(vote.getComments()));
      }
      vote.getSectionComments().forEach((section, comment) ->
          text.append("  \nOn ").append(PlanSection.ofKey(section).title()).append(": ").append(oneLine(comment)));
      return text.toString();
    }).collect(Collectors.joining("\n\n")));
  }

  /** The board's recommendation with its open conditions and comments, or why there is none. */
  static String recommendation(BoardRound round, List<DesignationCondition> openConditions) {
    if (round.getRecommendation() == null) {
      return "No board recommendation: round " + round.getRoundNumber()
          + " closed without a quorum and the chair escalated the review to OMB.";
    }
    String text = "**" + round.getRecommendation().label() + "** (round " + round.getRoundNumber() + ", "
        + round.getConsolidatedBy() + ")";
    if (!openConditions.isEmpty()) {
      text += "  \nConditions: " + openConditions.stream().map(DesignationCondition::getText)
          .map(BoardSummaries::oneLine).collect(Collectors.joining("; "));
    }
    if (round.getRecommendationComments() != null) {
      text += "  \n" + oneLine(round.getRecommendationComments());
    }
    return fit(text);
  }

  static String fit(String text) {
    if (text == null || text.length() <= Inputs.MAX_TEXT) {
      return text;
    }
    return text.substring(0, Inputs.MAX_TEXT - CUT.length()) + CUT;
  }

  private static String oneLine(String text) {
    return MarkdownText.literal(text.replaceAll("\\s*\\R\\s*", " / "));
  }
}
