package gov.qsmo.workflow.designation.assessment;

import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_CONSOLIDATE_REVIEW;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_DECIDE_ASSESSMENT;
import static gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.TASK_SUBMIT_ASSESSMENT;

import gov.qsmo.workflow.designation.BoardRecommendation;
import gov.qsmo.workflow.designation.BoardRound;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationForms;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.assessment.AssessmentProcess.TaskDisplay;
import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.FormJson;
import gov.qsmo.workflow.reference.Agency;
import gov.qsmo.workflow.reference.ReferenceData;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every assessment task: names the task after its QSMO and puts what the person reads into
 * task-local variables: the facts, the submission (measures as a table), the marketplace and open conditions as
 * recorded, the board's comments on a returned assessment, the round's votes and tally for the chair, the board's
 * recommendation and the agencies a QSMO can move to for OMB. A returned assessment's form opens with its last text.
 */
@Component("assessmentTaskCreatedListener")
class AssessmentTaskCreatedListener implements TaskListener {

  record MeasureRow(String measure, String target, String result) {
  }

  record AgencyOption(String label, String value) {
  }

  private final AssessmentService assessments;
  private final DesignationService designations;
  private final DesignationForms designationForms;
  private final ReferenceData referenceData;
  private final OfficeTime time;

  AssessmentTaskCreatedListener(AssessmentService assessments, DesignationService designations,
      DesignationForms designationForms, ReferenceData referenceData, OfficeTime time) {
    this.assessments = assessments;
    this.designations = designations;
    this.designationForms = designationForms;
    this.referenceData = referenceData;
    this.time = time;
  }

  @Override
  public void notify(DelegateTask task) {
    Object id = task.getVariable(AssessmentProcess.Variables.ASSESSMENT_ID);
    Assessment assessment = assessments.require(id instanceof Number n ? n.longValue() : null);
    Designation designation = designations.require(assessment.getDesignationId());
    String area = referenceData.requireFunctionalArea("functionalAreaCode", designation.getFunctionalAreaCode())
        .getName();
    Agency agency = referenceData.requireAgency("agencyCode", designation.getAgencyCode());
    task.setName(task.getName() + ": " + area + ", " + agency.getShortName() + " (" + designation.getId() + ")");
    // The names the board's shared forms (extend or escalate) read.
    task.setVariableLocal("functionalAreaName", area);
    task.setVariableLocal("agencyName", agency.getName());
    task.setVariableLocal("designationStatus", "Designated; assessment " + assessment.getId() + ": "
        + AssessmentWords.status(assessment.getStatus()).toLowerCase());
    task.setVariableLocal("scopeText", MarkdownText.literal(designation.getDesignatedScope() != null
        ? designation.getDesignatedScope() : designation.getScope()));
    task.setVariableLocal(TaskDisplay.ASSESSMENT_FACTS, facts(assessment, designation, area, agency));
    String key = task.getTaskDefinitionKey();
    if (TASK_SUBMIT_ASSESSMENT.equals(key)) {
      task.setVariableLocal(TaskDisplay.OFFERINGS_TEXT, MarkdownText.literal(assessments.offeringsSummary(
          designation.getId())));
      task.setVariableLocal(TaskDisplay.OPEN_CONDITIONS_TEXT, MarkdownText.literal(assessments.openConditions(
          designation.getId())));
      assessments.rounds(assessment.getId()).stream().reduce((first, second) -> second)
          .filter(round -> round.getRecommendation() == BoardRecommendation.RETURN_FOR_REVISION)
          .ifPresent(round -> task.setVariableLocal(TaskDisplay.BOARD_COMMENTS,
              MarkdownText.literal(round.getRecommendationComments())));
      assessments.latestSubmission(assessment.getId()).ifPresent(last -> {
        AssessmentSubmission.Answers answers = last.answers();
        task.getExecution().setVariable(AssessmentProcess.Variables.PERFORMANCE_MEASURES,
            answers.performanceMeasures());
        task.getExecution().setVariable(AssessmentProcess.Variables.CUSTOMERS_SERVED, answers.customersServed());
        task.getExecution().setVariable(AssessmentProcess.Variables.CUSTOMERS_ONBOARDING,
            answers.customersOnboarding());
        task.getExecution().setVariable(AssessmentProcess.Variables.CUSTOMER_SATISFACTION,
            answers.customerSatisfaction());
        task.getExecution().setVariable(AssessmentProcess.Variables.RISKS, answers.risks());
      });
      return;
    }
    assessments.latestSubmission(assessment.getId()).ifPresent(submission -> {
      task.setVariableLocal(TaskDisplay.SUBMISSION_TEXT, submissionText(submission));
      task.setVariableLocal(TaskDisplay.MEASURES, FormJson.of(AssessmentService.measures(
          submission.answers().performanceMeasures()).stream()
          .map(m -> new MeasureRow(m.measure(), m.target(), m.result())).toList()));
    });
    List<BoardRound> rounds = assessments.rounds(assessment.getId());
    if (!rounds.isEmpty()) {
      BoardRound last = rounds.get(rounds.size() - 1);
      task.setVariableLocal("reviewRound", last.getRoundNumber());
      task.setVariableLocal("reviewClosesText", time.dateTime(last.getClosesAt()));
    }
    // The chair's extension reopens the round: like the plan review's, it shows counts only, never who voted what.
    if (TASK_CONSOLIDATE_REVIEW.equals(key) || TASK_DECIDE_ASSESSMENT.equals(key)) {
      if (!rounds.isEmpty()) {
        BoardRound round = rounds.get(rounds.size() - 1);
        designationForms.showRound(task, round, TASK_CONSOLIDATE_REVIEW.equals(key), AssessmentWords::recommendation);
        task.setVariableLocal(TaskDisplay.RECOMMENDATION_TEXT, round.getRecommendation() == null
            ? "No board recommendation: round " + round.getRoundNumber() + " closed without a quorum and the chair "
                + "escalated the review to OMB."
            : "**" + AssessmentWords.recommendation(round.getRecommendation()) + "**, round " + round.getRoundNumber()
                + (round.getRecommendationComments() == null ? "."
                    : ": " + MarkdownText.literal(round.getRecommendationComments())));
      }
    }
    if (TASK_DECIDE_ASSESSMENT.equals(key)) {
      task.setVariableLocal(TaskDisplay.AGENCY_OPTIONS, FormJson.of(referenceData.agencies().stream()
          .filter(a -> a.isActive() && !a.getCode().equals(designation.getAgencyCode()))
          .map(a -> new AgencyOption(a.getName(), a.getCode())).toList()));
    }
  }

