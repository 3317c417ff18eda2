package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_APPROVE_PLAN;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_APPROVE_REPORT;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_CONFIRM_SCREENING;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_FORM_PANEL;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_HOLD_CONSENSUS;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_REASSIGN_REVIEWERS;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_REVISE_PLAN;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SCORE_RESPONSE;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SIGN_ATTESTATION;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.AttestationSignedListener;
import gov.qsmo.workflow.rfi.panel.PanelMember;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.plan.PlanDraft;
import gov.qsmo.workflow.rfi.report.RfiReportService;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.rfi.results.ConsensusRecordedListener;
import gov.qsmo.workflow.rfi.results.CriterionResult;
import gov.qsmo.workflow.rfi.results.RfiResultsService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.rfi.scoring.ScoreSheet;
import gov.qsmo.workflow.rfi.scoring.ScoreSubmittedListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Create listener of every RFI task: names the task after its RFI and puts what the person needs to
 * read into task-local variables for the form. They vanish with the task; the process keeps ids.
 */
@Component("rfiTaskCreatedListener")
class RfiTaskCreatedListener implements TaskListener {

  private final RfiService records;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final RfiScoringService scoring;
  private final RfiResultsService results;
  private final RfiReportService reports;
  private final ReferenceData referenceData;
  private final IdentityService identityService;
  private final TaskSubjects subjects;

  RfiTaskCreatedListener(RfiService records, RfiResponseService responses, RfiPanelService panel, RfiScoringService scoring,
      RfiResultsService results, RfiReportService reports, ReferenceData referenceData, IdentityService identityService,
      TaskSubjects subjects) {
    this.records = records;
    this.responses = responses;
    this.panel = panel;
    this.scoring = scoring;
    this.results = results;
    this.reports = reports;
    this.referenceData = referenceData;
    this.identityService = identityService;
    this.subjects = subjects;
  }

  @Override
  public void notify(DelegateTask task) {
    Rfi rfi = records.require((String) task.getVariable(RfiProcess.Variables.RFI_ID));
    String base = task.getName();
    task.setName(base + ": " + shorten(rfi.title) + " (" + rfi.id + ")");
    task.setVariableLocal(TaskDisplay.RFI_TITLE, RfiSummaries.literal(rfi.title));
    task.setVariableLocal(TaskDisplay.AGENCY_NAME, referenceData.requireAgency("agencyCode", rfi.agencyCode).getName());
    task.setVariableLocal(TaskDisplay.STATUS, rfi.status.label());
    switch (task.getTaskDefinitionKey()) {
      case TASK_APPROVE_PLAN -> task.setVariableLocal(TaskDisplay.PLAN_TEXT, RfiSummaries.plan(rfi));
      case TASK_REVISE_PLAN -> revisePlan(task, rfi);
      case TASK_CONFIRM_SCREENING -> task.setVariableLocal(TaskDisplay.SCREENING_TABLE,
          RfiSummaries.screening(rfi, responses.of(rfi.id)));
      case TASK_FORM_PANEL -> {
        task.setVariableLocal(TaskDisplay.AVAILABLE_REVIEWERS, reviewers(rfi));
        task.setVariableLocal(TaskDisplay.RESPONDENTS_TEXT, RfiSummaries.respondents(responses.eligible(rfi.id)));
      }
      case TASK_SIGN_ATTESTATION -> attestation(task, rfi);
      case TASK_REASSIGN_REVIEWERS -> {
        task.setVariableLocal(TaskDisplay.SHORTFALL_TEXT, shortfall(rfi));
        task.setVariableLocal(TaskDisplay.AVAILABLE_REVIEWERS, reviewers(rfi));
      }
      case TASK_SCORE_RESPONSE -> scoreForm(task, rfi, base);
      case TASK_RESOLVE_MISSING_SCORES -> task.setVariableLocal(TaskDisplay.MISSING_SCORES_TEXT, missingScores(rfi));
      case TASK_HOLD_CONSENSUS -> consensusForm(task, rfi, base);
      case TASK_APPROVE_REPORT -> task.setVariableLocal(TaskDisplay.REPORT_SUMMARY, reportSummary(rfi));
      default -> { }
    }
  }

  private static String shorten(String title) {
    return title.length() <= 80 ? title : title.substring(0, 77) + "...";
  }

  /** A returned plan: the form opens with the plan as it stands and the director's comments. */
  private void revisePlan(DelegateTask task, Rfi rfi) {
    records.history(rfi.id).stream().filter(e -> e.action.equals("PLAN_RETURNED")).reduce((a, b) -> b)
        .ifPresent(e -> task.setVariableLocal(TaskDisplay.RETURN_COMMENTS, RfiSummaries.fit(
            RfiSummaries.literal(e.detail) + "  \n*(" + e.actor + ", " + e.occurredAt + ")*")));
    PlanDraft.of(rfi, records.clock().getZone()).toForm().forEach((key, value) ->
        task.getExecution().setVariableLocal(key, value));
  }

