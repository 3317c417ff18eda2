package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.DecisionNotice;
import gov.qsmo.workflow.rfi.RfiStatus;
import org.springframework.context.ApplicationEventPublisher;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.rfi.results.Consensus;
import gov.qsmo.workflow.rfi.results.CriterionResult;
import gov.qsmo.workflow.rfi.results.RfiResultsService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.rfi.scoring.ScoreSheet;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.NotFoundException;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation report: the frozen plan, the panel with attestations and recusals, screening, the
 * consensus per response, the ranking, a chart of score distributions and every individual score,
 * as PDF, and every score as CSV. Generated for the director's approval, and again, final, with it.
 */
@Service
@Transactional
public class RfiReportService {

  static final String PROPRIETARY_STATEMENT = "Responses to this RFI are market research under FAR 15.201(e): "
      + "they are not offers, cannot be accepted by the Government to form a binding contract, and their costs are "
      + "not reimbursed. Information a respondent marked proprietary was disclosed only to the evaluation panel "
      + "and the contracting officer, who signed non-disclosure attestations, and is protected under FAR 3.104. "
      + "This report does not reproduce respondents' answers; do not release it outside the Government without "
      + "the contracting officer's review.";

  private final RfiService records;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final RfiScoringService scoring;
  private final RfiResultsService results;
  private final RfiReportRepository reports;
  private final ReferenceData referenceData;
  private final IdentityService identityService;
  private final EntityManager entityManager;
  private final ApplicationEventPublisher publisher;
  private final JdbcTemplate jdbc;
  /** Individual scores the report holds itself; above, its Appendix A is in parts (ADR 0036). */
  private int appendixInlineMax = EvaluationReportPdf.APPENDIX_INLINE_MAX;

  RfiReportService(RfiService records, RfiResponseService responses, RfiPanelService panel, RfiScoringService scoring, RfiResultsService results,
      RfiReportRepository reports, ReferenceData referenceData, IdentityService identityService,
      EntityManager entityManager, ApplicationEventPublisher publisher, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.entityManager = entityManager;
    this.publisher = publisher;
    this.records = records;
    this.responses = responses;
    this.panel = panel;
    this.scoring = scoring;
    this.results = results;
    this.reports = reports;
    this.referenceData = referenceData;
    this.identityService = identityService;
  }

  /**
   * The director approves the final report: on the RFI's record, and the panel and the contracting officers
   * are told by e-mail (they may read the report from now on).
   */
  public void approve(String rfiId, String comments, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    records.record(rfi.id, caller.userId(), "REPORT_APPROVED", comments);
    java.util.Set<String> panelMembers = panel.roster(rfi.id).stream().map(member -> member.userId)
        .collect(java.util.stream.Collectors.toSet());
    publisher.publishEvent(new DecisionNotice(rfi.id, "The evaluation report of " + rfi.id + " was approved",
        List.of(new DecisionNotice.Fact("RFI", rfi.id + ": " + rfi.title),
            new DecisionNotice.Fact("Approved by", caller.userId())),
        java.util.Set.of(Roles.CONTRACTING_OFFICERS), panelMembers));
  }

  /** The director returns the report to the chair's consensus review; the chair is told why. */
  public void returnToChair(String rfiId, String comments, Caller caller) {
    if (comments == null) {
      throw new gov.qsmo.workflow.shared.InvalidRequestException(
          gov.qsmo.workflow.rfi.RfiProcess.Variables.REPORT_COMMENTS, "Tell the chair what to reconsider.");
    }
    Rfi rfi = records.lock(rfiId);
    records.moveTo(rfi, RfiStatus.CONSENSUS, caller.userId(), "REPORT_RETURNED", comments);
    publisher.publishEvent(new DecisionNotice(rfi.id, "The evaluation report of " + rfi.id
        + " was returned to the consensus review", List.of(new DecisionNotice.Fact("RFI", rfi.id + ": " + rfi.title),
            new DecisionNotice.Fact("Returned by", caller.userId()), new DecisionNotice.Fact("What to reconsider", comments)),
        java.util.Set.of(), java.util.Set.of(rfi.panelChairId)));
  }