  private String facts(Assessment assessment, Designation designation, String area, Agency agency) {
    return "**QSMO:** " + MarkdownText.literal(area) + " at " + MarkdownText.literal(agency.getName()) + " ("
        + designation.getId() + "), effective " + time.date(designation.getEffectiveDate()) + "  \n"
        + "**Assessment " + assessment.getId() + ":** " + (assessment.getKind() == Assessment.Kind.ANNUAL
            ? "annual, at the anniversary of " + time.date(assessment.getAsOf())
            : "ordered by OMB on " + time.date(assessment.getAsOf()) + ": " + MarkdownText.literal(
                assessment.getOrderReason())) + "  \n"
        + "**Status:** " + AssessmentWords.status(assessment.getStatus());
  }

  private String submissionText(AssessmentSubmission submission) {
    AssessmentSubmission.Answers answers = submission.answers();
    return "**Version " + submission.getVersionNumber() + "**, submitted " + time.dateTime(submission.getSubmittedAt())
        + "\n\n**Customer agencies served:** " + MarkdownText.literal(answers.customersServed())
        + "\n\n**Being onboarded:** " + (answers.customersOnboarding() == null ? "none named"
            : MarkdownText.literal(answers.customersOnboarding()))
        + "\n\n**Customer satisfaction:** " + MarkdownText.literal(answers.customerSatisfaction())
        + "\n\n**Risks:** " + MarkdownText.literal(answers.risks())
        + "\n\n**Marketplace (when submitted):** " + MarkdownText.literal(submission.getOfferingsSummary())
        + "\n\n**Conditions (when submitted):** " + MarkdownText.literal(submission.getOpenConditions());
  }
}
