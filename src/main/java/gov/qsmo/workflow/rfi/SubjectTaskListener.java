package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.process.FormValidation;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End of one task of a multi-instance step (an attestation, a score sheet, a consensus): checks the
 * instance against the RFI and that the task is still about the subject it was created for
 * ({@link TaskSubjects}), then hands the form's values on (by default those local to the task's execution).
 */
public abstract class SubjectTaskListener implements ExecutionListener {

  private final RfiService records;
  private final TaskSubjects subjects;
  private final String variable;
  private final String kind;

  public SubjectTaskListener(RfiService records, TaskSubjects subjects, String variable, String kind) {
    this.records = records;
    this.subjects = subjects;
    this.variable = variable;
    this.kind = kind;
  }

  /** The subject as {@link TaskSubjects} records it, e.g. "assignment:42". */
  public static String subject(String kind, String id) {
    return kind + ":" + id;
  }

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      subjects.release(execution.getId());
      return;
    }
    FormValidation.check(() -> {
      Rfi rfi = records.ofInstance(execution);
      String id = (String) execution.getVariableLocal(variable);
      subjects.requireAndRelease(execution.getId(), variable, subject(kind, id));
      completed(rfi, id, values(execution));
    });
  }

  /** The form's values as this task's completion carries them: by default the variables local to its execution. */
  protected Map<String, Object> values(DelegateExecution execution) {
    return execution.getVariablesLocal();
  }

  /** The task was completed with these form values; throw an InvalidRequestException to refuse them. */
  protected abstract void completed(Rfi rfi, String subjectId, Map<String, Object> values);
}