  /**
   * Generates and stores a new version of the report; a large one's Appendix A in parts, each rendered and stored
   * before the next (ADR 0036), so that one part's document is in memory at a time.
   */
  public RfiReport generate(String rfiId, boolean finalReport, Caller caller) {
    EvaluationReportData data = readOnly(() -> data(rfiId, finalReport));
    int version = reports.findFirstByRfiIdOrderByVersionDesc(rfiId).map(r -> r.version).orElse(0) + 1;
    RfiReport report = reports.save(new RfiReport(rfiId, version, finalReport, data.generatedAt(),
        EvaluationReportPdf.render(data, appendixInlineMax), EvaluationReportCsv.render(data)));
    List<List<String>> parts = EvaluationReportPdf.appendixParts(data, appendixInlineMax);
    long partBytes = 0;
    for (int part = 1; part <= parts.size(); part++) {
      byte[] pdf = EvaluationReportPdf.renderAppendixPart(data, appendixInlineMax, part);
      jdbc.update("insert into qsmo.rfi_report_appendix (rfi_id, version, part, responses, pdf) values (?, ?, ?, ?, ?)",
          rfiId, version, part, parts.get(part - 1).size(), pdf);
      partBytes += pdf.length;
    }
    records.record(rfiId, caller.userId(), finalReport ? "FINAL_REPORT_GENERATED" : "REPORT_GENERATED",
        "Version " + version + ": " + report.pdf.length + " bytes PDF, " + report.csv.length + " bytes CSV"
            + (parts.isEmpty() ? "" : "; Appendix A in " + parts.size() + " parts, " + partBytes + " bytes PDF"));
    return report;
  }

  /** A report's version and when it was generated, read without its documents. */
  public record Version(int number, Instant generatedAt) {
  }

  /** The latest report's version, without reading its PDF and CSV (megabytes for a large RFI). */
  @Transactional(readOnly = true)
  public Optional<Version> latestVersion(String rfiId) {
    return jdbc.query("select version, generated_at from qsmo.rfi_report where rfi_id = ? order by version desc "
        + "limit 1", (rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant()), rfiId).stream().findFirst();
  }

  /** As {@link #latestVersion}; 409 if there is none yet. */
  public int requireLatestVersion(String rfiId) {
    return latestVersion(rfiId).orElseThrow(() -> noReportYet(rfiId)).number();
  }

  private static ConflictException noReportYet(String rfiId) {
    return new ConflictException("The evaluation report of " + rfiId
        + " is generated after the consensus step; there is none yet.");
  }

  /** How many parts the report's Appendix A has (0: the report holds it itself). */
  @Transactional(readOnly = true)
  public int appendixParts(String rfiId, int version) {
    Integer parts = jdbc.queryForObject("select count(*) from qsmo.rfi_report_appendix where rfi_id = ? and version = ?",
        Integer.class, rfiId, version);
    return parts == null ? 0 : parts;
  }

  /** Part {@code part} of the report's Appendix A, as PDF; 404 saying how many there are if there is no such part. */
  @Transactional(readOnly = true)
  public byte[] requireAppendixPart(String rfiId, int version, int part) {
    List<byte[]> pdf = jdbc.query("select pdf from qsmo.rfi_report_appendix where rfi_id = ? and version = ? "
        + "and part = ?", (rs, n) -> rs.getBytes(1), rfiId, version, part);
    if (pdf.isEmpty()) {
      int parts = appendixParts(rfiId, version);
      throw new NotFoundException(parts == 0
          ? "Version " + version + " of the evaluation report of " + rfiId + " holds its Appendix A itself; "
              + "it has no parts."
          : "Version " + version + " of the evaluation report of " + rfiId + " has its Appendix A in " + parts
              + (parts == 1 ? " part; ask for part 1." : " parts; ask for part 1 to " + parts + "."));
    }
    return pdf.get(0);
  }

  /**
   * Reads the report's records without tracking them for changes: generate runs inside a writing
   * transaction (the process's), where the thousands of score entities it reads would otherwise be
   * snapshotted and checked again before every further query (1.1 s instead of 0.4 s at 8,400 scores,
   * docs/performance.md). What is pending is written first, so the report sees it.
   */
  private <T> T readOnly(Supplier<T> read) {
    Session session = entityManager.unwrap(Session.class);
    session.flush();
    FlushMode flushMode = session.getHibernateFlushMode();
    boolean readOnly = session.isDefaultReadOnly();
    session.setHibernateFlushMode(FlushMode.MANUAL);
    session.setDefaultReadOnly(true);
    try {
      return read.get();
    } finally {
      session.setDefaultReadOnly(readOnly);
      session.setHibernateFlushMode(flushMode);
    }
  }

  @Transactional(readOnly = true)
  public Optional<RfiReport> latest(String rfiId) {
    Optional<RfiReport> report = reports.findFirstByRfiIdOrderByVersionDesc(rfiId);
    report.ifPresent(r -> {
      r.pdf.getClass();
      r.csv.getClass();
    });
    return report;
  }

