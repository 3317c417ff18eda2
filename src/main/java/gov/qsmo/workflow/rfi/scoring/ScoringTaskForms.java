package gov.qsmo.workflow.rfi.scoring;

import gov.qsmo.workflow.process.OfficeTime;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SCORE_RESPONSE;

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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The scoring step's tasks: a reviewer's score sheet for one response, the chair's decision on missing scores. */
@Component
class ScoringTaskForms implements RfiTaskForm {

  private final RfiScoringService scoring;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final TaskSubjects subjects;
  private final OfficeTime time;

  ScoringTaskForms(RfiScoringService scoring, RfiResponseService responses, RfiPanelService panel,
      TaskSubjects subjects, OfficeTime time) {
    this.time = time;
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
      case TASK_RESOLVE_MISSING_SCORES -> task.setVariableLocal(TaskDisplay.MISSING_SCORES_TEXT, missingScores(rfi));
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

  private String missingScores(Rfi rfi) {
    List<Assignment> open = panel.assignments(rfi.id).stream()
        .filter(a -> a.status == Assignment.Status.ASSIGNED).toList();
    if (open.isEmpty()) {
      return "Every score is in.";
    }
    return RfiSummaries.fit("The scoring deadline (" + time.dateTime(rfi.scoringDueAt)
        + ") has passed. Missing scores:\n\n"
        + "| Response | Reviewer |\n|---|---|\n" + open.stream().map(a -> "| " + a.responseId + " | "
            + RfiSummaries.literal(a.reviewerId) + " |").collect(Collectors.joining("\n")));
  }
}