  private void attestation(DelegateTask task, Rfi rfi) {
    String member = (String) task.getVariable(RfiProcess.Variables.PANEL_MEMBER);
    subjects.bind(task.getExecutionId(), rfi.id, SubjectTaskListener.subject(AttestationSignedListener.KIND, member));
    task.setVariableLocal(TaskDisplay.ATTESTATION_VERSION, panel.attestationVersion());
    task.setVariableLocal(TaskDisplay.ATTESTATION_TEXT, panel.attestationText());
    task.setVariableLocal(TaskDisplay.RESPONDENTS_TEXT, RfiSummaries.respondents(responses.eligible(rfi.id)));
  }

  private void scoreForm(DelegateTask task, Rfi rfi, String base) {
    String assignmentId = (String) task.getVariable(RfiProcess.Variables.ASSIGNMENT_ID);
    subjects.bind(task.getExecutionId(), rfi.id,
        SubjectTaskListener.subject(ScoreSubmittedListener.KIND, assignmentId));
    Assignment assignment = scoring.require(assignmentId);
    RfiResponse response = responses.require(rfi.id, assignment.responseId);
    // One task per response: what tells them apart comes first.
    task.setName(base + ": " + response.id + " " + shorten(response.organization) + " (" + rfi.id + ")");
    task.setVariableLocal(TaskDisplay.RESPONSE_HEADER, RfiSummaries.responseHeader(rfi, response,
        responses.attachmentsOf(response.id).size()));
    for (int topic = 1; topic <= rfi.topics.size(); topic++) {
      task.setVariableLocal(TaskDisplay.topicText(topic), RfiSummaries.topic(rfi, response, topic));
    }
    criteria(task, rfi);
  }

  private void criteria(DelegateTask task, Rfi rfi) {
    task.setVariableLocal(TaskDisplay.SCALE_TEXT, RfiSummaries.scale(rfi));
    for (Rfi.Criterion criterion : rfi.criteria) {
      task.setVariableLocal(TaskDisplay.criterionName(criterion.position),
          criterion.position + "\\. " + RfiSummaries.literal(criterion.name) + " (" + criterion.weight + "%)");
      task.setVariableLocal(TaskDisplay.criterionGuidance(criterion.position),
          RfiSummaries.fit(RfiSummaries.literal(criterion.guidance)));
    }
  }

  private void consensusForm(DelegateTask task, Rfi rfi, String base) {
    String responseId = (String) task.getVariable(RfiProcess.Variables.RESPONSE_ID);
    subjects.bind(task.getExecutionId(), rfi.id,
        SubjectTaskListener.subject(ConsensusRecordedListener.KIND, responseId));
    RfiResponse response = responses.require(rfi.id, responseId);
    // One task per response: what tells them apart comes first.
    task.setName(base + ": " + response.id + " " + shorten(response.organization) + " (" + rfi.id + ")");
    task.setVariableLocal(TaskDisplay.RESPONSE_HEADER, RfiSummaries.responseHeader(rfi, response,
        responses.attachmentsOf(response.id).size()));
    Map<Integer, Map<String, Integer>> ratings = results.currentRatings(rfi.id).getOrDefault(responseId, Map.of());
    Map<Integer, CriterionResult> figures = results.resultsOf(responseId).stream()
        .collect(Collectors.toMap(r -> r.criterionPosition, r -> r));
    List<String> reviewers = ratings.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    task.setVariableLocal(TaskDisplay.SCORES_TABLE, RfiSummaries.scores(rfi, ratings, figures, reviewers));
    criteria(task, rfi);
    for (Rfi.Criterion criterion : rfi.criteria) {
      task.setVariableLocal(TaskDisplay.criterionSummary(criterion.position), RfiSummaries.criterionSummary(criterion,
          figures.get(criterion.position), rationales(rfi, responseId, criterion.position)));
    }
    // A response returned by the director: the form opens with the last consensus.
    results.latestConsensus(responseId).ifPresent(previous -> {
      previous.ratings.forEach((position, rating) -> {
        task.getExecution().setVariableLocal(RfiProcess.Variables.consensusRating(position), rating.rating);
        if (rating.rationale != null) {
          task.getExecution().setVariableLocal(RfiProcess.Variables.consensusRationale(position), rating.rationale);
        }
      });
      if (previous.dissent != null) {
        task.getExecution().setVariableLocal(RfiProcess.Variables.DISSENT, previous.dissent);
      }
    });
  }

