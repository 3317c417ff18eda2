package gov.qsmo.workflow.rfi.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of aggregation against values worked out by hand. */
class ScoreStatisticsTests {

  @Test
  void figuresOfFourScores() {
    ScoreStatistics.Figures figures = ScoreStatistics.of(List.of(2, 5, 4, 5));
    assertThat(figures.count()).isEqualTo(4);
    assertThat(figures.mean()).isEqualTo(4.0);
    assertThat(figures.spread()).isEqualTo(3);
    // Σ(x - 4)² = 4 + 1 + 0 + 1 = 6; sample variance 6 / 3 = 2
    assertThat(figures.standardDeviation()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(figures.largestDeviation()).isCloseTo(2 / Math.sqrt(2), within(1e-12));
  }

  @Test
  void aLoneOnePointDifferenceOnAPanelOfFourIsNotFarFromTheMean() {
    ScoreStatistics.Figures figures = ScoreStatistics.of(List.of(4, 4, 5, 4));
    // mean 4.25; Σ = 3 × 0.0625 + 0.5625 = 0.75; sample sd = 0.5; (5 - 4.25) / 0.5 = 1.5, not more than 1.5
    assertThat(figures.largestDeviation()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void noScoreAndOneScoreHaveNoSpread() {
    assertThat(ScoreStatistics.of(List.of()).mean()).isNull();
    assertThat(ScoreStatistics.of(List.of(3)).standardDeviation()).isZero();
    assertThat(ScoreStatistics.of(List.of(3)).spread()).isZero();
  }

  @Test
  void weightedTotalsAndRanksShareRanksOnTies() {
    Map<Integer, Integer> weights = Map.of(1, 40, 2, 35, 3, 25);
    double acme = ScoreStatistics.weightedTotal(Map.of(1, 4.0, 2, 3.0, 3, 5.0), weights);
    double globex = ScoreStatistics.weightedTotal(Map.of(1, 5.0, 2, 4.0, 3, 2.0), weights);
    double initech = ScoreStatistics.weightedTotal(Map.of(1, 3.0, 2, 3.0), weights);
    assertThat(acme).isEqualTo(3.9);
    assertThat(globex).isEqualTo(3.9);
    assertThat(initech).as("an unrated criterion counts 0").isEqualTo(2.25);
    assertThat(ScoreStatistics.rank(Map.of("RSP-3", initech, "RSP-2", globex, "RSP-1", acme)))
        .extracting(ScoreStatistics.Ranked::responseId, ScoreStatistics.Ranked::rank)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("RSP-1", 1), org.assertj.core.groups.Tuple.tuple("RSP-2", 1),
            org.assertj.core.groups.Tuple.tuple("RSP-3", 3));
  }
}
