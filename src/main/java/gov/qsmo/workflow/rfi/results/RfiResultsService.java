package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.rfi.scoring.ScoreSheet;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregation, outliers and consensus. Per response and criterion: count, mean, spread, standard
 * deviation; {@code bpmn/score-outliers.dmn} flags outliers; the chair records a consensus rating
 * per criterion, with a rationale wherever a flag stands. Individual scores never change.
 */
@Service("rfiResults")
@Transactional
public class RfiResultsService {

  private final RfiService records;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final RfiScoringService scoring;
  private final CriterionResultRepository results;
  private final ConsensusRepository consensus;
  private final DecisionService decisionService;

  RfiResultsService(RfiService records, RfiResponseService responses, RfiPanelService panel, RfiScoringService scoring,
      CriterionResultRepository results, ConsensusRepository consensus, DecisionService decisionService) {
    this.records = records;
    this.responses = responses;
    this.panel = panel;
    this.scoring = scoring;
    this.results = results;
    this.consensus = consensus;
    this.decisionService = decisionService;
  }

  /**
   * Computes the figures and flags of every response and criterion, replacing earlier ones, and opens the consensus
   * step: the service task "Aggregate scores" of evaluations on models before ADR 0034, one transaction per RFI.
   */
  void aggregate(String rfiId, Caller caller) {
    records.lock(rfiId);
    aggregateResponses(rfiId, responses.eligible(rfiId).stream().map(r -> r.id).toList());
    openConsensus(rfiId, caller);
  }

  /**
   * The eligible responses in batches of at most {@code qsmo.rfi.scoring-batch-size}: one job of "Aggregate scores"
   * and one {@code rfi-consensus-batch} instance each (ADR 0034).
   */
  @Transactional(readOnly = true)
  public List<String> responseBatches(String rfiId) {
    return scoring.batches(responsesToReview(rfiId));
  }

  /** Computes the figures and flags of one batch's responses, replacing earlier ones: one job of "Aggregate scores". */
  void aggregateBatch(String rfiId, String batch) {
    records.lock(rfiId);
    List<String> responseIds = scoring.responsesOf(batch);
    for (String responseId : responseIds) {
      if (!responses.require(rfiId, responseId).isEligible()) {
        throw new ConflictException("Response " + responseId + " of RFI " + rfiId + " is not eligible for evaluation.");
      }
    }
    aggregateResponses(rfiId, responseIds);
  }

  /** Figures and flags of these responses: their own scores only, as many as their reviewers. */
  private void aggregateResponses(String rfiId, List<String> responseIds) {
    Rfi rfi = records.require(rfiId);
    if (!responseIds.isEmpty()) {
      results.deleteOf(rfiId, responseIds);
    }
    int span = rfi.highestLevel() - rfi.lowestLevel();
    for (String responseId : responseIds) {
      Map<Integer, List<Integer>> ratings = ratingsOf(rfiId, responseId);
      for (Rfi.Criterion criterion : rfi.criteria) {
        ScoreStatistics.Figures figures = ScoreStatistics.of(ratings.getOrDefault(criterion.position, List.of()));
        CriterionResult result = new CriterionResult(rfiId, responseId, criterion.position);
        result.scoreCount = figures.count();
        result.mean = figures.mean();
        result.minRating = figures.min();
        result.maxRating = figures.max();
        result.standardDeviation = figures.standardDeviation();
        List<String> reasons = outlierReasons(figures.spread(), span, figures.largestDeviation());
        result.flagged = !reasons.isEmpty();
        result.flagReasons = reasons.isEmpty() ? null : String.join("; ", reasons);
        results.save(result);
      }
    }
  }

  /** The current (latest version) rating of each reviewer of one response, per criterion, in reviewers' order. */
  private Map<Integer, List<Integer>> ratingsOf(String rfiId, String responseId) {
    List<Assignment> scored = panel.scoredAssignments(rfiId, responseId);
    Map<Long, ScoreSheet> latest = ScoreSheet.latestByAssignment(scoring.sheets(scored));
    Map<Integer, Map<String, Integer>> byReviewer = new TreeMap<>();
    for (Assignment assignment : scored) {
      ScoreSheet sheet = latest.get(assignment.id);
      if (sheet != null) {
        sheet.scores.forEach((criterion, score) -> byReviewer.computeIfAbsent(criterion, c -> new TreeMap<>())
            .put(assignment.reviewerId, score.rating));
      }
    }
    Map<Integer, List<Integer>> ratings = new TreeMap<>();
    byReviewer.forEach((criterion, values) -> ratings.put(criterion, new ArrayList<>(values.values())));
    return ratings;
  }

  /** Every batch aggregated: the RFI moves to the consensus step, the flagged criteria counted in one query. */
  void openConsensus(String rfiId, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    results.flush();
    long flagged = results.countByRfiIdAndFlaggedTrue(rfiId);
    records.moveTo(rfi, RfiStatus.CONSENSUS, caller.userId(), "SCORES_AGGREGATED", flagged
        + " response criteria flagged as outliers");
  }

