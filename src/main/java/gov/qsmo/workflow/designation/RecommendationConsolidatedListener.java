package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.BOARD_CONDITIONS;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.BOARD_DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.CONSOLIDATED_COMMENTS;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.RETURNED_FOR_REVISION;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.FormValidation;
import gov.qsmo.workflow.shared.Inputs;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of "Consolidate board recommendation": the chair's recommendation, conditions and comments. */
@Component("recommendationConsolidatedListener")
class RecommendationConsolidatedListener implements ExecutionListener {

  private final BoardReviewService boardReview;
  private final DesignationService designations;
  private final IdentityService identityService;

  RecommendationConsolidatedListener(BoardReviewService boardReview, DesignationService designations, IdentityService identityService) {
    this.boardReview = boardReview;
    this.designations = designations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValidation.checkCompletion(execution, () -> {
      Designation designation = designations.ofInstance(execution);
      Map<String, Object> form = execution.getVariables();
      BoardRecommendation recommendation = Inputs.requiredChoice(form, BOARD_DECISION, "Board recommendation",
          BoardRecommendation.class);
      String conditionsText = Inputs.optionalText(form, BOARD_CONDITIONS, "Conditions", Inputs.MAX_TEXT);
      List<String> conditions = conditionsText == null ? List.of()
          : conditionsText.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
      BoardRecommendation standing = boardReview.consolidate(designation.getId(), recommendation, conditions,
          Inputs.optionalText(form, CONSOLIDATED_COMMENTS, "Consolidated comments", Inputs.MAX_TEXT),
          Caller.current(identityService).userId());
      execution.setVariable(DesignationProcess.Variables.BOARD_RECOMMENDATION, standing.name());
      execution.setVariable(RETURNED_FOR_REVISION, standing == BoardRecommendation.RETURN_FOR_REVISION);
      if (standing == BoardRecommendation.RETURN_FOR_REVISION) {
        Designation revised = designations.require(designation.getId());
        execution.setVariable(DesignationProcess.Variables.PLAN_DUE_DATE, revised.getPlanDueDate().toString());
        execution.setVariable(DesignationProcess.Variables.PLAN_REMINDER_AT, designations.reminderAt(revised).toString());
      }
      execution.removeVariable(BOARD_DECISION);
      execution.removeVariable(BOARD_CONDITIONS);
      execution.removeVariable(CONSOLIDATED_COMMENTS);
    });
  }
}
