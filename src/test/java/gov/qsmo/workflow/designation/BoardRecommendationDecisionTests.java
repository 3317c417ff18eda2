package gov.qsmo.workflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.ProcessEngineTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The board's voting rule (bpmn/board-recommendation.dmn) as deployed, with quorum and majority of one half. */
@ProcessEngineTest
class BoardRecommendationDecisionTests {

  @Autowired
  DecisionService decisionService;

  @ParameterizedTest(name = "{0} eligible, votes E={1} C={2} R={3} N={4} -> {5} {6}")
  @CsvSource({
      "4, 0, 0, 0, 1, false, NO_QUORUM",
      "0, 0, 0, 0, 0, false, NO_QUORUM",
      "4, 2, 0, 0, 0, true, ENDORSE",
      "4, 1, 1, 0, 1, true, ENDORSE_WITH_CONDITIONS",
      "4, 2, 0, 0, 2, true, NOT_ENDORSE",
      "4, 1, 2, 1, 0, true, ENDORSE_WITH_CONDITIONS",
      "4, 1, 0, 1, 0, true, RETURN_FOR_REVISION",
      "4, 0, 0, 1, 2, true, NOT_ENDORSE",
      "3, 1, 0, 1, 1, true, RETURN_FOR_REVISION"})
  void votingRule(int eligible, int endorse, int conditions, int revise, int reject, boolean quorum,
      String expected) {
    int votes = endorse + conditions + revise + reject;
    DmnDecisionResultEntries result = decisionService
        .evaluateDecisionByKey(DesignationProcess.BOARD_RECOMMENDATION_DECISION)
        .variables(Map.of("eligibleCount", eligible, "voteCount", votes, "endorseCount", endorse,
            "endorseWithConditionsCount", conditions, "returnCount", revise, "notEndorseCount", reject,
            "quorum", 0.5, "majority", 0.5))
        .evaluate().getSingleResult();

    assertThat((Boolean) result.getEntry("quorumReached")).isEqualTo(quorum);
    assertThat((String) result.getEntry("boardRecommendation")).isEqualTo(expected);
  }
}
