package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_CLOSES_AT;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_ROUND;

import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Open review round": the roster (with recusals) and the window; one review task per eligible member follows. */
@Component("openReviewRoundDelegate")
class OpenReviewRoundDelegate implements JavaDelegate {

  private final BoardReviewService boardReview;

  OpenReviewRoundDelegate(BoardReviewService boardReview) {
    this.boardReview = boardReview;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BoardRound round = boardReview.openRound(execution.getProcessBusinessKey());
    execution.setVariable(REVIEW_ROUND, round.getRoundNumber());
    execution.setVariable(REVIEW_CLOSES_AT, round.getClosesAt().truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
