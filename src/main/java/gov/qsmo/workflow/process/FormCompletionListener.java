package gov.qsmo.workflow.process;

import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * End listener of a user task whose form a person submits: a thin adapter that reads the form, calls
 * the service that holds the rule, and sets what the process needs next. The record the instance is
 * about is looked up (and checked) first; a broken rule refuses the submission as a form validation
 * error ({@link FormValidation#checkCompletion}); a task that ends cancelled is never checked.
 *
 * @param <R> the record the process is about (a designation, an RFI)
 */
public abstract class FormCompletionListener<R> implements ExecutionListener {

  private final Function<DelegateExecution, R> recordOf;
  private final IdentityService identityService;

  /**
   * @param recordOf the record of the task's instance, e.g. {@code designations::ofInstance}; it throws
   *     when the instance is not the record's
   */
  protected FormCompletionListener(Function<DelegateExecution, R> recordOf, IdentityService identityService) {
    this.recordOf = recordOf;
    this.identityService = identityService;
  }

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      cancelled(execution);
      return;
    }
    FormValidation.checkCompletion(execution,
        () -> completed(recordOf.apply(execution), new CompletedTask(execution, identityService)));
  }

  /** The person completed the task: read the form, call the service, set what comes next. */
  protected abstract void completed(R record, CompletedTask task);

  /** The task ended without a submission (an interrupting event, a deleted instance); nothing by default. */
  protected void cancelled(DelegateExecution execution) {
  }
}
