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

  /** Refuses a submission holding a key the form does not have (Camunda would store it on the process). */
  public static void refuseUnknownKeys(java.util.Map<String, Object> values, java.util.Set<String> allowed) {
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw new InvalidRequestException(key, "'" + key + "' is not a field of this form; remove it.");
      }
    }
  }

  /** The values a form has no field for: the process's own, which a submission may only leave as they are. */
  public static java.util.Map<String, Object> notFormFields(java.util.Map<String, Object> values,
      java.util.Set<String> formKeys) {
    java.util.Map<String, Object> kept = new java.util.HashMap<>(values);
    kept.keySet().removeAll(formKeys);
    return kept;
  }

  /** Refuses a submission that changed a variable the process keeps. */
  public static void unchanged(java.util.Map<String, Object> values, String key, String expected) {
    if (!java.util.Objects.equals(values.get(key), expected)) {
      throw new InvalidRequestException(key, "'" + key + "' is set by the process and cannot be changed by a form.");
    }
  }

  public static void check(Runnable rule) {
    try {
      rule.run();
    } catch (InvalidRequestException e) {
      throw new FormFieldValidationException(e.field(), e.getMessage());
    } catch (ConflictException | NotFoundException e) {
      throw new FormFieldValidationException("state", e.getMessage());
    }
  }
}
