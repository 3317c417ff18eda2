package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.rfi.report.EvaluationReportData.Approval;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Criterion;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.CriterionResult;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.IndividualScore;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Level;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.PanelMember;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.ResponseResult;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Scale;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Screening;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Report data for tests and the benchmark: a small hand-made evaluation and large synthetic ones. */
final class SampleReports {

  static final Instant CLOSED = Instant.parse("2026-02-27T22:00:00Z");
  static final Instant GENERATED = Instant.parse("2026-03-20T14:05:00Z");
  static final String MARKUP = "<script>alert('x')</script> **bold** [link](http://example.org)";
  static final String ODD = "Emoji \uD83D\uDE80 CJK \u6570\u636E bell\u0007 rtl\u202E lone\uD800 tab\tend \u00e9\u20ac";

  static final Scale ADJECTIVAL = new Scale("ADJECTIVAL", List.of(
      new Level(1, "Unsatisfactory", "Fails to address the topic or shows no credible capability."),
      new Level(2, "Marginal", "Addresses the topic with significant gaps or unsupported claims."),
      new Level(3, "Satisfactory", "Addresses the topic adequately; strengths and weaknesses balance."),
      new Level(4, "Good", "Addresses the topic well with evidence; minor weaknesses."),
      new Level(5, "Exceptional", "Addresses the topic thoroughly with strong evidence and no material weakness.")));

  static final List<Criterion> CRITERIA = List.of(
      new Criterion(1, "Grants management solution", "Breadth of the pre-award to closeout lifecycle covered.", 40),
      new Criterion(2, "Data implementation", "Alignment with the grants data standards; migration approach.", 20),
      new Criterion(3, "Customer experience", "Applicant and recipient experience; accessibility.", 20),
      new Criterion(4, "Acquisition strategy", "Realistic vehicles, pricing models and onboarding.", 20));

  private SampleReports() {
  }

