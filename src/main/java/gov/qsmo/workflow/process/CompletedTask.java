package gov.qsmo.workflow.process;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The user task a person just completed, as a {@link FormCompletionListener} reads it: the submitted
 * form's values, who submitted it, and the process variables the listener sets in return.
 */
public final class CompletedTask {

  private final DelegateExecution execution;
  private final IdentityService identityService;

  CompletedTask(DelegateExecution execution, IdentityService identityService) {
    this.execution = execution;
    this.identityService = identityService;
  }

  /** Every variable the task sees: the form's values and the process's. */
  public Map<String, Object> values() {
    return execution.getVariables();
  }

  /** The form's values when the form writes them to the task's own execution (multi-instance tasks). */
  public Map<String, Object> localValues() {
    return execution.getVariablesLocal();
  }

  /** Who completed the task. */
  public Caller caller() {
    return Caller.current(identityService);
  }

  /** Sets a variable where the task's form put its values (the instance, unless the task is multi-instance). */
  public void set(String name, Object value) {
    execution.setVariable(name, value);
  }

  /** Sets a variable of the process instance itself, for the gateways and timers after the task. */
  public void setOnInstance(String name, Object value) {
    execution.getProcessInstance().setVariable(name, value);
  }

  /** Forgets form fields that are now on record, so they do not linger in the instance. */
  public void remove(String... names) {
    for (String name : names) {
      execution.removeVariable(name);
    }
  }

  public DelegateExecution execution() {
    return execution;
  }
}
