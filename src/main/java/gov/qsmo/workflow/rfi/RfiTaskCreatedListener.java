package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Create listener of every RFI task: names the task after its RFI and puts what the person needs to
 * read into task-local variables for the form (for scoring tasks: into their response's instance,
 * {@link RfiTaskForm#displayScope}). They vanish with the task; the process keeps ids. What
 * a step's own tasks show comes from that step's {@link RfiTaskForm}.
 */
@Component("rfiTaskCreatedListener")
class RfiTaskCreatedListener implements TaskListener {

  private final RfiService records;
  private final ReferenceData referenceData;
  private final Map<String, RfiTaskForm> forms = new HashMap<>();

  RfiTaskCreatedListener(RfiService records, ReferenceData referenceData, List<RfiTaskForm> forms) {
    this.records = records;
    this.referenceData = referenceData;
    for (RfiTaskForm form : forms) {
      for (String key : form.taskKeys()) {
        if (this.forms.put(key, form) != null) {
          throw new IllegalStateException("Two RFI task forms prepare task '" + key + "'.");
        }
      }
    }
  }

  @Override
  public void notify(DelegateTask task) {
    Rfi rfi = records.require((String) task.getVariable(RfiProcess.Variables.RFI_ID));
    String base = task.getName();
    task.setName(base + ": " + RfiTaskForm.shorten(rfi.title) + " (" + rfi.id + ")");
    VariableScope display = RfiTaskForm.displayScope(task);
    if (!RfiTaskForm.alreadyShown(task, display, TaskDisplay.RFI_TITLE)) {
      display.setVariableLocal(TaskDisplay.RFI_TITLE, RfiSummaries.literal(rfi.title));
      display.setVariableLocal(TaskDisplay.AGENCY_NAME,
          referenceData.requireAgency("agencyCode", rfi.agencyCode).getName());
      display.setVariableLocal(TaskDisplay.STATUS, rfi.status.label());
    }
    RfiTaskForm form = forms.get(task.getTaskDefinitionKey());
    if (form != null) {
      form.prepare(task, rfi, base);
    }
  }
}
