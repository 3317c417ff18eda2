package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.documents.AccessiblePdf;
import gov.qsmo.workflow.documents.DrawableText;
import gov.qsmo.workflow.documents.Lists;
import gov.qsmo.workflow.documents.PdfLayout;
import gov.qsmo.workflow.documents.PdfLayout.Align;
import gov.qsmo.workflow.documents.PdfLayout.Cell;
import gov.qsmo.workflow.documents.PdfLayout.Column;
import gov.qsmo.workflow.documents.PdfLayout.ContentsEntry;
import gov.qsmo.workflow.documents.PdfLayout.Para;
import gov.qsmo.workflow.documents.PdfLayout.Rgb;
import gov.qsmo.workflow.documents.PdfLayout.Row;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Approval;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Criterion;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.CriterionResult;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.IndividualScore;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.PanelMember;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.ResponseResult;
import gov.qsmo.workflow.rfi.report.EvaluationReportData.Screening;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The final evaluation report of an RFI as a tagged PDF that conforms to PDF/UA-1 and PDF/A-2a
 * (Letter pages, embedded DejaVu Sans subsets; see {@link PdfLayout}): a summary, the frozen evaluation plan, the panel with attestations and recusals, screening, the
 * ranking, a chart of score distributions, themes and recommendations, the consensus per response and
 * criterion, the statement on proprietary information, approvals, and an appendix with every
 * individual score (superseded versions marked). Pure rendering: no Spring, no database.
 *
 * <p>User text is drawn literally (markup stays text) in Latin (with Vietnamese and Central European
 * letters), Greek and Cyrillic as written. A character no embedded font has (Chinese, emoji) is drawn as
 * U+FFFD, logged, and listed with the text it was in, in an appendix "Characters the fonts cannot
 * show". Each chart has alternative text and its figures are also given as a table. Nulls and empty
 * lists print as "not recorded" or "none".
 */
public final class EvaluationReportPdf {

