package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.designation.BoardReviewService.Tally;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Close review round": when every member has voted or the window has closed. Puts how many voted and
 * the configured shares into the process. The counts per recommendation reach the voting rule only as
 * local inputs of "Apply voting rule" (the model's input mapping), so a member who votes after an
 * extension cannot read how the others voted.
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
    // A plan's round, or an assessment's (its process has the variable): the same rule closes both.
    Object assessment = execution.getVariable("assessmentId");
    Tally tally = boardReview.closeRound(execution.getProcessBusinessKey(),
        assessment instanceof Number n ? n.longValue() : null);
    execution.setVariable("eligibleCount", tally.eligible());
    execution.setVariable("voteCount", tally.votes());
    execution.setVariable("quorum", quorum);
    execution.setVariable("majority", majority);
  }
}
