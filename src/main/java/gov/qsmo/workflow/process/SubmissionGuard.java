package gov.qsmo.workflow.process;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a person may write into a process, decided in one place for every process the engine runs
 * (docs/adr/0013). Camunda writes every variable of a form submission onto the process, whatever the
 * form shows; this guard sits in front of every engine command that the REST API, Tasklist and the
 * application's own code issue, before the command's transaction begins, so a refused request changes
 * nothing:
 * <ul>
 *   <li>A task completion ({@code submit-form}, {@code complete}, {@code resolve}, the Java API) may carry
 *   only the editable fields of the task's deployed Camunda Form (a read-only field only unchanged);
 *   anything else is answered 400 naming the field.</li>
 *   <li>A process start may carry only the fields of its start form; a process without one takes no
 *   variables from a signed-in user other than an administrator.</li>
 *   <li>Setting or removing variables directly (task, execution and process-instance variables, in a
 *   batch), starting a process at another activity than its start or by a start condition, modifying a
 *   running instance, ending a task with a BPMN error or escalation, and messages or signals that carry
 *   variables are for administrators only (403 for anyone else).</li>
 * </ul>
 * Only the outermost command is checked: what the engine, a listener or a delegate does within a
 * command is the process's own work. Calls without a signed-in user are the application itself
 * (timers, continuations, set-up); they are held to the forms as well, except for the direct writes.
 */