  public RfiReport requireLatest(String rfiId) {
    return latest(rfiId).orElseThrow(() -> noReportYet(rfiId));
  }

  @Transactional(readOnly = true)
  public EvaluationReportData data(String rfiId, boolean finalReport) {
    Rfi rfi = records.require(rfiId);
    List<RfiResponse> all = responses.of(rfiId);
    Map<String, String> organizations = all.stream().collect(Collectors.toMap(r -> r.id, r -> r.organization));
    Map<Integer, String> criterionNames = rfi.criteria.stream().collect(Collectors.toMap(c -> c.position, c -> c.name));

    EvaluationReportData.Scale scale = new EvaluationReportData.Scale(rfi.scaleType.name(), rfi.scale.stream()
        .map(l -> new EvaluationReportData.Level(l.value, l.label, l.definition)).toList());
    List<EvaluationReportData.Criterion> criteria = rfi.criteria.stream()
        .map(c -> new EvaluationReportData.Criterion(c.position, c.name, c.guidance, c.weight)).toList();
    List<EvaluationReportData.PanelMember> roster = panel.roster(rfiId).stream()
        .map(m -> new EvaluationReportData.PanelMember(m.userId, displayName(m.userId), m.role.name(), m.attestedAt,
            m.attestationVersion, m.conflictStatement, List.copyOf(m.conflicts))).toList();
    List<EvaluationReportData.Screening> screening = all.stream()
        .map(r -> new EvaluationReportData.Screening(r.id, r.organization, r.receivedAt, r.late,
            Boolean.TRUE.equals(r.allTopicsAnswered), r.isEligible(), r.overrideReason, r.screenedBy)).toList();

    Map<String, List<CriterionResult>> resultsByResponse = results.results(rfiId).stream()
        .collect(Collectors.groupingBy(r -> r.responseId));
    List<EvaluationReportData.ResponseResult> ranked = new ArrayList<>();
    for (RfiResultsService.Standing standing : results.ranking(rfiId)) {
      Optional<Consensus> agreed = results.latestConsensus(standing.responseId());
      List<EvaluationReportData.CriterionResult> perCriterion = new ArrayList<>();
      for (Rfi.Criterion criterion : rfi.criteria) {
        CriterionResult result = resultsByResponse.getOrDefault(standing.responseId(), List.of()).stream()
            .filter(r -> r.criterionPosition == criterion.position).findFirst().orElse(null);
        Consensus.Rating rating = agreed.map(c -> c.ratings.get(criterion.position)).orElse(null);
        perCriterion.add(new EvaluationReportData.CriterionResult(criterion.name, criterion.weight,
            result == null ? 0 : result.scoreCount, result == null || result.mean == null ? 0 : result.mean,
            result == null || result.minRating == null ? 0 : result.minRating,
            result == null || result.maxRating == null ? 0 : result.maxRating,
            result == null || result.standardDeviation == null ? 0 : result.standardDeviation,
            result != null && result.flagged, result == null ? null : result.flagReasons,
            rating == null ? null : rating.rating,
            rating == null || rfi.level(rating.rating) == null ? null : rfi.level(rating.rating).label,
            rating == null ? null : rating.rationale));
      }
      ranked.add(new EvaluationReportData.ResponseResult(standing.rank(), standing.responseId(),
          standing.organization(), standing.weightedTotal(), perCriterion, agreed.map(c -> c.dissent).orElse(null)));
    }

    List<Assignment> assignments = panel.assignments(rfiId);
    Map<Long, Assignment> byId = assignments.stream().collect(Collectors.toMap(a -> a.id, a -> a));
    List<ScoreSheet> sheets = scoring.sheets(assignments);
    Map<Long, ScoreSheet> latest = ScoreSheet.latestByAssignment(sheets);
    List<EvaluationReportData.IndividualScore> individual = new ArrayList<>();
    for (ScoreSheet sheet : sheets) {
      Assignment assignment = byId.get(sheet.assignmentId);
      boolean current = assignment.status == Assignment.Status.SCORED
          && sheet == latest.get(sheet.assignmentId);
      sheet.scores.forEach((position, score) -> individual.add(new EvaluationReportData.IndividualScore(
          assignment.responseId, organizations.get(assignment.responseId), assignment.reviewerId,
          criterionNames.get(position), score.rating, score.strengths, score.weaknesses, score.rationale,
          sheet.version, current, sheet.submittedAt)));
    }
    individual.sort(Comparator.comparing(EvaluationReportData.IndividualScore::responseId)
        .thenComparing(EvaluationReportData.IndividualScore::reviewerId)
        .thenComparing(s -> rfi.criteria.stream().filter(c -> c.name.equals(s.criterionName())).findFirst()
            .map(c -> c.position).orElse(0))
        .thenComparing(EvaluationReportData.IndividualScore::version));

    Set<String> approvalActions = Set.of("PLAN_APPROVED", "PLAN_RETURNED", "SCREENING_CONFIRMED",
        "SCREENING_OVERRIDDEN", "PANEL_FORMED", "REPORT_APPROVED", "REPORT_RETURNED");
    List<EvaluationReportData.Approval> approvals = records.history(rfiId).stream()
        .filter(e -> approvalActions.contains(e.action))
        .map(e -> new EvaluationReportData.Approval(step(e.action), e.actor, decision(e.action), e.detail,
            e.occurredAt)).toList();

    return new EvaluationReportData(rfi.id, rfi.title, rfi.description,
        referenceData.requireAgency("agencyCode", rfi.agencyCode).getName(), List.copyOf(rfi.topics), rfi.closesAt,
        records.now(), finalReport ? "Approved" : "Draft for the director's approval", scale, criteria, roster,
        screening, ranked, individual, approvals, PROPRIETARY_STATEMENT, themes(rfi, ranked),
        recommendations(rfi, ranked));
  }

