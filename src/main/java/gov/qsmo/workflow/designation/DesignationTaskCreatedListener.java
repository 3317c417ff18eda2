package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DESIGNATION_ID;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.MISSING_SECTIONS;

import gov.qsmo.workflow.designation.DesignationProcess.TaskDisplay;
import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.reference.Agency;
import gov.qsmo.workflow.reference.FunctionalArea;
import gov.qsmo.workflow.reference.ReferenceData;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every designation task: puts what the person needs to read (area, agency,
 * scope, status in words, dates in the office's time zone, votes and tally; see {@link DesignationForms})
 * into task-local variables for the form. They vanish with the task; the process keeps ids.
 * A returned plan's text is put back into the form's fields until the director submits again.
 */
@Component("designationTaskCreatedListener")
class DesignationTaskCreatedListener implements TaskListener {

  private final DesignationService designations;
  private final BoardReviewService boardReview;
  private final ReferenceData referenceData;
  private final DesignationForms forms;

  DesignationTaskCreatedListener(DesignationService designations, BoardReviewService boardReview,
      ReferenceData referenceData, DesignationForms forms) {
    this.designations = designations;
    this.boardReview = boardReview;
    this.referenceData = referenceData;
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    Designation designation = designations.require((String) task.getVariable(DESIGNATION_ID));
    FunctionalArea area = referenceData.requireFunctionalArea("functionalAreaCode",
        designation.getFunctionalAreaCode());
    Agency agency = referenceData.requireAgency("agencyCode", designation.getAgencyCode());
    // Task lists show names only: say which designation this is.
    task.setName(task.getName() + ": " + area.getName() + ", " + agency.getShortName() + " (" + designation.getId()
        + ")");
    task.setVariableLocal(TaskDisplay.FUNCTIONAL_AREA_NAME, area.getName());
    task.setVariableLocal(TaskDisplay.AGENCY_NAME, agency.getName());
    task.setVariableLocal(TaskDisplay.SCOPE_TEXT, BoardSummaries.fit(MarkdownText.literal(designation.getScope())));
    forms.common(task, designation);
    if (DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN.equals(task.getTaskDefinitionKey())) {
      preparePlanForm(task, designation);
    }
    if (DesignationProcess.Elements.TASK_REVIEW_PLAN.equals(task.getTaskDefinitionKey())) {
      showPlan(task, designation);
    }
    if (DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION.equals(task.getTaskDefinitionKey())) {
      forms.consolidation(task, designation);
    }
    if (DesignationProcess.Elements.TASK_DECIDE_DESIGNATION.equals(task.getTaskDefinitionKey())) {
      forms.decision(task, designation);
      task.setVariableLocal(TaskDisplay.DECISION_PACKAGE_LINK, decisionPackageLink(designation.getId()));
    }
  }

  /** A Markdown link to the designation's decision package, as the form's text shows it. */
  static String decisionPackageLink(String designationId) {
    return "[Decision package (PDF): the plan under decision, every vote and recusal, the board's recommendation "
        + "and conditions, the history](/api/designations/" + designationId + "/decision-package.pdf)";
  }

  /**
   * A reviewer reads the plan version under review, section by section; the proposed service offerings
   * as a table (a version stored before offerings had rows shows its text).
   */
  private void showPlan(DelegateTask task, Designation designation) {
    designations.latestPlan(designation.getId()).ifPresent(plan -> plan.sections().forEach((section, text) ->
        task.setVariableLocal(TaskDisplay.PLAN_SECTION_PREFIX + Character.toUpperCase(section.key().charAt(0))
            + section.key().substring(1), section == PlanSection.SERVICE_OFFERINGS
                && !plan.serviceOfferings().isEmpty() ? ServiceOfferingLines.table(plan.serviceOfferings())
                : BoardSummaries.fit(MarkdownText.literal(text)))));
  }

  /**
   * A returned plan: the form opens with the last version's text (the director edits rather than
   * retypes) and says which required sections are missing.
   */
  private void preparePlanForm(DelegateTask task, Designation designation) {
    boardReview.rounds(designation.getId()).stream().reduce((first, second) -> second)
        .filter(round -> round.getRecommendation() == BoardRecommendation.RETURN_FOR_REVISION)
        .ifPresent(round -> task.setVariableLocal(TaskDisplay.BOARD_COMMENTS,
            BoardSummaries.fit(MarkdownText.literal(round.getRecommendationComments()))));
    List<PlanSection> missing = PlanSection.fromKeys((String) task.getVariable(MISSING_SECTIONS));
    if (!missing.isEmpty()) {
      task.setVariableLocal(TaskDisplay.MISSING_SECTIONS_TEXT,
          missing.stream().map(PlanSection::title).collect(Collectors.joining(", ")));
    }
    designations.latestPlan(designation.getId()).ifPresent(plan ->
        plan.sections().forEach((section, text) -> task.getExecution().setVariable(section.key(), text)));
  }
}
