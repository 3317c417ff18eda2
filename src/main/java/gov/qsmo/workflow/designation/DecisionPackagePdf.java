package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.designation.condition.DesignationCondition;
import gov.qsmo.workflow.designation.condition.DesignationConditionRepository;
import gov.qsmo.workflow.documents.AccessiblePdf;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OMB's decision package for one designation as a tagged PDF of the evaluation report's conformance
 * (PDF/UA-1, PDF/A-2a; see {@link AccessiblePdf}): the plan version under decision section by section
 * with its service offerings, every board round with its roster and recusals, the votes the reader may
 * see with their section comments, the board's recommendation and conditions, and the designation's
 * history. Pure rendering from what {@link DecisionPackage} gathered.
 */
final class DecisionPackagePdf {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.US)
      .withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

  /** A round as the reader may see it: every vote, or the caller's own, or none, and which. */
  record Round(BoardRound round, List<BoardVote> votes, int votesCast, String votesShown) {
  }

  /** Everything the package shows. */
  record Contents(Designation designation, String functionalArea, String agency, PlanVersion plan,
      List<Round> rounds, List<DesignationCondition> conditions, List<DesignationEvent> history, Instant generatedAt) {
  }

  private DecisionPackagePdf() {
  }

  static byte[] render(Contents c) {
    Designation d = c.designation();
    String title = "Decision package: " + c.functionalArea() + ", " + c.agency();
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Designation", d.getId()});
    facts.add(new String[] {"Functional area", c.functionalArea()});
    facts.add(new String[] {"Candidate agency", c.agency()});
    facts.add(new String[] {"Status", status(d.getStatus())});
    facts.add(new String[] {"Scope", d.getScope()});
    facts.add(new String[] {"Plan due", date(d.getPlanDueDate())});
    facts.add(new String[] {"Plan under decision", c.plan() == null ? "no plan submitted"
        : "version " + c.plan().getVersionNumber() + ", submitted by " + c.plan().getSubmittedBy() + " on "
            + time(c.plan().getSubmittedAt())});
    BoardRound last = c.rounds().isEmpty() ? null : c.rounds().get(c.rounds().size() - 1).round();
    facts.add(new String[] {"Board's recommendation", last == null || last.getRecommendation() == null
        ? "not recorded" : last.getRecommendation().label()});
    if (d.getDesignatedScope() != null) {
      facts.add(new String[] {"Designated scope", d.getDesignatedScope()});
      facts.add(new String[] {"Effective", date(d.getEffectiveDate())});
    }
    if (d.getSupersedesId() != null) {
      facts.add(new String[] {"Succeeds", d.getSupersedesId()});
    }
    if (d.getSupersededById() != null) {
      facts.add(new String[] {"Superseded by", d.getSupersededById()});
    }
    facts.add(new String[] {"Package generated", time(c.generatedAt())});
    AccessiblePdf pdf = new AccessiblePdf("QSMO DESIGNATION  \u00b7  DECISION PACKAGE FOR OMB", title, facts);
    pdf.note("Prepared from the designation's records for OMB's decision under M-19-16. Votes are shown as the "
        + "reader of this copy may see them (see section 2).");

    plan(pdf, c.plan());
    rounds(pdf, c.rounds());
    recommendation(pdf, last, c.conditions());
    history(pdf, c.history());
    return pdf.finish("Decision package " + d.getId(), "Decision package " + d.getId() + "  \u00b7  "
        + c.functionalArea(), title, "Office of Management and Budget", "QSMO designation decision package "
        + d.getId(), c.generatedAt());
  }

  private static void plan(AccessiblePdf pdf, PlanVersion plan) {
    pdf.section("1  Marketplace Implementation Plan", true);
    if (plan == null) {
      pdf.note("No plan version has been submitted.");
      return;
    }
    pdf.paragraph("Version " + plan.getVersionNumber() + ", submitted by " + plan.getSubmittedBy() + " on "
        + time(plan.getSubmittedAt()) + ". The sections as written:");
    Map<PlanSection, String> sections = plan.sections();
    for (PlanSection section : PlanSection.values()) {
      String text = sections.get(section);
      pdf.heading(section.title() + (section.required() ? "" : " (optional)"), true);
      if (section == PlanSection.SERVICE_OFFERINGS && !plan.serviceOfferings().isEmpty()) {
        List<List<String>> rows = new ArrayList<>();
        for (ServiceOffering offering : plan.serviceOfferings()) {
          rows.add(List.of(offering.name(), offering.providerType() == null ? "" : offering.providerType().label(),
              offering.provider(), offering.contractVehicle()));
        }
        float w = AccessiblePdf.width();
        pdf.table("Proposed service offerings", List.of("Offering", "Provider type", "Provider", "Contract vehicle"),
            List.of(w * 0.34f, w * 0.14f, w * 0.26f, w * 0.26f), rows, "No offerings.");
      } else if (text == null || text.isBlank()) {
        pdf.note(section.required() ? "Missing." : "Not written.");
      } else {
        pdf.paragraph(text);
      }
    }
  }

  private static void rounds(AccessiblePdf pdf, List<Round> rounds) {
    pdf.section("2  Board review", true);
    if (rounds.isEmpty()) {
      pdf.note("The board has not reviewed a plan of this designation.");
      return;
    }
    for (Round r : rounds) {
      BoardRound round = r.round();
      pdf.heading("Round " + round.getRoundNumber() + ": plan version " + round.getPlanVersionNumber(), true);
      pdf.facts(List.of(
          new String[] {"Opened", time(round.getOpenedAt())},
          new String[] {"Window closes", time(round.getClosesAt())},
          new String[] {"Closed", round.getClosedAt() == null ? "open" : time(round.getClosedAt())},
          new String[] {"Votes cast", r.votesCast() + " of " + round.eligibleMembers().size() + " eligible members; "
              + round.recusals().size() + (round.recusals().size() == 1 ? " recusal" : " recusals")},
          new String[] {"Votes shown here", r.votesShown()}));
      List<List<String>> roster = new ArrayList<>();
      for (BoardRound.RosterEntry entry : round.getRoster()) {
        roster.add(List.of(entry.memberId(), entry.agencyCode() == null ? "" : entry.agencyCode(),
            entry.recused() ? "Recused" : "Eligible", entry.recusalReason() == null ? "" : entry.recusalReason()));
      }
      float w = AccessiblePdf.width();
      pdf.table("Roster of round " + round.getRoundNumber(), List.of("Member", "Agency", "Standing",
          "Recusal reason"), List.of(w * 0.24f, w * 0.12f, w * 0.14f, w * 0.50f), roster, "No roster recorded.");
      List<List<String>> votes = new ArrayList<>();
      for (BoardVote vote : r.votes()) {
        votes.add(List.of(vote.getMemberId(), vote.getRecommendation() == null ? "" : vote.getRecommendation().label(),
            nullToEmpty(vote.getProposedConditions()), nullToEmpty(vote.getComments()), time(vote.getSubmittedAt())));
      }
      pdf.table("Votes of round " + round.getRoundNumber(), List.of("Member", "Recommendation", "Proposed conditions",
          "Comments", "Submitted"), List.of(w * 0.20f, w * 0.20f, w * 0.20f, w * 0.24f, w * 0.16f), votes,
          "No votes shown.");
      List<List<String>> comments = new ArrayList<>();
      for (BoardVote vote : r.votes()) {
        Map<String, String> bySection = vote.getSectionComments();
        for (PlanSection section : PlanSection.values()) {
          String comment = bySection.get(section.key());
          if (comment != null && !comment.isBlank()) {
            comments.add(List.of(section.title(), vote.getMemberId(), comment));
          }
        }
      }
      pdf.table("Section comments of round " + round.getRoundNumber(), List.of("Section", "Member", "Comment"),
          List.of(w * 0.24f, w * 0.20f, w * 0.56f), comments, "No section comments shown.");
    }
  }

  private static void recommendation(AccessiblePdf pdf, BoardRound last, List<DesignationCondition> conditions) {
    pdf.section("3  The board's recommendation and conditions", true);
    if (last == null || last.getRecommendation() == null) {
      pdf.note("The board has not recorded a recommendation.");
    } else {
      pdf.facts(List.of(
          new String[] {"Recommendation", last.getRecommendation().label()},
          new String[] {"Round", Integer.toString(last.getRoundNumber())},
          new String[] {"Consolidated by", nullToEmpty(last.getConsolidatedBy())},
          new String[] {"Consolidated", time(last.getConsolidatedAt())}));
      if (last.getRecommendationComments() != null && !last.getRecommendationComments().isBlank()) {
        pdf.paragraph("Comments:", last.getRecommendationComments());
      }
    }
    pdf.heading("Conditions", false);
    List<List<String>> rows = new ArrayList<>();
    int n = 1;
    for (DesignationCondition condition : conditions) {
      rows.add(List.of(Integer.toString(n++), condition.getText(), status(condition.getStatus())));
    }
    float w = AccessiblePdf.width();
    pdf.table("Conditions", List.of("#", "Condition", "Status"), List.of(w * 0.06f, w * 0.78f, w * 0.16f), rows,
        "No conditions.");
  }

  private static void history(AccessiblePdf pdf, List<DesignationEvent> history) {
    pdf.section("4  History of the designation", true);
    List<List<String>> rows = new ArrayList<>();
    for (DesignationEvent event : history) {
      rows.add(List.of(time(event.getOccurredAt()), nullToEmpty(event.getActor()), nullToEmpty(event.getAction()),
          event.getStatus() == null ? "" : status(event.getStatus()), nullToEmpty(event.getReason())));
    }
    float w = AccessiblePdf.width();
    pdf.table("History", List.of("When (UTC)", "Who", "What", "Status after", "Reason"),
        List.of(w * 0.17f, w * 0.15f, w * 0.22f, w * 0.16f, w * 0.30f), rows, "No history recorded.");
  }

  /** UNDER_BOARD_REVIEW as "Under board review", PRE_DESIGNATED as "Pre-designated". */
  static String status(Object status) {
    if (status == null) {
      return "not recorded";
    }
    String words = status.toString().replace('_', ' ').toLowerCase(Locale.US).replace("omb", "OMB")
        .replace("pre designated", "pre-designated");
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String time(Instant instant) {
    if (instant == null) {
      return "not recorded";
    }
    try {
      return TIME.format(instant);
    } catch (DateTimeException outOfRange) {
      return instant.toString();
    }
  }

  static String date(LocalDate date) {
    return date == null ? "not recorded" : DATE.format(date);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
