package gov.qsmo.workflow.rfi.results;

import gov.qsmo.workflow.process.OfficeTime;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_HOLD_CONSENSUS;

import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import gov.qsmo.workflow.rfi.RfiSummaries;
import gov.qsmo.workflow.rfi.RfiTaskForm;
import gov.qsmo.workflow.rfi.SubjectTaskListener;
import gov.qsmo.workflow.rfi.TaskSubjects;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.rfi.scoring.ScoreSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The consensus task of one response: every reviewer's current ratings and rationales, the figures,
 * and a returned response's last consensus.
 */
@Component
class ConsensusTaskForm implements RfiTaskForm {

  private final RfiResultsService results;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final RfiScoringService scoring;
  private final TaskSubjects subjects;
  private final OfficeTime time;

  ConsensusTaskForm(RfiResultsService results, RfiResponseService responses, RfiPanelService panel,
      RfiScoringService scoring, TaskSubjects subjects, OfficeTime time) {
    this.time = time;
    this.results = results;
    this.responses = responses;
    this.panel = panel;
    this.scoring = scoring;
    this.subjects = subjects;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_HOLD_CONSENSUS);
  }

  @Override
  public void prepare(DelegateTask task, Rfi rfi, String base) {
    consensusForm(task, rfi, base);
  }

  private void consensusForm(DelegateTask task, Rfi rfi, String base) {
    String responseId = (String) task.getVariable(RfiProcess.Variables.RESPONSE_ID);
    subjects.bind(task.getExecutionId(), rfi.id,
        SubjectTaskListener.subject(ConsensusRecordedListener.KIND, responseId));
    RfiResponse response = responses.require(rfi.id, responseId);
    // One task per response: what tells them apart comes first.
    task.setName(base + ": " + response.id + " " + RfiTaskForm.shorten(response.organization) + " (" + rfi.id + ")");
    task.setVariableLocal(TaskDisplay.RESPONSE_HEADER, RfiSummaries.responseHeader(rfi, response,
        responses.attachmentsOf(response.id), time));
    Map<Integer, Map<String, Integer>> ratings = results.currentRatings(rfi.id).getOrDefault(responseId, Map.of());
    Map<Integer, CriterionResult> figures = results.resultsOf(responseId).stream()
        .collect(Collectors.toMap(r -> r.criterionPosition, r -> r));
    List<String> reviewers = ratings.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    task.setVariableLocal(TaskDisplay.SCORES_TABLE, RfiSummaries.scores(rfi, ratings, figures, reviewers));
    RfiTaskForm.criteria(task, rfi);
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
}
