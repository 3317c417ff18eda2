package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS_SHORT;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiVariables;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Assign reviewers": every response gets its reviewers, recused ones left out; a shortfall goes to the chair. */
@Component("assignReviewersDelegate")
class AssignReviewersDelegate implements JavaDelegate {

  private final RfiService records;
  private final RfiPanelService panel;
  private final RfiScoringService scoring;

  AssignReviewersDelegate(RfiService records, RfiPanelService panel, RfiScoringService scoring) {
    this.records = records;
    this.panel = panel;
    this.scoring = scoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rfiId = execution.getProcessBusinessKey();
    List<RfiPanelService.Shortfall> shortfalls = panel.assign(rfiId, Caller.SYSTEM);
    execution.setVariable(REVIEWERS_SHORT, !shortfalls.isEmpty());
    if (shortfalls.isEmpty()) {
      openScoring(execution, records, scoring);
    }
  }

  /** Opens the scoring window with the configured deadline, and sets its timers. */
  static void openScoring(DelegateExecution execution, RfiService records, RfiScoringService scoring) {
    Rfi rfi = records.lock(execution.getProcessBusinessKey());
    Instant due = scoring.openWindow(rfi, scoring.defaultDue(), Caller.SYSTEM);
    RfiVariables.scoringWindow(execution, due, scoring.reminderAt(due));
  }
}
