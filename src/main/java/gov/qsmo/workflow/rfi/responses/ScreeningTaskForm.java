package gov.qsmo.workflow.rfi.responses;

import gov.qsmo.workflow.process.OfficeTime;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_CONFIRM_SCREENING;

import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import gov.qsmo.workflow.rfi.RfiSummaries;
import gov.qsmo.workflow.rfi.RfiTaskForm;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The screening task: the chair reads each response's screening. */
@Component
class ScreeningTaskForm implements RfiTaskForm {

  private final RfiResponseService responses;
  private final OfficeTime time;

  ScreeningTaskForm(RfiResponseService responses, OfficeTime time) {
    this.time = time;
    this.responses = responses;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_CONFIRM_SCREENING);
  }

  @Override
  public void prepare(DelegateTask task, Rfi rfi, String base) {
    task.setVariableLocal(TaskDisplay.SCREENING_TABLE, RfiSummaries.screening(rfi, responses.of(rfi.id), time));
  }
}