  /** The outlier decision (bpmn/score-outliers.dmn): the reasons a criterion's scores are flagged, if any. */
  List<String> outlierReasons(int spread, int scaleSpan, double largestDeviation) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey(RfiProcess.SCORE_OUTLIERS_DECISION)
        .variables(Variables.createVariables().putValue("spread", spread).putValue("scaleSpan", Math.max(1, scaleSpan))
            .putValue("largestDeviation", largestDeviation))
        .evaluate();
    return result.collectEntries("reason").stream().map(String::valueOf).toList();
  }

  @Transactional(readOnly = true)
  public List<CriterionResult> results(String rfiId) {
    return results.findByRfiId(rfiId);
  }

  @Transactional(readOnly = true)
  public List<CriterionResult> resultsOf(String responseId) {
    return results.findByResponseIdOrderByCriterionPosition(responseId);
  }

  /** The eligible responses, in order: one "Hold consensus review" task each. */
  @Transactional(readOnly = true)
  public List<String> responsesToReview(String rfiId) {
    return responses.eligible(rfiId).stream().map(r -> r.id).toList();
  }

  record ConsensusInput(Integer rating, String rationale) {
  }

  Consensus recordConsensus(String rfiId, String responseId, Map<Integer, ConsensusInput> inputs, String dissent,
      Caller caller) {
    Rfi rfi = records.require(rfiId);
    if (!caller.isSystem() && !caller.userId().equals(rfi.panelChairId)) {
      throw new ConflictException("Only the panel chair (" + rfi.panelChairId + ") records consensus.");
    }
    if (rfi.status != RfiStatus.CONSENSUS) {
      throw new ConflictException("RFI " + rfiId + " is not in the consensus step (" + rfi.status + ").");
    }
    responses.require(rfiId, responseId);
    Map<Integer, CriterionResult> flags = resultsOf(responseId).stream()
        .collect(Collectors.toMap(r -> r.criterionPosition, r -> r));
    Map<Integer, Consensus.Rating> ratings = new TreeMap<>();
    for (Rfi.Criterion criterion : rfi.criteria) {
      ConsensusInput input = inputs.getOrDefault(criterion.position, new ConsensusInput(null, null));
      String field = RfiProcess.Variables.consensusRating(criterion.position);
      if (input.rating() == null) {
        throw new InvalidRequestException(field, "Record the consensus rating of '" + criterion.name + "' ("
            + RfiScoringService.scaleText(rfi) + ").");
      }
      if (rfi.level(input.rating()) == null) {
        throw new InvalidRequestException(field, "The consensus rating " + input.rating() + " of '" + criterion.name
            + "' is outside the scale; use " + RfiScoringService.scaleText(rfi) + ".");
      }
      String rationaleField = RfiProcess.Variables.consensusRationale(criterion.position);
      String rationale = input.rationale() == null ? null
          : Inputs.checkedText(rationaleField, "Rationale", input.rationale(), Inputs.MAX_TEXT);
      CriterionResult result = flags.get(criterion.position);
      if (rationale == null && result != null && result.flagged) {
        throw new InvalidRequestException(rationaleField, "'" + criterion.name + "' is flagged (" + result.flagReasons
            + "); write the consensus rationale for it.");
      }
      ratings.put(criterion.position, new Consensus.Rating(input.rating(), rationale));
    }
    int version = consensus.findFirstByResponseIdOrderByVersionDesc(responseId).map(c -> c.version).orElse(0) + 1;
    Consensus saved = consensus.save(new Consensus(rfiId, responseId, version,
        dissent == null ? null : Inputs.checkedText(RfiProcess.Variables.DISSENT, "Dissent", dissent, Inputs.MAX_TEXT),
        caller.userId(), records.now(), ratings));
    records.record(rfiId, caller.userId(), "CONSENSUS_RECORDED", responseId + ", version " + version);
    return saved;
  }

  @Transactional(readOnly = true)
  public Optional<Consensus> latestConsensus(String responseId) {
    return consensus.findFirstByResponseIdOrderByVersionDesc(responseId);
  }

  /** A response's place in the ranking, with the totals it rests on. */
  public record Standing(int rank, String responseId, String organization, double weightedTotal, boolean byConsensus,
      double meanWeightedTotal) {
  }

  /**
   * The ranking: by the weighted total of the consensus ratings where the chair has recorded them,
   * otherwise of the reviewers' mean ratings.
   */
  @Transactional(readOnly = true)
  public List<Standing> ranking(String rfiId) {
    Rfi rfi = records.require(rfiId);
    Map<Integer, Integer> weights = rfi.criteria.stream().collect(Collectors.toMap(c -> c.position, c -> c.weight));
    Map<String, Double> totals = new LinkedHashMap<>();
    Map<String, Double> meanTotals = new HashMap<>();
    Map<String, Boolean> byConsensus = new HashMap<>();
    Map<String, String> organizations = new HashMap<>();
    for (RfiResponse response : responses.eligible(rfiId)) {
      organizations.put(response.id, response.organization);
      Map<Integer, Double> means = new HashMap<>();
      resultsOf(response.id).forEach(r -> {
        if (r.mean != null) {
          means.put(r.criterionPosition, r.mean);
        }
      });
      double meanTotal = ScoreStatistics.weightedTotal(means, weights);
      meanTotals.put(response.id, meanTotal);
      Optional<Consensus> agreed = latestConsensus(response.id);
      if (agreed.isPresent()) {
        Map<Integer, Double> ratings = new HashMap<>();
        agreed.get().ratings.forEach((position, rating) -> ratings.put(position, (double) rating.rating));
        totals.put(response.id, ScoreStatistics.weightedTotal(ratings, weights));
        byConsensus.put(response.id, true);
      } else {
        totals.put(response.id, meanTotal);
        byConsensus.put(response.id, false);
      }
    }
    return ScoreStatistics.rank(totals).stream().map(r -> new Standing(r.rank(), r.responseId(),
        organizations.get(r.responseId()), r.total(), byConsensus.get(r.responseId()),
        meanTotals.get(r.responseId()))).toList();
  }
}