  /** Three ranked responses, one ineligible, a recusal, corrected scores and tricky text. */
  static EvaluationReportData small() {
    List<PanelMember> panel = List.of(
        new PanelMember("panel.chair", "Dana Whitfield", "CHAIR", Instant.parse("2026-03-01T13:00:00Z"),
            "COI-NDA v2.1", null, List.of()),
        new PanelMember("reviewer1", "Ray Okafor", "REVIEWER", Instant.parse("2026-03-01T14:10:00Z"),
            "COI-NDA v2.1", null, List.of()),
        new PanelMember("reviewer2", "Lee Chen", "REVIEWER", Instant.parse("2026-03-02T09:30:00Z"),
            "COI-NDA v2.1", "Former employee of Beacon Grants LLC (left 2024).", List.of("RSP-003")),
        new PanelMember("reviewer3", "Sam Rivera", "REVIEWER", Instant.parse("2026-03-02T11:45:00Z"),
            "COI-NDA v2.2", null, List.of()),
        new PanelMember("reviewer4", "Pat Novak", "REVIEWER", null, "COI-NDA v2.2", null, List.of()));
    List<Screening> screening = List.of(
        new Screening("RSP-001", "Acme Grants, Inc.", Instant.parse("2026-02-20T16:00:00Z"), false, true, true,
            null, "panel.chair"),
        new Screening("RSP-002", "Northwind \"Cloud\" Services", Instant.parse("2026-02-26T18:20:00Z"), false, true,
            true, null, "panel.chair"),
        new Screening("RSP-003", "Beacon Grants LLC", Instant.parse("2026-02-27T22:04:00Z"), true, true, true,
            "Portal outage at closing documented by the contracting officer.", "contracting.officer"),
        new Screening("RSP-004", "Late Entry Co", Instant.parse("2026-03-03T10:00:00Z"), true, false, false, null,
            "panel.chair"));
    List<ResponseResult> responses = List.of(
        new ResponseResult(1, "RSP-001", "Acme Grants, Inc.", 4.40, List.of(
            result("Grants management solution", 40, 3, 4.67, 4, 5, 0.58, false, null, 5, "Exceptional",
                "Covers pre-award to closeout with a live federal customer."),
            result("Data implementation", 20, 3, 3.33, 2, 5, 1.53, true, "spread 3 (2 to 5)", 4, "Good",
                "Panel agreed the migration tooling is proven; reviewer2 weighed the missing data dictionary."),
            result("Customer experience", 20, 3, 4.00, 4, 4, 0.00, false, null, 4, "Good",
                "Accessible applicant portal; " + MARKUP),
            result("Acquisition strategy", 20, 3, 3.67, 3, 4, 0.58, false, null, 4, "Good",
                "Available on the GSA schedule; per-award pricing.")), null),
        new ResponseResult(2, "RSP-002", "Northwind \"Cloud\" Services", 3.60, List.of(
            result("Grants management solution", 40, 3, 3.67, 3, 4, 0.58, false, null, 4, "Good",
                "Strong post-award module, thin pre-award."),
            result("Data implementation", 20, 3, 3.00, 3, 3, 0.00, false, null, 3, "Satisfactory",
                "Standard APIs, no migration plan."),
            result("Customer experience", 20, 3, 3.33, 3, 4, 0.58, false, null, 3, "Satisfactory",
                "Usable but untested with recipients. " + ODD),
            result("Acquisition strategy", 20, 3, 3.67, 3, 4, 0.58, false, null, 4, "Good",
                "Enterprise license with clear tiers.")), "reviewer3 would rate customer experience Good."),
        new ResponseResult(3, "RSP-003", "Beacon Grants LLC", 2.80, List.of(
            result("Grants management solution", 40, 2, 3.00, 3, 3, 0.00, false, null, 3, "Satisfactory",
                "Configurable workflow engine; few grant-specific features."),
            result("Data implementation", 20, 2, 2.50, 2, 3, 0.71, false, null, 2, "Marginal",
                "No data standards alignment described."),
            result("Customer experience", 20, 2, 3.00, 3, 3, 0.00, false, null, 3, "Satisfactory",
                "Mobile-friendly forms."),
            result("Acquisition strategy", 20, 2, 3.00, 3, 3, 0.00, false, null, 3, "Satisfactory",
                "Open market only.")), null));
    List<IndividualScore> scores = new ArrayList<>();
    int[][][] ratings = {
        {{5, 5, 4}, {2, 3, 5}, {4, 4, 4}, {4, 3, 4}},
        {{4, 3, 4}, {3, 3, 3}, {3, 3, 4}, {4, 3, 4}},
        {{3, 0, 3}, {2, 0, 3}, {3, 0, 3}, {3, 0, 3}}};
    String[] reviewers = {"reviewer1", "reviewer2", "reviewer3"};
    Instant submitted = Instant.parse("2026-03-05T15:00:00Z");
    for (int r = 0; r < 3; r++) {
      ResponseResult response = responses.get(r);
      for (int c = 0; c < CRITERIA.size(); c++) {
        for (int v = 0; v < reviewers.length; v++) {
          int rating = ratings[r][c][v];
          if (rating == 0) {
            continue; // recused
          }
          String strengths = "Strength of " + response.responseId() + " on " + CRITERIA.get(c).name()
              + " by " + reviewers[v];
          String weaknesses = "Weakness noted by " + reviewers[v];
          String rationale = "Rated " + rating + " against the level definition.";
          scores.add(new IndividualScore(response.responseId(), response.organization(), reviewers[v],
              CRITERIA.get(c).name(), rating, strengths, weaknesses, rationale, 1, true,
              submitted.plus(Duration.ofMinutes(r * 60 + c * 10 + v))));
        }
      }
    }
    // a corrected worksheet: version 1 superseded by version 2 (replace the current v1 entry)
    scores.removeIf(s -> s.responseId().equals("RSP-001") && s.reviewerId().equals("reviewer2")
        && s.criterionName().equals("Data implementation"));
    scores.add(new IndividualScore("RSP-001", "Acme Grants, Inc.", "reviewer2", "Data implementation", 1,
        "Mentions migration, \"proven\" tooling", "No data dictionary,\nno mapping to the standard",
        "=HYPERLINK(\"http://evil.example\",\"click\")", 1, false, Instant.parse("2026-03-05T16:00:00Z")));
    scores.add(new IndividualScore("RSP-001", "Acme Grants, Inc.", "reviewer2", "Data implementation", 3,
        "Mentions migration, \"proven\" tooling", "-No data dictionary", "@SUM(A1:A2) corrected after re-reading "
        + "section 4 " + MARKUP, 2, true, Instant.parse("2026-03-06T09:15:00Z")));
    // odd text in a worksheet
    scores.add(new IndividualScore("RSP-002", "Northwind \"Cloud\" Services", "reviewer1", "Customer experience", 4,
        ODD, "+1 for trying", "\tTabbed start", 2, true, Instant.parse("2026-03-07T10:00:00Z")));
    scores.removeIf(s -> s.responseId().equals("RSP-002") && s.reviewerId().equals("reviewer1")
        && s.criterionName().equals("Customer experience") && s.version() == 1);
    List<Approval> approvals = List.of(
        new Approval("Panel chair sign-off", "panel.chair", "Approved", "Consensus complete.",
            Instant.parse("2026-03-18T15:30:00Z")),
        new Approval("Contracting officer review", "contracting.officer", "Approved",
            "No proprietary information crosses respondents.", Instant.parse("2026-03-19T17:45:00Z")));
    return new EvaluationReportData("RFI-2026-0042", "Commercial grants management solutions",
        "Market research on commercial grants-management solutions, data implementation, customer experience "
            + "and acquisition strategies for the grants QSMO marketplace.",
        "Department of Health and Human Services (HHS)",
        List.of("Commercial grants-management solutions", "Data implementation", "Customer experience",
            "Acquisition strategies"),
        CLOSED, GENERATED, "Approved", ADJECTIVAL, CRITERIA, panel, screening, responses, scores, approvals,
        "Responses contain proprietary information protected under FAR 3.104. It was shared only with panel "
            + "members who signed the attestation and is never disclosed to other respondents.",
        List.of("Most solutions cover post-award better than pre-award.", "Data standards alignment is uneven."),
        List.of("Acquisition strategy: a GSA schedule special item number for grants solutions.",
            "Marketplace candidates: RSP-001 and RSP-002.",
            "Gaps in standards: a common data dictionary for closeout."));
  }

