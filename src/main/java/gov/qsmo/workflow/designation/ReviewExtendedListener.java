package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.NEW_REVIEW_CLOSES_ON;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_ACTION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_ACTION_REASON;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_CLOSES_AT;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_EXTENDED;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Extend or escalate review": the chair reopens the round until a new date, or escalates to OMB. */
@Component("reviewExtendedListener")
class ReviewExtendedListener implements ExecutionListener {

  private final BoardReviewService boardReview;
  private final DesignationService designations;
  private final IdentityService identityService;

  ReviewExtendedListener(BoardReviewService boardReview, DesignationService designations, IdentityService identityService) {
    this.boardReview = boardReview;
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Designation designation = designations.ofInstance(execution);
      Map<String, Object> form = execution.getVariables();
      String action = Inputs.requiredCode(form, REVIEW_ACTION, "Action");
      String reason = Inputs.optionalText(form, REVIEW_ACTION_REASON, "Reason", Inputs.MAX_TEXT);
      switch (action) {
        case "EXTEND" -> {
          var closesOn = Inputs.requiredDate(form, NEW_REVIEW_CLOSES_ON, "New closing date");
          BoardRound round = boardReview.extendRound(designation.getId(), closesOn);
          designations.recordBoardReviewExtended(designation.getId(), round.getClosesAt(), reason, Caller.current(identityService).userId());
          execution.setVariable(REVIEW_CLOSES_AT, round.getClosesAt().truncatedTo(ChronoUnit.SECONDS).toString());
          execution.setVariable(REVIEW_EXTENDED, true);
        }
        case "ESCALATE" -> {
          designations.escalateBoardReview(designation.getId(), reason, Caller.current(identityService).userId());
          execution.setVariable(REVIEW_EXTENDED, false);
        }
        default -> throw new InvalidRequestException(REVIEW_ACTION,
            "Action '" + action + "' is not one of [EXTEND, ESCALATE].");
      }
      execution.removeVariable(NEW_REVIEW_CLOSES_ON);
      execution.removeVariable(REVIEW_ACTION_REASON);
    });
  }
}
