package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.results.CriterionResult;
import gov.qsmo.workflow.shared.Inputs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Markdown texts for the RFI task forms. Forms receive them as string variables, so each fits in
 * 4,000 characters; the full record stays in the application's tables and its API. Text people
 * wrote is escaped, so markup in it shows as typed and never renders.
 */
public final class RfiSummaries {

  private static final String CUT = " [...] (the rest is in the RFI's record: GET /api/rfis/...)";

  private RfiSummaries() {
  }

  /** Text as written, safe inside markdown: every character markdown or HTML would act on is escaped. */
  public static String literal(String text) {
    return MarkdownText.literal(text);
  }

  /** A scale level as people read it: "4 Good", or just "4" where the label is the number. */
  public static String level(Rfi.ScaleLevel level) {
    return level.label.equals(String.valueOf(level.value)) ? String.valueOf(level.value)
        : level.value + " " + level.label;
  }

  public static String fit(String text) {
    if (text == null || text.length() <= Inputs.MAX_TEXT) {
      return text;
    }
    return text.substring(0, Inputs.MAX_TEXT - CUT.length()) + CUT;
  }

  public static String plan(Rfi rfi, OfficeTime time) {
    StringBuilder text = new StringBuilder();
    text.append("**Closes:** ").append(time.dateTime(rfi.closesAt)).append(rfi.allowLate ? " (late responses accepted, flagged)"
        : " (late responses refused)").append("  \n**Panel chair:** ").append(literal(rfi.panelChairId));
    text.append("\n\n**Description**  \n").append(literal(rfi.description));
    text.append("\n\n**Topics**\n\n");
    for (int i = 0; i < rfi.topics.size(); i++) {
      text.append(i + 1).append("\\. ").append(literal(rfi.topics.get(i))).append("  \n");
    }
    text.append("\n**Criteria**\n\n");
    for (Rfi.Criterion c : rfi.criteria) {
      text.append("- **").append(c.position).append("\\. ").append(literal(c.name)).append("** (").append(c.weight)
          .append("%): ").append(oneLine(c.guidance)).append("\n");
    }
    text.append("\n").append(scale(rfi));
    return fit(text.toString());
  }

  static String scale(Rfi rfi) {
    StringBuilder text = new StringBuilder("**Rating scale** (" + rfi.scaleType.name().toLowerCase(Locale.ROOT)
        + ")\n\n");
    for (Rfi.ScaleLevel level : rfi.scale) {
      text.append("- **").append(literal(level(level))).append("**: ").append(oneLine(level.definition)).append("\n");
    }
    return text.toString();
  }

  public static String screening(Rfi rfi, List<RfiResponse> responses, OfficeTime time) {
    if (responses.isEmpty()) {
      return "No response arrived by the close date.";
    }
    StringBuilder text = new StringBuilder("| Response | Organization | Checks | To the panel |\n|---|---|---|---|\n");
    for (RfiResponse r : responses) {
      long unanswered = rfi.topics.size() - r.answers.size();
      String checks = (Boolean.TRUE.equals(r.onTime) ? "on time" : "**late**") + ", "
          + (unanswered <= 0 ? "all topics answered" : "**" + unanswered + " topic(s) unanswered**");
      text.append("| ").append(r.id).append(" | ").append(literal(r.organization)).append(" | ").append(checks)
          .append(" | ").append(yesNo(r.eligible)).append(" |\n");
    }
    text.append("\nReceived: ").append(responses.stream().map(r -> r.id + " " + time.dateTime(r.receivedAt))
        .collect(Collectors.joining("; "))).append(".");
    return fit(text.toString());
  }

  public static String respondents(List<RfiResponse> responses) {
    return fit(responses.stream().map(r -> "**" + r.id + "**: " + literal(r.organization)
        + (r.uei == null ? "" : " (UEI " + r.uei + ")")).collect(Collectors.joining("  \n")));
  }

