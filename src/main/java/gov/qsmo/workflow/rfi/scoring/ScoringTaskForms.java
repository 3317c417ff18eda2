package gov.qsmo.workflow.rfi.scoring;

import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SCORE_RESPONSE;

import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.People;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiSummaries;
import gov.qsmo.workflow.rfi.RfiTaskForm;
import gov.qsmo.workflow.rfi.SubjectTaskListener;
import gov.qsmo.workflow.rfi.TaskSubjects;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.AssignmentRepository;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The scoring step's tasks: a reviewer's score sheet for one response, the chair's decision on missing scores. */
@Component
class ScoringTaskForms implements RfiTaskForm {

  /** Responses named per reviewer in the missing-scores table; the rest are counted. */
  static final int RESPONSES_SHOWN = 20;

  private final RfiScoringService scoring;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final TaskSubjects subjects;
  private final OfficeTime time;
  private final People people;

  ScoringTaskForms(RfiScoringService scoring, RfiResponseService responses, RfiPanelService panel,
      TaskSubjects subjects, OfficeTime time, People people) {
    this.time = time;
    this.people = people;
    this.scoring = scoring;
    this.responses = responses;
    this.panel = panel;
    this.subjects = subjects;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_SCORE_RESPONSE, TASK_RESOLVE_MISSING_SCORES);
  }

  @Override
  public void prepare(DelegateTask task, Rfi rfi, String base) {
    switch (task.getTaskDefinitionKey()) {
      case TASK_SCORE_RESPONSE -> scoreForm(task, rfi, base);
      case TASK_RESOLVE_MISSING_SCORES -> missingScoresForm(task, rfi);
      default -> { }
    }
  }

  private void scoreForm(DelegateTask task, Rfi rfi, String base) {
    String assignmentId = (String) task.getVariable(RfiProcess.Variables.ASSIGNMENT_ID);
    subjects.bind(task.getExecutionId(), rfi.id,
        SubjectTaskListener.subject(ScoreSubmittedListener.KIND, assignmentId));
    Assignment assignment = scoring.require(assignmentId);
    RfiResponse response = responses.require(rfi.id, assignment.responseId);
    // One task per response: what tells them apart comes first.
    task.setName(base + ": " + response.id + " " + RfiTaskForm.shorten(response.organization) + " (" + rfi.id + ")");
    // The response's texts: the same for each of its reviewers, written once in the response's instance.
    VariableScope display = RfiTaskForm.displayScope(task);
    if (RfiTaskForm.alreadyShown(task, display, TaskDisplay.RESPONSE_HEADER)) {
      return;
    }
    display.setVariableLocal(TaskDisplay.RESPONSE_HEADER, RfiSummaries.responseHeader(rfi, response,
        responses.attachmentsOf(response.id), time));
    for (int topic = 1; topic <= rfi.topics.size(); topic++) {
      display.setVariableLocal(TaskDisplay.topicText(topic), RfiSummaries.topic(rfi, response, topic));
    }
    RfiTaskForm.criteria(display, rfi);
  }

  /**
   * The chair's view of what is missing: a line that counts it, and a table with a row per reviewer (their name and
   * user id, as the reassignment lines name them; how many scores they owe; the first responses' ids). As many rows
   * as the panel has reviewers, whatever the RFI's size.
   */
  private void missingScoresForm(DelegateTask task, Rfi rfi) {
    List<AssignmentRepository.Backlog> backlog = panel.openByReviewer(rfi.id, RESPONSES_SHOWN);
    long missing = backlog.stream().mapToLong(AssignmentRepository.Backlog::getOpen).sum();
    Map<String, String> names = people.namesWithIds(backlog.stream().map(AssignmentRepository.Backlog::getReviewerId)
        .toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AssignmentRepository.Backlog reviewer : backlog) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("reviewer", names.get(reviewer.getReviewerId()));
      row.put("missing", reviewer.getOpen());
      row.put("responses", reviewer.getFirstResponses() + (reviewer.getOpen() > RESPONSES_SHOWN
          ? " and " + (reviewer.getOpen() - RESPONSES_SHOWN) + " more" : ""));
      rows.add(row);
    }
    task.setVariableLocal(TaskDisplay.MISSING_SCORES_TEXT, missing == 0 ? "Every score is in."
        : "The scoring deadline (" + time.dateTime(rfi.scoringDueAt) + ") has passed. " + missing + " score"
            + (missing == 1 ? " is" : "s are") + " missing, from " + backlog.size() + " reviewer"
            + (backlog.size() == 1 ? "" : "s") + ":");
    task.setVariableLocal(TaskDisplay.MISSING_SCORES_TABLE, RfiTaskForm.json(rows));
  }
}