  /** Times in the report: "14 Mar 2026, 15:04 UTC". */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.US)
      .withZone(ZoneOffset.UTC);

  static final String NOT_RECORDED = "not recorded";

  /** The title of the appendix that lists characters no embedded font can show. */
  static final String MISSING_CHARACTERS = "Appendix B  Characters the fonts cannot show";

  private static final Logger log = LoggerFactory.getLogger(EvaluationReportPdf.class);

  private static final Rgb APPROVED = new Rgb(0.12f, 0.45f, 0.26f);
  private static final Rgb PENDING = new Rgb(0.72f, 0.42f, 0.05f);

  private static final String[] SECTIONS = {
      "1  Evaluation plan", "2  Evaluation panel", "3  Screening", "4  Ranking", "5  Score distributions",
      "6  Themes and recommendations", "7  Consensus by response", "8  Proprietary information",
      "9  Approvals", "Appendix A  Individual scores"};

  /**
   * Individual scores a report holds in its own Appendix A. Above this, Appendix A is rendered in parts of
   * {@link #APPENDIX_PART_RESPONSES} responses, each a document of its own (ADR 0036): one document of every score of
   * a large RFI would not fit a node's memory (60,000 scores did not fit 384 MiB) nor be read by anyone.
   */
  public static final int APPENDIX_INLINE_MAX = 12_000;
  /** Responses per part of Appendix A when it is in parts. */
  public static final int APPENDIX_PART_RESPONSES = 50;

  private final EvaluationReportData data;
  /** The responses of each part of Appendix A, in ranking order; empty when the report holds it itself. */
  private final List<List<String>> parts;
  /** The part this document is (1 is the first), or 0 for the report itself. */
  private int part;
  private final DrawableText cleaner = new DrawableText();
  private final PdfLayout layout = new PdfLayout();
  private PDStructureElement contentsElement;
  private final List<Criterion> criteria;
  private final List<ResponseResult> responses;
  private final List<IndividualScore> scores;
  private final List<Screening> screening;
  private final List<PanelMember> panel;
  private final Map<String, String> organizations = new HashMap<>();

  private EvaluationReportPdf(EvaluationReportData data, int inlineMax) {
    this.data = data;
    this.criteria = new ArrayList<>(list(data.criteria()));
    this.criteria.sort(Comparator.comparingInt(Criterion::position));
    this.responses = list(data.responses());
    this.scores = list(data.individualScores());
    this.screening = list(data.screening());
    this.panel = list(data.panel());
    for (IndividualScore score : scores) {
      putOrganization(score.responseId(), score.organization());
    }
    for (Screening s : screening) {
      putOrganization(s.responseId(), s.organization());
    }
    for (ResponseResult response : responses) {
      putOrganization(response.responseId(), response.organization());
    }
    this.parts = appendixParts(data, inlineMax);
  }

  /**
   * Renders the report. Never fails on odd content (nulls, empty lists, characters no font has: those
   * are logged and listed in the report); {@code data} itself must not be null.
   */
  public static byte[] render(EvaluationReportData data) {
    return render(data, APPENDIX_INLINE_MAX);
  }

  /** As {@link #render(EvaluationReportData)}, Appendix A in parts above {@code inlineMax} individual scores. */
  public static byte[] render(EvaluationReportData data, int inlineMax) {
    Objects.requireNonNull(data, "data");
    return new EvaluationReportPdf(data, inlineMax).render();
  }

  /**
   * The responses of each part of Appendix A, in ranking order (responses scored but not ranked last), when the
   * report has more than {@link #APPENDIX_INLINE_MAX} individual scores; none when the report holds them itself.
   */
  public static List<List<String>> appendixParts(EvaluationReportData data) {
    return appendixParts(data, APPENDIX_INLINE_MAX);
  }

  /** As {@link #appendixParts(EvaluationReportData)}, in parts above {@code inlineMax} individual scores. */
  public static List<List<String>> appendixParts(EvaluationReportData data, int inlineMax) {
    List<IndividualScore> all = list(data.individualScores());
    if (all.size() <= inlineMax) {
      return List.of();
    }
    java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
    list(data.responses()).forEach(r -> order.add(key(r.responseId())));
    all.forEach(s -> order.add(key(s.responseId())));
    List<String> ids = new ArrayList<>(order);
    List<List<String>> parts = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += APPENDIX_PART_RESPONSES) {
      parts.add(List.copyOf(ids.subList(from, Math.min(ids.size(), from + APPENDIX_PART_RESPONSES))));
    }
    return List.copyOf(parts);
  }

  /**
   * Part {@code part} (1 is the first) of Appendix A, when the report has it in parts ({@link #appendixParts}): a
   * tagged, accessible document of its own with the individual scores of that part's responses.
   */
  public static byte[] renderAppendixPart(EvaluationReportData data, int part) {
    return renderAppendixPart(data, APPENDIX_INLINE_MAX, part);
  }

  /** As {@link #renderAppendixPart(EvaluationReportData, int)}, in parts above {@code inlineMax} scores. */
  public static byte[] renderAppendixPart(EvaluationReportData data, int inlineMax, int part) {
    Objects.requireNonNull(data, "data");
    EvaluationReportPdf pdf = new EvaluationReportPdf(data, inlineMax);
    if (part < 1 || part > pdf.parts.size()) {
      throw new IllegalArgumentException("The report has " + pdf.parts.size() + " part(s) of Appendix A, not " + part);
    }
    pdf.part = part;
    return pdf.renderPart();
  }

  private byte[] renderPart() {
    List<String> ids = parts.get(part - 1);
    String title = line(data.title());
    heading("REQUEST FOR INFORMATION  \u00b7  EVALUATION REPORT  \u00b7  APPENDIX A",
        (title.isEmpty() ? "Untitled RFI" : title) + ": individual scores, part " + part + " of " + parts.size(), 18);
    layout.facts(List.of(
        new String[] {"RFI", orNotRecorded(line(data.rfiId()))},
        new String[] {"Issuing agency", orNotRecorded(line(data.issuingAgency()))},
        new String[] {"Report generated", time(data.generatedAt())},
        new String[] {"Status", orNotRecorded(line(data.status()))},
        new String[] {"Responses in this part", ids.size() + " of " + partsResponses() + ", in ranking order: "
            + line(ids.get(0)) + " to " + line(ids.get(ids.size() - 1))}), 140);
    appendix();
    missingCharacters();
    String rfi = line(data.rfiId());
    String footer = (rfi.isEmpty() ? "RFI" : rfi) + "  \u00b7  Evaluation report, Appendix A, part " + part + " of "
        + parts.size() + (line(data.status()).isEmpty() ? "" : "  \u00b7  " + line(data.status()));
    Calendar created = created();
    return layout.finish(footer, "RFI evaluation report " + AccessiblePdf.metadata(data.rfiId())
        + ", Appendix A, part " + part + " of " + parts.size(), AccessiblePdf.metadata(data.issuingAgency()),
        "Individual scores of RFI " + AccessiblePdf.metadata(data.rfiId()), created);
  }

  private int partsResponses() {
    return parts.stream().mapToInt(List::size).sum();
  }

  private byte[] render() {
    int[] contentsAt = titlePage();
    plan();
    panel();
    screening();
    ranking();
    distributions();
    themes();
    consensus();
    proprietary();
    approvals();
    appendix();
    missingCharacters();
    contents(contentsAt[0], contentsAt[1]);
    Calendar created = created();
    String rfi = line(data.rfiId());
    String footer = (rfi.isEmpty() ? "RFI" : rfi) + "  \u00b7  Evaluation report"
        + (line(data.status()).isEmpty() ? "" : "  \u00b7  " + line(data.status()));
    String title = AccessiblePdf.metadata(data.title());
    return layout.finish(footer, title.isEmpty() ? "RFI evaluation report " + rfi : title,
        AccessiblePdf.metadata(data.issuingAgency()), "RFI evaluation report " + AccessiblePdf.metadata(data.rfiId()), created);
  }

  // ---------------------------------------------------------------- title page and summary

  /** When the report was generated, as the document's creation date (null if not recorded). */
  private Calendar created() {
    if (data.generatedAt() == null) {
      return null;
    }
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.US);
    created.setTimeInMillis(data.generatedAt().toEpochMilli());
    return created;
  }

  /** A new first page: the kind of document in small capitals, then its title. */
  private void heading(String kind, String title, int size) {
    layout.newPage();
    layout.moveDown(40);
    layout.leaf("P");
    layout.text(kind, PdfLayout.LEFT, layout.y(), layout.bold, 9, PdfLayout.MUTED);
    layout.artifact();
    layout.moveDown(16);
    layout.title(title, size);
    layout.moveDown(8);
  }

  /** Returns the page index and y where the contents list goes. */
  private int[] titlePage() {
    String title = line(data.title());
    heading("REQUEST FOR INFORMATION  \u00b7  EVALUATION REPORT", title.isEmpty() ? "Untitled RFI" : title, 22);
    String rfi = orNotRecorded(line(data.rfiId()));
    layout.ensure(40);
    layout.moveDown(12);
    layout.leaf("P");
    layout.text(rfi + " ", PdfLayout.LEFT, layout.y(), layout.regular, 12, PdfLayout.BLACK);
    String status = line(data.status());
    if (!status.isEmpty()) {
      float size = 8.5f;
      String pill = PdfLayout.fit(status.toUpperCase(Locale.US), layout.bold, size, 240);
      float w = layout.bold.width(pill, size) + 14;
      float x = PdfLayout.LEFT + layout.regular.width(rfi, 12) + 14;
      if (x + w > PdfLayout.RIGHT) {
        x = PdfLayout.RIGHT - w;
      }
      boolean approved = status.toLowerCase(Locale.US).startsWith("approved");
      layout.rect(x, layout.y() - 4, w, 15, approved ? APPROVED : PENDING);
      layout.text(pill, x + 7, layout.y(), layout.bold, size, PdfLayout.WHITE);
    }
    layout.artifact();
    layout.moveDown(12);
    layout.line(PdfLayout.LEFT, layout.y(), PdfLayout.RIGHT, layout.y(), 1.2f, PdfLayout.NAVY);
    layout.moveDown(16);

    layout.facts(List.of(
        new String[] {"Issuing agency", orNotRecorded(line(data.issuingAgency()))},
        new String[] {"Responses closed", time(data.closesAt())},
        new String[] {"Report generated", time(data.generatedAt())},
        new String[] {"Status", orNotRecorded(status)}), 120);

    layout.heading("H2", "Summary", 30, false);
    String description = text(data.description());
    if (!description.isEmpty()) {
      layout.paragraph(description);
    }
    layout.facts(glance(), 120);
    layout.paragraph(null, "This RFI is market research (FAR 15.201(e)): responses are not offers, cannot be "
        + "accepted by the Government and their preparation costs are not reimbursed. The report contains "
        + "respondents' proprietary information; see section 8.", layout.italic, 8, PdfLayout.MUTED, 0);

    float contentsHeight = 40 + (SECTIONS.length + 1) * 15;
    layout.ensure(contentsHeight);
    contentsElement = layout.placeholder("Sect");
    return new int[] {layout.pageIndex(), (int) layout.y()};
  }

  private List<String[]> glance() {
    int late = 0;
    int eligible = 0;
    for (Screening s : screening) {
      late += s.late() ? 1 : 0;
      eligible += s.eligible() ? 1 : 0;
    }
    long chairs = panel.stream().filter(m -> "CHAIR".equalsIgnoreCase(m.role())).count();
    long reviewers = panel.size() - chairs;
    long signed = panel.stream().filter(m -> m.attestedAt() != null).count();
    long recusals = panel.stream().mapToLong(m -> list(m.recusedFromResponseIds()).size()).sum();
    long current = scores.stream().filter(IndividualScore::current).count();
    long flagged = 0;
    long results = 0;
    for (ResponseResult response : responses) {
      for (CriterionResult result : list(response.criteria())) {
        results++;
        flagged += result.flagged() ? 1 : 0;
      }
    }
    StringBuilder top = new StringBuilder();
    for (int i = 0; i < Math.min(3, responses.size()); i++) {
      ResponseResult r = responses.get(i);
      top.append(i == 0 ? "" : "\n").append(r.rank()).append(". ").append(orNotRecorded(line(r.organization())))
          .append(" (").append(number(r.weightedTotal())).append(")");
    }
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Responses", count(screening.size()) + " received, " + count(late) + " late, "
        + count(eligible) + " eligible; " + count(responses.size()) + " ranked"});
    facts.add(new String[] {"Panel", chairs + (chairs == 1 ? " chair, " : " chairs, ") + reviewers
        + (reviewers == 1 ? " reviewer" : " reviewers") + "; " + signed + " of " + panel.size()
        + " attestations signed; " + recusals + (recusals == 1 ? " recusal" : " recusals")});
    facts.add(new String[] {"Evaluation plan", criteria.size() + (criteria.size() == 1 ? " criterion" : " criteria")
        + ", " + scaleName()});
    facts.add(new String[] {"Individual scores", count(current) + " current, " + count(scores.size() - current)
        + " superseded " + (scores.size() - current == 1 ? "version" : "versions")});
    facts.add(new String[] {"Divergent scores", count(flagged) + " of " + count(results)
        + " criterion results flagged for a consensus rationale"});
    facts.add(new String[] {"Highest ranked", top.length() == 0 ? "none" : top.toString()});
    return facts;
  }

  private void contents(int pageIndex, int atY) {
    layout.reopen(pageIndex, atY);
    layout.into(contentsElement);
    layout.heading("H2", "Contents", 0, false);
    float size = 9.5f;
    layout.begin("L");
    for (ContentsEntry entry : layout.contents()) {
      if (entry.child()) {
        continue;
      }
      String page = Integer.toString(entry.pageIndex() + 1);
      layout.moveDown(size);
      layout.begin("LI");
      PDStructureElement body = layout.leaf("LBody");
      layout.text(entry.title() + " ", PdfLayout.LEFT, layout.y(), layout.regular, size, PdfLayout.BLACK);
      float titleEnd = PdfLayout.LEFT + layout.regular.width(entry.title(), size) + 6;
      float pageStart = PdfLayout.RIGHT - layout.regular.width(page, size);
      float dot = layout.regular.width(". ", size);
      StringBuilder leader = new StringBuilder();
      for (float x = titleEnd; x + dot < pageStart - 6; x += dot) {
        leader.append(". ");
      }
      layout.artifact();
      layout.text(leader.toString(), titleEnd, layout.y(), layout.regular, size, PdfLayout.RULE);
      layout.leaf(body);
      layout.text(page, pageStart, layout.y(), layout.regular, size, PdfLayout.BLACK);
      layout.end();
      layout.moveDown(size * 0.6f);
    }
    layout.end();
    layout.end();
  }

  // ---------------------------------------------------------------- 1 evaluation plan

  private void plan() {
    layout.section(SECTIONS[0], true);
    layout.paragraph(null, "The plan below was fixed before any evaluator scored a response.", layout.italic,
        PdfLayout.BODY, PdfLayout.MUTED, 0);
    layout.subheading("Topics", 20, false);
    List<String> topics = new ArrayList<>();
    for (String topic : list(data.topics())) {
      topics.add(text(topic));
    }
    layout.bullets(topics, "No topics recorded.");

    layout.subheading("Criteria and weights", 40, false);
    List<Row> rows = new ArrayList<>();
    int total = 0;
    for (Criterion c : criteria) {
      total += c.weight();
      rows.add(new Row(List.of(Cell.of(Integer.toString(c.position())),
          Cell.of(new Para(null, orNotRecorded(line(c.name())), layout.bold, null)),
          Cell.of(c.weight() + "%"),
          Cell.of(orNone(text(c.guidance()), "No guidance recorded.")))));
    }
    if (!criteria.isEmpty()) {
      rows.add(new Row(List.of(Cell.of(""), Cell.of(new Para(null, "Total", layout.bold, null)),
          Cell.of(new Para(null, total + "%", layout.bold, total == 100 ? null : PdfLayout.ALERT)),
          Cell.of(total == 100 ? "" : "The weights do not total 100%."))));
    } else {
      rows.add(new Row(List.of(Cell.of(""), Cell.of("No criteria recorded."), Cell.of(""), Cell.of(""))));
    }
    layout.table("Criteria and weights", List.of(new Column("#", 26, Align.RIGHT), new Column("Criterion", 140),
        new Column("Weight", 48, Align.RIGHT), new Column("Guidance for evaluators", PdfLayout.WIDTH - 214)),
        rows, 8.5f);

    layout.subheading("Rating scale", 40, false);
    layout.paragraph(scaleName().substring(0, 1).toUpperCase(Locale.US) + scaleName().substring(1) + ".");
    List<Row> levels = new ArrayList<>();
    if (data.scale() != null) {
      for (EvaluationReportData.Level level : list(data.scale().levels())) {
        levels.add(new Row(List.of(Cell.of(new Para(null, Integer.toString(level.value()), layout.bold, null)),
            Cell.of(new Para(null, orNotRecorded(line(level.label())), layout.bold, null)),
            Cell.of(orNone(text(level.definition()), "No definition recorded.")))));
      }
    }
    if (levels.isEmpty()) {
      levels.add(new Row(List.of(Cell.of(""), Cell.of("No scale recorded."), Cell.of(""))));
    }
    layout.table("Rating scale", List.of(new Column("Value", 40, Align.RIGHT), new Column("Level", 100),
        new Column("Definition", PdfLayout.WIDTH - 140)), levels, 8.5f);
    layout.paragraph(null, "Ratings guide the evaluation; the documented strengths and weaknesses are what count.",
        layout.italic, 8, PdfLayout.MUTED, 0);
  }

  private String scaleName() {
    if (data.scale() == null) {
      return "no rating scale recorded";
    }
    String type = line(data.scale().type()).toLowerCase(Locale.US);
    int count = list(data.scale().levels()).size();
    return (type.isEmpty() ? "rating" : type) + " scale of " + count + (count == 1 ? " level" : " levels");
  }

  // ---------------------------------------------------------------- 2 panel

  private void panel() {
    layout.section(SECTIONS[1], true);
    layout.paragraph("Every evaluator signs a conflict-of-interest and non-disclosure attestation before seeing "
        + "any response. A declared conflict with a respondent means recusal from that response. The chair leads "
        + "the consensus discussion and does not score.");
    List<Row> rows = new ArrayList<>();
    for (PanelMember m : panel) {
      Cell member = Cell.of(new Para(null, orNotRecorded(line(m.displayName())), layout.bold, null),
          new Para(null, line(m.userId()), null, PdfLayout.MUTED));
      String role = "CHAIR".equalsIgnoreCase(m.role()) ? "Chair" : "REVIEWER".equalsIgnoreCase(m.role())
          ? "Reviewer" : orNotRecorded(line(m.role()));
      Cell attestation = m.attestedAt() == null
          ? Cell.of(new Para(null, "NOT SIGNED", layout.bold, PdfLayout.ALERT),
              new Para("Version", orNotRecorded(line(m.attestationVersion())), null, null))
          : Cell.of(new Para("Version", orNotRecorded(line(m.attestationVersion())), null, null),
              new Para("Signed", time(m.attestedAt()), null, null));
      List<Para> recused = new ArrayList<>();
      for (String id : list(m.recusedFromResponseIds())) {
        String organization = organizations.get(id);
        recused.add(Para.of(line(id) + (organization == null ? "" : " (" + organization + ")")));
      }
      if (recused.isEmpty()) {
        recused.add(new Para(null, "None", null, PdfLayout.MUTED));
      }
      rows.add(new Row(List.of(member, Cell.of(role), attestation,
          Cell.of(orNone(text(m.conflictStatement()), "None declared")), new Cell(recused))));
    }
    if (rows.isEmpty()) {
      rows.add(new Row(List.of(Cell.of("No panel recorded."))));
    }
    layout.table("Panel roster", List.of(new Column("Member", 100), new Column("Role", 50),
        new Column("Attestation", 120), new Column("Conflicts declared", 124), new Column("Recused from", 110)),
        rows, 8.5f);
  }

  // ---------------------------------------------------------------- 3 screening

  private void screening() {
    layout.section(SECTIONS[2], true);
    layout.paragraph("Each response was screened for timely receipt and for answering every topic before "
        + "evaluation; an override of the screening result is recorded with its reason.");
    List<Row> rows = new ArrayList<>();
    for (Screening s : screening) {
      Cell override = s.overrideReason() == null
          ? Cell.of(new Para(null, "None", null, PdfLayout.MUTED))
          : Cell.of(text(s.overrideReason()));
      rows.add(new Row(List.of(Cell.of(orNotRecorded(line(s.responseId()))),
          Cell.of(orNotRecorded(line(s.organization()))), Cell.of(time(s.receivedAt())),
          Cell.of(new Para(null, s.late() ? "Late" : "On time", s.late() ? layout.bold : null,
              s.late() ? PdfLayout.ALERT : null)),
          Cell.of(s.allTopicsAnswered() ? "Yes" : "No"),
          Cell.of(new Para(null, s.eligible() ? "Eligible" : "Not eligible", layout.bold,
              s.eligible() ? APPROVED : PdfLayout.ALERT)),
          override, Cell.of(orNotRecorded(line(s.confirmedBy()))))));
    }
    if (rows.isEmpty()) {
      rows.add(new Row(List.of(Cell.of("No responses screened."))));
    }
    layout.table("Screening results", List.of(new Column("Response", 62), new Column("Organization", 92),
        new Column("Received", 60), new Column("Timely", 44), new Column("All topics", 42),
        new Column("Result", 52), new Column("Override reason", 90), new Column("Confirmed by", 62)), rows, 8);
  }

  // ---------------------------------------------------------------- 4 ranking

  private List<String> criterionNames() {
    List<String> names = new ArrayList<>();
    for (Criterion c : criteria) {
      names.add(c.name() == null ? "" : c.name());
    }
    if (names.isEmpty()) {
      for (ResponseResult response : responses) {
        for (CriterionResult result : list(response.criteria())) {
          String name = result.criterionName() == null ? "" : result.criterionName();
          if (!names.contains(name)) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  private void ranking() {
    layout.section(SECTIONS[3], true);
    layout.paragraph("Responses ranked by weighted total of the consensus ratings. C1, C2 ... are the consensus "
        + "ratings per criterion; \u2020 marks a criterion whose individual scores diverged (see section 7).");
    List<String> names = criterionNames();
    int n = names.size();
    float rankWidth = 30;
    float idWidth = 80;
    float totalWidth = 50;
    float criterionWidth = n == 0 ? 0 : Math.max(24, Math.min(44, (PdfLayout.WIDTH - 260) / n));
    float organizationWidth = PdfLayout.WIDTH - rankWidth - idWidth - totalWidth - criterionWidth * n;
    List<Column> columns = new ArrayList<>(List.of(new Column("Rank", rankWidth, Align.RIGHT),
        new Column("Response", idWidth), new Column("Organization", organizationWidth),
        new Column("Weighted total", totalWidth, Align.RIGHT)));
    Map<String, Integer> weights = new HashMap<>();
    for (Criterion c : criteria) {
      weights.put(c.name() == null ? "" : c.name(), c.weight());
    }
    for (int i = 0; i < n; i++) {
      Integer weight = weights.get(names.get(i));
      columns.add(new Column("C" + (i + 1) + (weight == null ? "" : "\n" + weight + "%"), criterionWidth,
          Align.CENTER));
    }
    List<Row> rows = new ArrayList<>();
    for (ResponseResult r : responses) {
      List<Cell> cells = new ArrayList<>(List.of(
          Cell.of(new Para(null, Integer.toString(r.rank()), layout.bold, null)),
          Cell.of(orNotRecorded(line(r.responseId()))), Cell.of(orNotRecorded(line(r.organization()))),
          Cell.of(new Para(null, number(r.weightedTotal()), layout.bold, null))));
      Map<String, CriterionResult> byName = byName(r);
      for (String name : names) {
        CriterionResult result = byName.get(name);
        String rating = result == null || result.consensusRating() == null ? "\u2013"
            : result.consensusRating().toString();
        cells.add(Cell.of(rating + (result != null && result.flagged() ? " \u2020" : "")));
      }
      rows.add(new Row(cells));
    }
    if (rows.isEmpty()) {
      rows.add(new Row(List.of(Cell.of(""), Cell.of("No responses ranked."))));
    }
    layout.table("Ranking", columns, rows, 8.5f);
    if (n > 0) {
      layout.subheading("Criteria", 20, false);
      List<String> key = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Integer weight = weights.get(names.get(i));
        key.add("C" + (i + 1) + "  " + orNotRecorded(line(names.get(i))) + (weight == null ? "" : " (" + weight
            + "%)"));
      }
      layout.bullets(key, "");
    }
  }

  private static Map<String, CriterionResult> byName(ResponseResult response) {
    Map<String, CriterionResult> byName = new HashMap<>();
    for (CriterionResult result : list(response.criteria())) {
      byName.putIfAbsent(result.criterionName() == null ? "" : result.criterionName(), result);
    }
    return byName;
  }

  // ---------------------------------------------------------------- 5 chart

  private void distributions() {
    layout.section(SECTIONS[4], true);
    layout.paragraph("How many current individual scores fell on each level of the scale, per criterion. "
        + "Superseded versions are not counted; no score was dropped.");
    List<ScoreDistributionChart.Level> levels = ScoreDistributionChart.levels(data.scale(), scores, cleaner);
    StringBuilder legend = new StringBuilder();
    for (ScoreDistributionChart.Level level : levels) {
      legend.append(legend.length() == 0 ? "" : "   ").append(level.value())
          .append(level.label().isEmpty() ? "" : " = " + level.label());
    }
    if (legend.length() > 0) {
      layout.paragraph("Levels:", legend.toString(), layout.regular, 8.5f, PdfLayout.BLACK, 0);
    }
    List<ScoreDistributionChart.Distribution> distributions =
        ScoreDistributionChart.distributions(criterionNames(), levels, scores);
    if (distributions.isEmpty() || levels.isEmpty()) {
      layout.paragraph(null, "No scores to chart.", layout.italic, PdfLayout.BODY, PdfLayout.MUTED, 0);
      return;
    }
    layout.moveDown(4);
    ScoreDistributionChart.draw(layout, distributions, levels, cleaner);
    layout.subheading("The charts' figures as a table", 60, false);
    ScoreDistributionChart.table(layout, distributions, levels, cleaner);
  }

  // ---------------------------------------------------------------- 6 themes and recommendations

  private void themes() {
    layout.section(SECTIONS[5], true);
    layout.subheading("Themes across responses", 20, false);
    layout.bullets(texts(data.themes()), "No themes recorded.");
    layout.subheading("Recommendations", 20, false);
    layout.bullets(texts(data.recommendations()), "No recommendations recorded.");
  }

  // ---------------------------------------------------------------- 7 consensus per response

  private void consensus() {
    layout.section(SECTIONS[6], true);
    layout.paragraph("Per response and criterion: the consensus rating the panel recorded and its rationale, "
        + "with the spread of the individual scores behind it. Items flagged for divergent scores need a written "
        + "rationale. Individual worksheets are in Appendix A and were never changed to match the consensus.");
    if (responses.isEmpty()) {
      layout.paragraph(null, "No responses evaluated.", layout.italic, PdfLayout.BODY, PdfLayout.MUTED, 0);
    }
    Map<String, Integer> weights = new HashMap<>();
    for (Criterion c : criteria) {
      weights.put(c.name() == null ? "" : c.name(), c.weight());
    }
    List<Column> columns = List.of(new Column("Criterion", 106), new Column("Consensus", 76),
        new Column("Individual scores", 100), new Column("Consensus rationale", PdfLayout.WIDTH - 282));
    for (ResponseResult r : responses) {
      String heading = "Rank " + r.rank() + "  \u00b7  " + orNotRecorded(line(r.organization())) + " ("
          + orNotRecorded(line(r.responseId())) + ")";
      layout.subheading(heading, 60, true);
      layout.paragraph("Weighted total:", number(r.weightedTotal()), layout.regular, 9, PdfLayout.BLACK, 0);
      List<Row> rows = new ArrayList<>();
      for (CriterionResult c : list(r.criteria())) {
        List<Para> stats = new ArrayList<>();
        stats.add(Para.of("n = " + c.scoreCount() + ", mean " + number(c.mean())));
        stats.add(Para.of("range " + c.min() + "\u2013" + c.max() + ", sd " + number(c.standardDeviation())));
        if (c.flagged()) {
          stats.add(new Para("Flagged:", orNone(text(c.flagReasons()), "divergent scores"), null, PdfLayout.ALERT));
        }
        Cell rating = c.consensusRating() == null
            ? Cell.of(new Para(null, "Not recorded", layout.italic, PdfLayout.ALERT))
            : Cell.of(new Para(null, c.consensusRating() + (line(c.consensusLabel()).isEmpty() ? ""
                : "  " + line(c.consensusLabel())), layout.bold, null));
        String rationale = text(c.consensusRationale());
        Cell rationaleCell = rationale.isEmpty()
            ? Cell.of(new Para(null, "No rationale recorded.", layout.italic, c.flagged() ? PdfLayout.ALERT
                : PdfLayout.MUTED))
            : Cell.of(rationale);
        Integer weight = weights.get(c.criterionName() == null ? "" : c.criterionName());
        rows.add(new Row(List.of(
            Cell.of(new Para(null, orNotRecorded(line(c.criterionName())), layout.bold, null),
                new Para(null, "weight " + (weight == null ? c.weight() : weight) + "%", null, PdfLayout.MUTED)),
            rating, new Cell(stats), rationaleCell)));
      }
      if (rows.isEmpty()) {
        rows.add(new Row(List.of(Cell.of("No criterion results recorded."))));
      }
      layout.table(heading, columns, rows, 8.5f);
      String dissent = text(r.dissent());
      if (dissent.isEmpty()) {
        layout.paragraph(null, "No dissent recorded.", layout.italic, 8.5f, PdfLayout.MUTED, 0);
      } else {
        layout.paragraph("Dissent:", dissent, layout.regular, 8.5f, PdfLayout.BLACK, 0);
      }
      layout.moveDown(6);
    }
  }

  // ---------------------------------------------------------------- 8 proprietary information

  private void proprietary() {
    layout.section(SECTIONS[7], true);
    String statement = text(data.proprietaryStatement());
    if (statement.isEmpty()) {
      layout.paragraph(null, "No statement on proprietary information recorded.", layout.italic, PdfLayout.BODY,
          PdfLayout.ALERT, 0);
    } else {
      layout.paragraph(statement);
    }
  }

  // ---------------------------------------------------------------- 9 approvals

  private void approvals() {
    layout.section(SECTIONS[8], false);
    List<Row> rows = new ArrayList<>();
    for (Approval a : list(data.approvals())) {
      rows.add(new Row(List.of(Cell.of(new Para(null, orNotRecorded(line(a.step())), layout.bold, null)),
          Cell.of(orNotRecorded(line(a.userId()))), Cell.of(orNotRecorded(line(a.decision()))),
          Cell.of(orNone(text(a.comment()), "")), Cell.of(time(a.at())))));
    }
    if (rows.isEmpty()) {
      rows.add(new Row(List.of(Cell.of("No approvals recorded yet."))));
    }
    layout.table("Approvals", List.of(new Column("Step", 100), new Column("By", 96), new Column("Decision", 64),
        new Column("Comment", PdfLayout.WIDTH - 364), new Column("Date and time (UTC)", 104)), rows, 8.5f);
  }

  // ---------------------------------------------------------------- appendix

  private void appendix() {
    layout.section(part == 0 ? SECTIONS[9] : SECTIONS[9] + ", part " + part + " of " + parts.size(), true);
    if (part == 0 && !parts.isEmpty()) {
      appendixInParts();
      return;
    }
    layout.paragraph("Every individual score as the evaluator submitted it, grouped by response in ranking order. "
        + "Corrections are new versions: superseded versions stay on record, drawn in grey and marked "
        + "\"superseded\". Only current versions count.");
    Set<String> included = part == 0 ? null : Set.copyOf(parts.get(part - 1));
    Map<String, Integer> position = new HashMap<>();
    for (Criterion c : criteria) {
      position.putIfAbsent(c.name() == null ? "" : c.name(), c.position());
    }
    Map<String, List<IndividualScore>> byResponse = new LinkedHashMap<>();
    for (ResponseResult r : responses) {
      byResponse.put(key(r.responseId()), new ArrayList<>());
    }
    if (included != null) {
      byResponse.keySet().retainAll(included);
    }
    for (IndividualScore s : scores) {
      if (included == null || included.contains(key(s.responseId()))) {
        byResponse.computeIfAbsent(key(s.responseId()), k -> new ArrayList<>()).add(s);
      }
    }
    Comparator<IndividualScore> order = Comparator
        .comparing((IndividualScore s) -> position.getOrDefault(s.criterionName() == null ? "" : s.criterionName(),
            Integer.MAX_VALUE))
        .thenComparing(s -> key(s.criterionName()))
        .thenComparing(s -> key(s.reviewerId()))
        .thenComparingInt(IndividualScore::version);
    List<Column> columns = List.of(new Column("Criterion", 76), new Column("Reviewer", 56),
        new Column("Rating", 66), new Column("Version, submitted", 74),
        new Column("Strengths, weaknesses and rationale", PdfLayout.WIDTH - 272));
    boolean any = false;
    for (Map.Entry<String, List<IndividualScore>> entry : byResponse.entrySet()) {
      List<IndividualScore> group = entry.getValue();
      if (group.isEmpty()) {
        continue;
      }
      any = true;
      group.sort(order);
      String organization = organizations.get(entry.getKey());
      String heading = (organization == null ? "" : organization + " ") + "(" + orNotRecorded(line(entry.getKey()))
          + ")";
      layout.subheading(heading, 50, true);
      List<Row> rows = new ArrayList<>(group.size());
      for (IndividualScore s : group) {
        String label = data.scale() == null ? null : data.scale().labelOf(s.rating());
        List<Para> comments = new ArrayList<>(3);
        addComment(comments, "Strengths:", s.strengths());
        addComment(comments, "Weaknesses:", s.weaknesses());
        addComment(comments, "Rationale:", s.rationale());
        if (comments.isEmpty()) {
          comments.add(new Para(null, "No comments recorded.", layout.italic, null));
        }
        rows.add(new Row(List.of(Cell.of(orNotRecorded(line(s.criterionName()))),
            Cell.of(orNotRecorded(line(s.reviewerId()))),
            Cell.of(new Para(null, Integer.toString(s.rating()), layout.bold, null),
                Para.of(label == null ? "" : line(label))),
            Cell.of(s.current() ? new Para("v" + s.version(), "current", layout.bold, null)
                : new Para("v" + s.version(), "superseded", layout.italic, null), Para.of(time(s.submittedAt()))),
            new Cell(comments)), !s.current()));
      }
      layout.table(heading, columns, rows, 7.5f);
    }
    if (!any) {
      layout.paragraph(null, "No individual scores recorded.", layout.italic, PdfLayout.BODY, PdfLayout.MUTED, 0);
    }
  }

  /** Appendix A in parts: what each part holds, and where it is. */
  private void appendixInParts() {
    layout.paragraph("This evaluation has " + String.format(Locale.US, "%,d", scores.size()) + " individual scores, "
        + "more than this report holds itself. Appendix A is therefore in " + parts.size() + " parts, each a "
        + "document of its own with every individual score of up to " + APPENDIX_PART_RESPONSES + " responses, in "
        + "ranking order, as the evaluators submitted them (superseded versions marked). They are generated and kept "
        + "with this report, version for version, and downloaded with it (API: GET /api/rfis/"
        + line(data.rfiId()) + "/report/appendix/{part}.pdf). Every score is also in the report's CSV file.");
    List<Row> rows = new ArrayList<>();
    int first = 1;
    for (int k = 1; k <= parts.size(); k++) {
      List<String> ids = parts.get(k - 1);
      rows.add(new Row(List.of(Cell.of(new Para(null, "Part " + k, layout.bold, null)),
          Cell.of(first + " to " + (first + ids.size() - 1)),
          Cell.of(line(ids.get(0)) + " to " + line(ids.get(ids.size() - 1))))));
      first += ids.size();
    }
    layout.table("Parts of Appendix A", List.of(new Column("Part", 60), new Column("Places in the ranking", 110),
        new Column("First and last response", PdfLayout.WIDTH - 170)), rows, 8.5f);
  }

  // ---------------------------------------------------------------- characters the fonts cannot show

  /**
   * Lists every character that no embedded font has, with the text it was first found in, and logs
   * them. Nothing is added when every character could be drawn.
   */
  private void missingCharacters() {
    List<DrawableText.Missing> missing = cleaner.missing();
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder codes = new StringBuilder();
    for (DrawableText.Missing m : missing) {
      codes.append(codes.length() == 0 ? "" : ", ").append(m.code()).append(' ').append(m.name());
    }
    log.warn("Evaluation report {}: {} character(s) that no embedded font can show, drawn as U+FFFD and listed "
        + "in the report: {}", AccessiblePdf.metadata(data.rfiId()), missing.size(), codes);
    layout.section(MISSING_CHARACTERS, true);
    layout.paragraph("The report's fonts (DejaVu Sans) cover Latin, Greek and Cyrillic, not every script. These "
        + "characters of the records could not be shown and are drawn as \uFFFD where they occur; the records "
        + "themselves keep them as written (the CSV export and the API show them).");
    List<Row> rows = new ArrayList<>();
    for (DrawableText.Missing m : missing) {
      rows.add(new Row(List.of(Cell.of(new Para(null, m.code(), layout.bold, null)), Cell.of(m.name()),
          Cell.of(Integer.toString(m.occurrences())), Cell.of(m.firstSeenIn()))));
    }
    layout.table("Characters the fonts cannot show", List.of(new Column("Code point", 60),
        new Column("Unicode name", 170), new Column("Times", 40, Align.RIGHT),
        new Column("First found in", PdfLayout.WIDTH - 270)), rows, 8.5f);
  }

  private void addComment(List<Para> comments, String label, String value) {
    String cleaned = text(value);
    if (!cleaned.isEmpty()) {
      comments.add(new Para(label, cleaned, null, null));
    }
  }

  // ---------------------------------------------------------------- helpers

  private void putOrganization(String responseId, String organization) {
    if (responseId != null && organization != null && !organization.isBlank()) {
      organizations.putIfAbsent(key(responseId), line(organization));
    }
  }

  private static String key(String value) {
    return value == null ? "" : value;
  }

  private static <T> List<T> list(List<T> items) {
    return Lists.present(items);
  }

  private List<String> texts(List<String> items) {
    List<String> out = new ArrayList<>();
    for (String item : list(items)) {
      String cleaned = text(item);
      if (!cleaned.isEmpty()) {
        out.add(cleaned);
      }
    }
    return out;
  }

  /** User text that may run over lines. */
  private String text(String value) {
    return cleaner.clean(value, true).strip();
  }

  /** User text on one line. */
  private String line(String value) {
    return cleaner.clean(value, false).strip();
  }


  private static String orNotRecorded(String value) {
    return value.isEmpty() ? NOT_RECORDED : value;
  }

  private static String orNone(String value, String none) {
    return value.isEmpty() ? none : value;
  }

  static String time(Instant instant) {
    if (instant == null) {
      return NOT_RECORDED;
    }
    try {
      return TIME.format(instant);
    } catch (java.time.DateTimeException outOfRange) {
      return instant.toString();
    }
  }

  /** A count with thousands separators: 8,400. */
  private static String count(long value) {
    return String.format(Locale.US, "%,d", value);
  }

  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "\u2013";
    }
    return String.format(Locale.US, "%.2f", value);
  }
}
