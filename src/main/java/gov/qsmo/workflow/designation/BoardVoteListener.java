package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.BOARD_MEMBER;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.COMMENTS;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PROPOSED_CONDITIONS;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.RECOMMENDATION;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * End of one "Review Marketplace Implementation Plan" task: checks the member's vote and stores it in
 * the application's tables. The form's values are local to this task's execution (input mappings in
 * the model), so parallel reviews never write the same process variable.
 */
@Component("boardVoteListener")
class BoardVoteListener extends FormCompletionListener<Designation> {

  private final BoardReviewService boardReview;

  BoardVoteListener(BoardReviewService boardReview, DesignationService designations, IdentityService identityService) {
    super(designations::ofInstance, identityService);
    this.boardReview = boardReview;
  }

  @Override
  protected void completed(Designation designation, CompletedTask task) {
    String member = (String) task.execution().getVariableLocal(BOARD_MEMBER);
    String user = task.caller().userId();
    if (!Caller.SYSTEM.userId().equals(user) && !user.equals(member)) {
      throw new ConflictException("This review belongs to " + member + "; " + user + " cannot vote for them.");
    }
    Map<String, Object> form = task.localValues();
    BoardRecommendation recommendation = Inputs.requiredChoice(form, RECOMMENDATION, "Recommendation",
        BoardRecommendation.class);
    Map<PlanSection, String> sectionComments = new EnumMap<>(PlanSection.class);
    for (PlanSection section : PlanSection.values()) {
      String comment = Inputs.optionalText(form, section.commentKey(), "Comment on " + section.title(),
          Inputs.MAX_TEXT);
      if (comment != null) {
        sectionComments.put(section, comment);
      }
    }
    boardReview.recordVote(designation.getId(), member, recommendation,
        Inputs.optionalText(form, COMMENTS, "Comments", Inputs.MAX_TEXT),
        Inputs.optionalText(form, PROPOSED_CONDITIONS, "Proposed conditions", Inputs.MAX_TEXT),
        sectionComments);
  }

}