  private String displayName(String userId) {
    User user = Privileged.run(identityService, () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  private static String step(String action) {
    return switch (action) {
      case "PLAN_APPROVED", "PLAN_RETURNED" -> "Evaluation plan";
      case "SCREENING_CONFIRMED", "SCREENING_OVERRIDDEN" -> "Screening";
      case "PANEL_FORMED" -> "Review panel";
      default -> "Evaluation report";
    };
  }

  private static String decision(String action) {
    return switch (action) {
      case "PLAN_APPROVED", "REPORT_APPROVED" -> "Approved";
      case "PLAN_RETURNED", "REPORT_RETURNED" -> "Returned";
      case "SCREENING_CONFIRMED" -> "Confirmed";
      case "SCREENING_OVERRIDDEN" -> "Overridden";
      default -> "Formed";
    };
  }

  /** Observations drawn from the figures; the panel's own themes belong in the consensus rationales. */
  private static List<String> themes(Rfi rfi, List<EvaluationReportData.ResponseResult> ranked) {
    List<String> themes = new ArrayList<>();
    for (Rfi.Criterion criterion : rfi.criteria) {
      double average = ranked.stream().flatMap(r -> r.criteria().stream())
          .filter(c -> c.criterionName().equals(criterion.name) && c.consensusRating() != null)
          .mapToInt(EvaluationReportData.CriterionResult::consensusRating).average().orElse(Double.NaN);
      long flagged = ranked.stream().flatMap(r -> r.criteria().stream())
          .filter(c -> c.criterionName().equals(criterion.name) && c.flagged()).count();
      if (!Double.isNaN(average)) {
        themes.add(String.format(java.util.Locale.ROOT, "%s: average consensus rating %.1f of %d%s.", criterion.name,
            average, rfi.highestLevel(), flagged > 0 ? "; reviewers diverged on " + flagged + " response(s)" : ""));
      }
    }
    return themes;
  }

  private static List<String> recommendations(Rfi rfi, List<EvaluationReportData.ResponseResult> ranked) {
    List<String> recommendations = new ArrayList<>();
    double threshold = rfi.lowestLevel() + (rfi.highestLevel() - rfi.lowestLevel()) * 0.75;
    List<String> candidates = ranked.stream().filter(r -> r.weightedTotal() >= threshold)
        .map(r -> r.organization() + " (" + r.responseId() + ")").toList();
    recommendations.add(candidates.isEmpty()
        ? "No response reached a weighted total of " + threshold + "; refine the requirements before an acquisition."
        : "Marketplace candidates (weighted total of " + threshold + " or more): " + String.join(", ", candidates)
            + ".");
    for (Rfi.Criterion criterion : rfi.criteria) {
      boolean weak = ranked.stream().flatMap(r -> r.criteria().stream())
          .filter(c -> c.criterionName().equals(criterion.name) && c.consensusRating() != null)
          .allMatch(c -> c.consensusRating() < threshold);
      if (weak && !ranked.isEmpty()) {
        recommendations.add("Gap: no response is strong on '" + criterion.name
            + "'; consider a standard or a requirement for it.");
      }
    }
    return recommendations;
  }
}
