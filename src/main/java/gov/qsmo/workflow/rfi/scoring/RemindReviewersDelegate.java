package gov.qsmo.workflow.rfi.scoring;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** "Remind reviewers": open scoring tasks move up in their reviewers' lists before the deadline. */
@Component("remindReviewersDelegate")
public class RemindReviewersDelegate implements JavaDelegate {

  public static final int REMINDED_PRIORITY = 80;

  private final RfiService records;

  RemindReviewersDelegate(RfiService records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskService taskService = execution.getProcessEngineServices().getTaskService();
    int reminded = 0;
    // The scoring tasks are in the responses' own instances, which carry the RFI id as business key.
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(execution.getProcessBusinessKey())
        .taskDefinitionKey(RfiProcess.Elements.TASK_SCORE_RESPONSE).list()) {
      task.setPriority(REMINDED_PRIORITY);
      task.setFollowUpDate(Date.from(records.now()));
      taskService.saveTask(task);
      reminded++;
    }
    records.record(execution.getProcessBusinessKey(), Caller.SYSTEM.userId(), "REVIEWERS_REMINDED",
        reminded + " scoring tasks still open");
  }
}
