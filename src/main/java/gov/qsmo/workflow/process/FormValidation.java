package gov.qsmo.workflow.process;

import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Runs a rule from an execution listener and reports a broken rule the way Camunda reports a form
 * validation failure: REST {@code submit-form} and {@code complete} answer 400 with the message,
 * Tasklist shows it on the form, and the whole submission is rolled back.
 */
public final class FormValidation {

  private FormValidation() {
  }

  /**
   * Runs the rule when a user task was completed, not when it ends because it was cancelled (an
   * interrupting event, a deleted instance): cancelling must never be blocked by a form check.
   */
  public static void checkCompletion(DelegateExecution execution, Runnable rule) {
    if (!execution.isCanceled()) {
      java.util.Map<String, Object> submitted = execution.getVariables();
      check(() -> {
        rule.run();
        // A value the rule did not read (a field of another choice) still goes into the history: it must fit.
        Inputs.storableValues(submitted, java.util.Set.of());
      });
    }
  }

  public static void check(Runnable rule) {
    try {
      rule.run();
    } catch (InvalidRequestException e) {
      throw new FormFieldValidationException(e.field(), e.getMessage());
    } catch (ConflictException | NotFoundException e) {
      throw new FormFieldValidationException("state", e.getMessage());
    } catch (gov.qsmo.workflow.shared.ForbiddenException e) {
      // Someone who may not do this: the engine's own refusal (403 over REST), with the application's reason.
      throw new org.camunda.bpm.engine.AuthorizationException(e.getMessage());
    }
  }
}
