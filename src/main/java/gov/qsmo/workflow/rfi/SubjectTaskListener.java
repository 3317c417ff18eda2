package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.process.FormValidation;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End of one task of a multi-instance step (an attestation, a score sheet, a consensus): checks the
 * submission against the RFI and that the task is still about the subject it was created for
 * ({@link TaskSubjects}), then hands the form's values (local to the task's execution) on.
 */
abstract class SubjectTaskListener implements ExecutionListener {

  private final RfiForm form;
  private final TaskSubjects subjects;
  private final String variable;
  private final String kind;
  private final Set<String> formKeys;

  SubjectTaskListener(RfiForm form, TaskSubjects subjects, String variable, String kind, Set<String> formKeys) {
    this.form = form;
    this.subjects = subjects;
    this.variable = variable;
    this.kind = kind;
    this.formKeys = formKeys;
  }

  /** The subject as {@link TaskSubjects} records it, e.g. "assignment:42". */
  static String subject(String kind, String id) {
    return kind + ":" + id;
  }

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      subjects.release(execution.getId());
      return;
    }
    FormValidation.check(() -> {
      Rfi rfi = rfi(execution);
      String id = (String) execution.getVariableLocal(variable);
      subjects.requireAndRelease(execution.getId(), variable, subject(kind, id));
      completed(rfi, id, execution.getVariablesLocal());
    });
  }

  /** The RFI of the instance, after checking the submission against it. */
  Rfi rfi(DelegateExecution execution) {
    return form.rfi(execution, formKeys);
  }

  /** The task was completed with these form values; throw an InvalidRequestException to refuse them. */
  abstract void completed(Rfi rfi, String subjectId, Map<String, Object> values);
}
