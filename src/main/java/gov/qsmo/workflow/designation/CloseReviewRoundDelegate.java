package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.designation.BoardReviewService.Tally;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Close review round": when every member has voted or the window has closed. Puts the tally and the
 * configured shares into the process for the voting rule (board-recommendation.dmn).
 */
@Component("closeReviewRoundDelegate")
class CloseReviewRoundDelegate implements JavaDelegate {

  private final BoardReviewService boardReview;
  private final double quorum;
  private final double majority;

  CloseReviewRoundDelegate(BoardReviewService boardReview, @Value("${qsmo.board.quorum:0.5}") double quorum,
      @Value("${qsmo.board.majority:0.5}") double majority) {
    this.boardReview = boardReview;
    this.quorum = quorum;
    this.majority = majority;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Tally tally = boardReview.closeRound(execution.getProcessBusinessKey());
    execution.setVariable("eligibleCount", tally.eligible());
    execution.setVariable("voteCount", tally.votes());
    execution.setVariable("endorseCount", tally.count(BoardRecommendation.ENDORSE));
    execution.setVariable("endorseWithConditionsCount", tally.count(BoardRecommendation.ENDORSE_WITH_CONDITIONS));
    execution.setVariable("returnCount", tally.count(BoardRecommendation.RETURN_FOR_REVISION));
    execution.setVariable("notEndorseCount", tally.count(BoardRecommendation.NOT_ENDORSE));
    execution.setVariable("quorum", quorum);
    execution.setVariable("majority", majority);
  }
}