@Component
class SubmissionGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // One instance per chain: an interceptor knows the next one of its own chain.
    Map<String, FormFields> forms = new ConcurrentHashMap<>();
    configuration.setCustomPreCommandInterceptorsTxRequired(EngineLists.with(
        configuration.getCustomPreCommandInterceptorsTxRequired(), new Interceptor(configuration, forms)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(EngineLists.with(
        configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Interceptor(configuration, forms)));
  }

  static final class Interceptor extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    /** Form fields per process definition and activity: deployed definitions and forms never change. */
    private final Map<String, FormFields> forms;

    Interceptor(ProcessEngineConfigurationImpl configuration, Map<String, FormFields> forms) {
      this.configuration = configuration;
      this.forms = forms;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() == null) {
        check(command);
      }
      return next.execute(command);
    }

    private void check(Command<?> command) {
      if (command instanceof SubmitTaskFormCmd) {
        checkTaskSubmission((String) EngineFields.read(command, "taskId"),
            EngineFields.read(command, "properties"));
      } else if (command instanceof CompleteTaskCmd) {
        // Also ResolveTaskCmd, its subclass.
        checkTaskSubmission((String) EngineFields.read(command, "taskId"), EngineFields.read(command, "variables"));
      } else if (command instanceof SubmitStartFormCmd) {
        checkStart((String) EngineFields.read(command, "processDefinitionId"), null, null,
            EngineFields.read(command, "variables"));
      } else if (command instanceof StartProcessInstanceCmd) {
        ProcessInstantiationBuilderImpl start =
            (ProcessInstantiationBuilderImpl) EngineFields.read(command, "instantiationBuilder");
        checkStart(start.getProcessDefinitionId(), start.getProcessDefinitionKey(),
            start.getProcessDefinitionTenantId(), start.getVariables());
      } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
        adminOnly("A process starts at its start event: only administrators may start one at another activity.");
      } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
          || command instanceof AbstractPatchVariablesCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
        adminOnly("Variables change only through a task's form: submit the form of your task "
            + "(POST /task/{id}/submit-form). Only administrators may set or remove variables directly.");
      } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
        // Uncaught, a task's BPMN error ends its branch without the form's rules: no step here catches one.
        adminOnly("A task ends when its form is submitted: only administrators may end one with a BPMN error "
            + "or escalation.");
      } else if (command instanceof EvaluateStartConditionCmd) {
        adminOnly("Only administrators may start processes by evaluating start conditions.");
      } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
          || command instanceof ProcessInstanceModificationBatchCmd) {
        adminOnly("Only administrators may move a running process to other activities.");
      } else if (carriesVariables(command)) {
        adminOnly("Only administrators may send a message or signal that carries variables; send it without them.");
      }
    }

    private void checkTaskSubmission(String taskId, Object submitted) {
      if (!(submitted instanceof Map<?, ?> values) || values.isEmpty() || taskId == null) {
        return;
      }
      Task task = privileged(() -> taskService().createTaskQuery().taskId(taskId).singleResult());
      if (task == null) {
        // Not open: the engine answers as it does for any missing task.
        return;
      }
      FormFields form = forms.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
          key -> taskForm(taskId));
      for (String name : new TreeSet<>(names(values))) {
        if (form.editable().contains(name)) {
          continue;
        }
        if (form.readOnly().containsKey(name)) {
          Object shown = privileged(() -> taskService().getVariable(taskId, name));
          if (Objects.equals(String.valueOf(shown), String.valueOf(values.get(name)))) {
            continue;
          }
          throw refused(name, "'" + name + "' is read-only on this form and cannot be changed.");
        }
        boolean processVariable = privileged(() -> taskService().getVariables(taskId).containsKey(name));
        throw refused(name, processVariable
            ? "'" + name + "' is set by the process and cannot be changed by a form" + fieldsOf(form)
            : "'" + name + "' is not a field of this form; remove it" + fieldsOf(form));
      }
    }

    private void checkStart(String definitionId, String definitionKey, String tenantId, Object submitted) {
      if (!(submitted instanceof Map<?, ?> values) || values.isEmpty()) {
        return;
      }
      String id = definitionId != null ? definitionId : latest(definitionKey, tenantId);
      if (id == null) {
        // Unknown process: the engine answers as it does.
        return;
      }
      FormFields form = forms.computeIfAbsent(id + "#start", key -> startForm(id));
      for (String name : new TreeSet<>(names(values))) {
        if (form.editable().contains(name)) {
          continue;
        }
        if (form.readOnly().containsKey(name)
            && Objects.equals(String.valueOf(form.readOnly().get(name)), String.valueOf(values.get(name)))) {
          continue;
        }
        if (form == FormFields.NONE && !signedInUser()) {
          // The application's own start of a form-less process (set-up, a benchmark's bare process).
          return;
        }
        throw refused(name, form == FormFields.NONE
            ? "'" + name + "' cannot be set: this process has no start form, so it starts without variables."
            : form.readOnly().containsKey(name) ? "'" + name + "' is read-only on this form and cannot be changed."
            : "'" + name + "' is not a field of this form; remove it" + fieldsOf(form));
      }
    }

    private FormFields taskForm(String taskId) {
      return privileged(() -> {
        FormData data = formService().getTaskFormData(taskId);
        return hasForm(data) ? FormFields.parse(formService().getDeployedTaskForm(taskId)) : FormFields.NONE;
      });
    }

    private FormFields startForm(String definitionId) {
      return privileged(() -> {
        FormData data = formService().getStartFormData(definitionId);
        return hasForm(data) ? FormFields.parse(formService().getDeployedStartForm(definitionId)) : FormFields.NONE;
      });
    }

    private static boolean hasForm(FormData data) {
      return data != null && (data.getCamundaFormRef() != null || data.getFormKey() != null);
    }

    private String latest(String key, String tenantId) {
      if (key == null) {
        return null;
      }
      return privileged(() -> {
        ProcessDefinitionQuery query = repositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
            .latestVersion();
        ProcessDefinition definition = (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId))
            .singleResult();
        return definition == null ? null : definition.getId();
      });
    }

    private static boolean carriesVariables(Command<?> command) {
      if (command instanceof AbstractCorrelateMessageCmd) {
        MessageCorrelationBuilderImpl message = (MessageCorrelationBuilderImpl) EngineFields.read(command, "builder");
        return notEmpty(message.getPayloadProcessInstanceVariables())
            || notEmpty(message.getPayloadProcessInstanceVariablesLocal())
            || notEmpty(message.getPayloadProcessInstanceVariablesToTriggeredScope());
      }
      if (command instanceof SignalEventReceivedCmd) {
        return notEmpty(((SignalEventReceivedBuilderImpl) EngineFields.read(command, "builder")).getVariables());
      }
      if (command instanceof MessageEventReceivedCmd) {
        return notEmpty((Map<?, ?>) EngineFields.read(command, "processVariables"))
            || notEmpty((Map<?, ?>) EngineFields.read(command, "processVariablesLocal"))
            || notEmpty((Map<?, ?>) EngineFields.read(command, "processVariablesToTriggeredScope"));
      }
      if (command instanceof SignalCmd) {
        return notEmpty((Map<?, ?>) EngineFields.read(command, "processVariables"));
      }
      return false;
    }

    private void adminOnly(String message) {
      Authentication caller = identityService().getCurrentAuthentication();
      if (caller != null && !administrator(caller)) {
        throw new AuthorizationException(message);
      }
    }

    private boolean signedInUser() {
      return identityService().getCurrentAuthentication() != null;
    }

    private boolean administrator(Authentication caller) {
      List<String> adminUsers = configuration.getAdminUsers();
      List<String> adminGroups = configuration.getAdminGroups();
      if (adminUsers != null && adminUsers.contains(caller.getUserId())) {
        return true;
      }
      return adminGroups != null && caller.getGroupIds() != null
          && caller.getGroupIds().stream().anyMatch(adminGroups::contains);
    }

    private static FormFieldValidationException refused(String field, String message) {
      return new FormFieldValidationException(field, message);
    }

    private static String fieldsOf(FormFields form) {
      return form.editable().isEmpty() ? "." : ". The form's fields are: " + String.join(", ", form.editable()) + ".";
    }

    private static List<String> names(Map<?, ?> values) {
      return values.keySet().stream().map(String::valueOf).toList();
    }

    private static boolean notEmpty(Map<?, ?> map) {
      return map != null && !map.isEmpty();
    }

    private <T> T privileged(java.util.function.Supplier<T> call) {
      return Privileged.run(identityService(), call);
    }

    private TaskService taskService() {
      return configuration.getTaskService();
    }

    private FormService formService() {
      return configuration.getFormService();
    }

    private RepositoryService repositoryService() {
      return configuration.getRepositoryService();
    }

    private IdentityService identityService() {
      return configuration.getIdentityService();
    }
  }
}