  private static CriterionResult result(String name, int weight, int count, double mean, int min, int max,
      double sd, boolean flagged, String reasons, Integer rating, String label, String rationale) {
    return new CriterionResult(name, weight, count, mean, min, max, sd, flagged, reasons, rating, label, rationale);
  }

  private static final String[] WORDS = ("solution platform grants award closeout reporting migration data "
      + "standard applicant recipient portal workflow configurable evidence federal customer pricing license "
      + "schedule onboarding accessibility integration security authorization support training roadmap").split(" ");

  private static String sentence(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
          .append(i == words - 1 ? "." : i % 7 == 6 ? ", " : " ");
    }
    return text.toString();
  }

  /** A synthetic evaluation: every reviewer scores every response on every criterion (one version each). */
  static EvaluationReportData large(int responseCount, int reviewerCount, int criterionCount) {
    Random random = new Random(42);
    List<Criterion> criteria = new ArrayList<>();
    for (int c = 1; c <= criterionCount; c++) {
      int weight = 100 / criterionCount + (c <= 100 % criterionCount ? 1 : 0);
      criteria.add(new Criterion(c, "Criterion " + c + " " + WORDS[c % WORDS.length], sentence(random, 14),
          weight));
    }
    List<PanelMember> panel = new ArrayList<>();
    panel.add(new PanelMember("chair", "Panel Chair", "CHAIR", GENERATED.minus(Duration.ofDays(30)), "COI-NDA v3",
        null, List.of()));
    for (int v = 1; v <= reviewerCount; v++) {
      panel.add(new PanelMember("reviewer" + v, "Reviewer " + v, "REVIEWER", GENERATED.minus(Duration.ofDays(29)),
          "COI-NDA v3", null, List.of()));
    }
    List<Screening> screening = new ArrayList<>();
    List<ResponseResult> responses = new ArrayList<>();
    List<IndividualScore> scores = new ArrayList<>(responseCount * reviewerCount * criterionCount);
    for (int r = 1; r <= responseCount; r++) {
      String id = String.format("RSP-%04d", r);
      String organization = "Vendor " + r + " " + WORDS[r % WORDS.length] + " Corporation";
      screening.add(new Screening(id, organization, CLOSED.minus(Duration.ofHours(r)), false, true, true, null,
          "chair"));
      List<CriterionResult> results = new ArrayList<>();
      for (Criterion criterion : criteria) {
        int[] ratings = new int[reviewerCount];
        double sum = 0;
        int min = 5;
        int max = 1;
        for (int v = 0; v < reviewerCount; v++) {
          ratings[v] = 1 + random.nextInt(5);
          sum += ratings[v];
          min = Math.min(min, ratings[v]);
          max = Math.max(max, ratings[v]);
          scores.add(new IndividualScore(id, organization, "reviewer" + (v + 1), criterion.name(), ratings[v],
              sentence(random, 12 + random.nextInt(10)), sentence(random, 8 + random.nextInt(10)),
              sentence(random, 10 + random.nextInt(8)), 1, true, CLOSED.plus(Duration.ofMinutes(r * 50L + v))));
        }
        double mean = sum / reviewerCount;
        double squares = 0;
        for (int rating : ratings) {
          squares += (rating - mean) * (rating - mean);
        }
        int consensus = (int) Math.round(mean);
        results.add(new CriterionResult(criterion.name(), criterion.weight(), reviewerCount, mean, min, max,
            Math.sqrt(squares / Math.max(1, reviewerCount - 1)), max - min >= 2, max - min >= 2
                ? "spread " + (max - min) : null, consensus, ADJECTIVAL.labelOf(consensus), sentence(random, 25)));
      }
      responses.add(new ResponseResult(0, id, organization, 0, results, r % 10 == 0 ? sentence(random, 15) : null));
    }
    List<ResponseResult> ranked = new ArrayList<>();
    for (ResponseResult response : responses) {
      double total = 0;
      for (int c = 0; c < criteria.size(); c++) {
        total += response.criteria().get(c).consensusRating() * criteria.get(c).weight() / 100.0;
      }
      ranked.add(new ResponseResult(0, response.responseId(), response.organization(), total, response.criteria(),
          response.dissent()));
    }
    ranked.sort((a, b) -> Double.compare(b.weightedTotal(), a.weightedTotal()));
    for (int i = 0; i < ranked.size(); i++) {
      ResponseResult r = ranked.get(i);
      ranked.set(i, new ResponseResult(i + 1, r.responseId(), r.organization(), r.weightedTotal(), r.criteria(),
          r.dissent()));
    }
    return new EvaluationReportData("RFI-2026-0100", "Synthetic evaluation of " + responseCount + " responses",
        sentence(random, 40), "General Services Administration", List.of("Topic A", "Topic B", "Topic C"), CLOSED,
        GENERATED, "Draft for approval", ADJECTIVAL, criteria, panel, screening, ranked, scores, List.of(),
        sentence(random, 30), List.of(sentence(random, 20), sentence(random, 20)),
        List.of(sentence(random, 20)));
  }
}