  /** The head of a response: who sent it, when, proprietary marking, attachments. */
  public static String responseHeader(Rfi rfi, RfiResponse response,
      List<gov.qsmo.workflow.rfi.responses.RfiAttachment> attachments, OfficeTime time) {
    StringBuilder text = new StringBuilder();
    if (response.proprietary) {
      text.append("**PROPRIETARY**: the respondent marked this response proprietary. Do not disclose it outside "
          + "the panel (FAR 3.104).\n\n");
    }
    text.append("### ").append(response.id).append(": ").append(literal(response.organization)).append("\n")
        .append(response.smallBusiness ? "Small business. " : "").append("Received ").append(time.dateTime(response.receivedAt))
        .append(response.late ? " **(late)**" : "").append(".");
    if (!attachments.isEmpty()) {
      // Links the signed-in Tasklist user opens with the same session; the API applies its access rules.
      text.append("\n\n**Attachments:**\n");
      for (gov.qsmo.workflow.rfi.responses.RfiAttachment attachment : attachments) {
        text.append("\n- [").append(literal(attachment.fileName)).append("](/api/rfis/").append(rfi.id)
            .append("/responses/").append(response.id).append("/attachments/").append(attachment.id).append(") (")
            .append(size(attachment.sizeBytes)).append(")");
      }
    }
    return fit(text.toString());
  }

  /** A file's size as people read it: "812 bytes", "14 KB", "2.3 MB". */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** One topic and the response's answer to it. */
  public static String topic(Rfi rfi, RfiResponse response, int topic) {
    String answer = response.answers.get(topic);
    return fit("#### " + topic + "\\. " + literal(rfi.topics.get(topic - 1)) + "\n"
        + (answer == null ? "*Not answered.*" : literal(answer)));
  }

  /**
   * For the chair: every reviewer's rating of each criterion side by side, with the figures and flags. The
   * reviewers are columns, headed by their names (a panel's reviewers of one response, a handful).
   */
  public static String scores(Rfi rfi, Map<Integer, Map<String, Integer>> ratings, Map<Integer, CriterionResult> results,
      Map<String, String> reviewerNames) {
    StringBuilder text = new StringBuilder("| Criterion | ");
    reviewerNames.values().forEach(name -> text.append(literal(name)).append(" | "));
    text.append("Mean | Spread | Flag |\n|---|");
    reviewerNames.keySet().forEach(r -> text.append("---|"));
    text.append("---|---|---|\n");
    for (Rfi.Criterion c : rfi.criteria) {
      text.append("| ").append(literal(c.name)).append(" | ");
      Map<String, Integer> byReviewer = ratings.getOrDefault(c.position, Map.of());
      reviewerNames.keySet().forEach(r -> text.append(byReviewer.containsKey(r) ? byReviewer.get(r) : "–").append(" | "));
      CriterionResult result = results.get(c.position);
      text.append(result == null || result.mean == null ? "–" : String.format(Locale.ROOT, "%.2f", result.mean))
          .append(" | ").append(result == null || result.maxRating == null ? "–" : result.maxRating - result.minRating)
          .append(" | ").append(result != null && result.flagged ? "**flagged**" : "").append(" |\n");
    }
    return fit(text.toString());
  }

  /**
   * A criterion's heading for the consensus: its figures and any flag. The reviewers' rationales are in the
   * form's table, in full.
   */
  public static String criterionSummary(Rfi.Criterion criterion, CriterionResult result) {
    StringBuilder text = new StringBuilder("**").append(criterion.position).append("\\. ").append(literal(criterion.name))
        .append("** (").append(criterion.weight).append("%)");
    if (result != null && result.mean != null) {
      text.append(result.minRating.equals(result.maxRating)
          ? String.format(Locale.ROOT, ": all %d score(s) rated %d", result.scoreCount, result.minRating)
          : String.format(Locale.ROOT, ": mean %.2f, ratings from %d to %d, %d scores", result.mean, result.minRating,
              result.maxRating, result.scoreCount));
    }
    if (result != null && result.flagged) {
      text.append("  \n**Flagged:** ").append(literal(result.flagReasons)).append(". A rationale is required.");
    }
    return fit(text.toString());
  }

  private static String oneLine(String text) {
    return literal(text.replaceAll("\\s*\\R\\s*", " / "));
  }

  private static String yesNo(Boolean value) {
    return value == null ? "–" : value ? "yes" : "**no**";
  }
}
