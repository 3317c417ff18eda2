package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.rfi.RfiRanking;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ranking as the evaluation report states it, for other modules. */
@Component
class RfiRankings implements RfiRanking {

  private final RfiResultsService results;

  RfiRankings(RfiResultsService results) {
    this.results = results;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Ranked> ranking(String rfiId) {
    return results.ranking(rfiId).stream()
        .map(s -> new Ranked(s.rank(), s.responseId(), s.organization(), s.weightedTotal())).toList();
  }
}