  /** Each reviewer's current rating of one criterion with their strengths, weaknesses and rationale. */
  private List<String> rationales(Rfi rfi, String responseId, int position) {
    List<Assignment> scored = panel.assignments(rfi.id).stream()
        .filter(a -> a.responseId.equals(responseId) && a.status == Assignment.Status.SCORED).toList();
    Map<Long, ScoreSheet> latest = ScoreSheet.latestByAssignment(scoring.sheets(scored));
    List<String> lines = new ArrayList<>();
    for (Assignment assignment : scored) {
      ScoreSheet sheet = latest.get(assignment.id);
      ScoreSheet.Score score = sheet == null ? null : sheet.scores.get(position);
      if (score != null) {
        lines.add("*" + RfiSummaries.literal(assignment.reviewerId) + "* rated **" + score.rating + "**."
            + (score.strengths == null ? "" : " Strengths: " + RfiSummaries.literal(score.strengths))
            + (score.weaknesses == null ? "" : " Weaknesses: " + RfiSummaries.literal(score.weaknesses))
            + " Rationale: " + RfiSummaries.literal(score.rationale));
      }
    }
    return lines;
  }

  private String reviewers(Rfi rfi) {
    List<User> users = Privileged.run(identityService, () -> identityService.createUserQuery()
        .memberOfGroup(Roles.RFI_REVIEWERS).orderByUserId().asc().list());
    List<String> onPanel = panel.roster(rfi.id).stream().map(m -> m.userId).toList();
    return RfiSummaries.fit(users.stream().map(u -> "**" + RfiSummaries.literal(u.getId()) + "**: "
        + RfiSummaries.literal((nullToEmpty(u.getFirstName()) + " " + nullToEmpty(u.getLastName())).strip())
        + (onPanel.contains(u.getId()) ? " (on the panel)" : "")).collect(Collectors.joining("  \n")));
  }

  private String shortfall(Rfi rfi) {
    Map<String, List<String>> recused = panel.recusals(rfi.id);
    int reviewers = (int) panel.roster(rfi.id).stream().filter(m -> m.role == PanelMember.Role.REVIEWER).count();
    int wanted = rfi.reviewersPerResponse == null ? reviewers : rfi.reviewersPerResponse;
    StringBuilder text = new StringBuilder("Each response should get " + wanted + " reviewers. Short:\n\n"
        + "| Response | Organization | Assigned | Recused |\n|---|---|---|---|\n");
    List<Assignment> assignments = panel.assignments(rfi.id);
    for (RfiResponse response : responses.eligible(rfi.id)) {
      long assigned = assignments.stream().filter(a -> a.responseId.equals(response.id)
          && a.status != Assignment.Status.REASSIGNED).count();
      if (assigned < wanted) {
        text.append("| ").append(response.id).append(" | ").append(RfiSummaries.literal(response.organization))
            .append(" | ").append(assigned).append(" of ").append(wanted).append(" | ")
            .append(String.join(", ", recused.getOrDefault(response.id, List.of()))).append(" |\n");
      }
    }
    return RfiSummaries.fit(text.toString());
  }

  private String missingScores(Rfi rfi) {
    List<Assignment> open = panel.assignments(rfi.id).stream()
        .filter(a -> a.status == Assignment.Status.ASSIGNED).toList();
    if (open.isEmpty()) {
      return "Every score is in.";
    }
    return RfiSummaries.fit("The scoring deadline (" + RfiSummaries.when(rfi.scoringDueAt)
        + ") has passed. Missing scores:\n\n"
        + "| Response | Reviewer |\n|---|---|\n" + open.stream().map(a -> "| " + a.responseId + " | "
            + RfiSummaries.literal(a.reviewerId) + " |").collect(Collectors.joining("\n")));
  }

  private String reportSummary(Rfi rfi) {
    StringBuilder text = new StringBuilder("| Rank | Response | Organization | Weighted total |\n|---|---|---|---|\n");
    for (RfiResultsService.Standing standing : results.ranking(rfi.id)) {
      text.append("| ").append(standing.rank()).append(" | ").append(standing.responseId()).append(" | ")
          .append(RfiSummaries.literal(standing.organization())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", standing.weightedTotal())).append(" |\n");
    }
    reports.latest(rfi.id).ifPresent(report -> text.append("\nReport version ").append(report.version)
        .append(", generated ").append(RfiSummaries.when(report.generatedAt)).append(": [PDF](/api/rfis/").append(rfi.id)
        .append("/report.pdf) · [CSV of every score](/api/rfis/").append(rfi.id).append("/report.csv)"));
    return RfiSummaries.fit(text.toString());
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
