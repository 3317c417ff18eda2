package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiAccess;
import gov.qsmo.workflow.rfi.RfiApi;
import gov.qsmo.workflow.shared.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The results step's API: figures, outlier flags, consensus and ranking. */
@RestController
@RequestMapping(RfiApi.PATH)
@Tag(name = RfiApi.TAG, description = RfiApi.TAG_DESCRIPTION)
class RfiResultsController {

  private final RfiResultsService results;
  private final RfiAccess access;

  RfiResultsController(RfiResultsService results, RfiAccess access) {
    this.results = results;
    this.access = access;
  }

  record CriterionResultView(String responseId, int criterion, String criterionName, int scoreCount, Double mean,
      Integer min, Integer max, Double standardDeviation, boolean flagged, String flagReasons,
      Integer consensusRating, String consensusRationale) {
  }

  record ResultsView(List<RfiResultsService.Standing> ranking, List<CriterionResultView> criteria) {
  }

  @GetMapping("/{id}/results")
  @Operation(summary = "Figures, outlier flags, consensus and ranking (from the consensus step on)")
  ResultsView results(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.record(id, caller);
    if (!rfi.status.scoresUnblinded()) {
      throw new ConflictException("Results of " + id + " exist from the consensus step on (status " + rfi.status
          + ").");
    }
    List<CriterionResultView> criteria = new ArrayList<>();
    for (CriterionResult r : results.results(rfi.id)) {
      Consensus.Rating agreed = results.latestConsensus(r.responseId).map(c -> c.ratings.get(r.criterionPosition))
          .orElse(null);
      criteria.add(new CriterionResultView(r.responseId, r.criterionPosition, rfi.criterion(r.criterionPosition).name,
          r.scoreCount, r.mean, r.minRating, r.maxRating, r.standardDeviation, r.flagged, r.flagReasons,
          agreed == null ? null : agreed.rating, agreed == null ? null : agreed.rationale));
    }
    criteria.sort(java.util.Comparator.comparing(CriterionResultView::responseId)
        .thenComparingInt(CriterionResultView::criterion));
    return new ResultsView(results.ranking(rfi.id), criteria);
  }
}
