package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.NEW_REVIEW_CLOSES_ON;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_ACTION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_ACTION_REASON;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_CLOSES_AT;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.REVIEW_EXTENDED;

import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Extend or escalate review": the chair reopens the round until a new date, or escalates to OMB. */
@Component("reviewExtendedListener")
class ReviewExtendedListener extends FormCompletionListener<Designation> {

  private final BoardReviewService boardReview;

  ReviewExtendedListener(DesignationService designations, BoardReviewService boardReview,
      IdentityService identityService) {
    super(designations::ofInstance, identityService);
    this.boardReview = boardReview;
  }

  @Override
  protected void completed(Designation designation, CompletedTask task) {
    Map<String, Object> form = task.values();
    String action = Inputs.requiredCode(form, REVIEW_ACTION, "Action");
    String reason = Inputs.optionalText(form, REVIEW_ACTION_REASON, "Reason", Inputs.MAX_TEXT);
    switch (action) {
      case "EXTEND" -> {
        var closesOn = Inputs.requiredDate(form, NEW_REVIEW_CLOSES_ON, "New closing date");
        Instant closesAt = boardReview.extendReview(designation.getId(), closesOn, reason, task.caller().userId());
        task.set(REVIEW_CLOSES_AT, closesAt.truncatedTo(ChronoUnit.SECONDS).toString());
        task.set(REVIEW_EXTENDED, true);
      }
      case "ESCALATE" -> {
        boardReview.escalateReview(designation.getId(), reason, task.caller().userId());
        task.set(REVIEW_EXTENDED, false);
      }
      default -> throw new InvalidRequestException(REVIEW_ACTION,
          "Action '" + action + "' is not one of [EXTEND, ESCALATE].");
    }
    task.remove(NEW_REVIEW_CLOSES_ON, REVIEW_ACTION_REASON);
  }
}
