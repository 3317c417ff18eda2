package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.process.EngineLists;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process, whatever its model says, gets two more task listeners, after the
 * model's own (which name the task and set its candidates): on <em>create</em> a task nobody is assigned to
 * is offered by e-mail to its candidate users and groups; on <em>assignment</em> the assignee is told,
 * unless they took the task themselves. The listeners only write to the outbox, in the engine's transaction.
 */
@Component
class TaskNotificationPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(TaskNotificationPlugin.class);

  private final ObjectProvider<Notifications> notifications;

  TaskNotificationPlugin(ObjectProvider<Notifications> notifications) {
    this.notifications = notifications;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener listener = this::notify;
    BpmnParseListener addListeners = new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          TaskDefinition definition = behavior.getTaskDefinition();
          definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
          definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        }
      }
    };
    configuration.setCustomPostBPMNParseListeners(
        EngineLists.with(configuration.getCustomPostBPMNParseListeners(), addListeners));
  }

  private void notify(DelegateTask task) {
    Notifications service = notifications.getIfAvailable();
    if (service == null || !service.enabled()) {
      return;
    }
    try {
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        if (task.getAssignee() == null) {
          service.taskOffered(task);
        }
      } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
          && !task.getAssignee().equals(currentUser(task))) {
        service.taskAssigned(task);
      }
    } catch (RuntimeException e) {
      // The step goes on: a message that cannot be written is logged, it never fails the task.
      log.warn("Could not write the e-mail for task {} ({}): {}", task.getId(), task.getEventName(), e.toString());
    }
  }

  private static String currentUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
