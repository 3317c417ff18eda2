package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.BOARD_CONDITIONS;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.BOARD_DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.CONSOLIDATED_COMMENTS;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.RETURNED_FOR_REVISION;

import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.Inputs;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of "Consolidate board recommendation": the chair's recommendation, conditions and comments. */
@Component("recommendationConsolidatedListener")
class RecommendationConsolidatedListener extends FormCompletionListener<Designation> {

  private final BoardReviewService boardReview;
  private final DesignationService designations;

  RecommendationConsolidatedListener(BoardReviewService boardReview, DesignationService designations, IdentityService identityService) {
    super(designations::ofInstance, identityService);
    this.boardReview = boardReview;
    this.designations = designations;
  }

  @Override
  protected void completed(Designation designation, CompletedTask task) {
    Map<String, Object> form = task.values();
    BoardRecommendation recommendation = Inputs.requiredChoice(form, BOARD_DECISION, "Board recommendation",
        BoardRecommendation.class);
    String conditionsText = Inputs.optionalText(form, BOARD_CONDITIONS, "Conditions", Inputs.MAX_TEXT);
    List<String> conditions = conditionsText == null ? List.of()
        : conditionsText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    BoardRecommendation standing = boardReview.consolidate(designation.getId(), recommendation, conditions,
        Inputs.optionalText(form, CONSOLIDATED_COMMENTS, "Consolidated comments", Inputs.MAX_TEXT),
        task.caller().userId());
    task.set(DesignationProcess.Variables.BOARD_RECOMMENDATION, standing.name());
    task.set(RETURNED_FOR_REVISION, standing == BoardRecommendation.RETURN_FOR_REVISION);
    if (standing == BoardRecommendation.RETURN_FOR_REVISION) {
      Designation revised = designations.require(designation.getId());
      task.set(DesignationProcess.Variables.PLAN_DUE_DATE, revised.getPlanDueDate().toString());
      task.set(DesignationProcess.Variables.PLAN_REMINDER_AT, designations.reminderAt(revised).toString());
    }
    task.remove(BOARD_DECISION, BOARD_CONDITIONS, CONSOLIDATED_COMMENTS);
  }
}
