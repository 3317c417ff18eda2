package gov.qsmo.workflow.rfi.results;

import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_HOLD_CONSENSUS;

import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.People;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The consensus task of one response: every reviewer's current ratings side by side with the figures and,
 * under each criterion, a table of each reviewer's rating, rationale, strengths and weaknesses in full (a JSON
 * variable: no 4,000-character cut), reviewers by name; and a returned response's last consensus.
 */
@Component
class ConsensusTaskForm implements RfiTaskForm {

  private final RfiResultsService results;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final RfiScoringService scoring;
  private final TaskSubjects subjects;
  private final OfficeTime time;
  private final People people;

  ConsensusTaskForm(RfiResultsService results, RfiResponseService responses, RfiPanelService panel,
      RfiScoringService scoring, TaskSubjects subjects, OfficeTime time, People people) {
    this.time = time;
    this.people = people;
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
    // This response's scores only: as many as its reviewers, whatever the RFI's size.
    List<Assignment> scored = panel.scoredAssignments(rfi.id, responseId);
    Map<Long, ScoreSheet> latest = ScoreSheet.latestByAssignment(scoring.sheets(scored));
    Map<String, String> names = people.names(scored.stream().map(a -> a.reviewerId).toList());
    Map<String, String> reviewers = new LinkedHashMap<>();
    scored.stream().map(a -> a.reviewerId).distinct()
        .sorted(Comparator.comparing((String id) -> names.get(id)).thenComparing(id -> id))
        .forEach(id -> reviewers.put(id, names.get(id)));
    // Each reviewer's current sheet, read once for the ratings table and for the tables under the criteria.
    Map<String, ScoreSheet> sheets = new HashMap<>();
    scored.forEach(assignment -> {
      ScoreSheet sheet = latest.get(assignment.id);
      if (sheet != null) {
        sheets.put(assignment.reviewerId, sheet);
      }
    });
    Map<Integer, Map<String, Integer>> ratings = new TreeMap<>();
    sheets.forEach((reviewer, sheet) -> sheet.scores.forEach((position, score) ->
        ratings.computeIfAbsent(position, p -> new TreeMap<>()).put(reviewer, score.rating)));
    Map<Integer, CriterionResult> figures = results.resultsOf(responseId).stream()
        .collect(Collectors.toMap(r -> r.criterionPosition, r -> r));
    task.setVariableLocal(TaskDisplay.SCORES_TABLE, RfiSummaries.scores(rfi, ratings, figures, reviewers));
    RfiTaskForm.criteria(task, rfi);
    for (Rfi.Criterion criterion : rfi.criteria) {
      task.setVariableLocal(TaskDisplay.criterionSummary(criterion.position),
          RfiSummaries.criterionSummary(criterion, figures.get(criterion.position)));
      task.setVariableLocal(TaskDisplay.reviewerScores(criterion.position),
          RfiTaskForm.json(reviewerScores(criterion.position, sheets, reviewers)));
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

  /**
   * Each reviewer's current rating of one criterion with their rationale, strengths and weaknesses, in full: the
   * rows of the form's table under that criterion, by reviewer's name. The table shows people's text as plain
   * text.
   */
  private static List<Map<String, Object>> reviewerScores(int position, Map<String, ScoreSheet> sheets,
      Map<String, String> reviewers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    reviewers.forEach((id, name) -> {
      ScoreSheet sheet = sheets.get(id);
      ScoreSheet.Score score = sheet == null ? null : sheet.scores.get(position);
      if (score != null) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reviewer", name);
        row.put("rating", score.rating);
        row.put("rationale", score.rationale);
        row.put("strengths", score.strengths == null ? "" : score.strengths);
        row.put("weaknesses", score.weaknesses == null ? "" : score.weaknesses);
        rows.add(row);
      }
    });
    return rows;
  }
}
