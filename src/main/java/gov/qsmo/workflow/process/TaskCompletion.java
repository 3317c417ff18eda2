package gov.qsmo.workflow.process;

import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An API call that does what a person does in Tasklist: completes a user task as that person, with Camunda's
 * authorizations and the task's own listeners (which hold the rules). What the engine refuses comes back as the
 * API's refusals: a form check as 400 on its field (409 when it is about where the record stands), a task claimed by
 * someone else or changed at the same moment as 409, a task the caller may not work on as 403.
 */
@Component
public class TaskCompletion {

  private final TaskService taskService;
  private final IdentityService identityService;

  public TaskCompletion(TaskService taskService, IdentityService identityService) {
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /**
   * The instance's open task of this kind, read as the application (the caller may not see it yet: the check that
   * they may work on it is the completion's), or null when the instance has none or there is no instance.
   */
  public Task openTask(String processInstanceId, String taskDefinitionKey) {
    return processInstanceId == null ? null : Privileged.run(identityService, () -> taskService.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).singleResult());
  }

  /**
   * Claims the task for {@code userId} when nobody has, then completes it with {@code variables}, in one
   * transaction: a refused completion leaves the task unclaimed, as it was.
   *
   * @param what the task in words, for the messages ("The plan of designation DSG-1")
   * @param fieldOf the API's name for a form field a check refused (a plan section is sections.key)
   */
  @Transactional
  public void completeAs(Task task, String userId, Collection<String> groups, Map<String, Object> variables,
      String what, UnaryOperator<String> fieldOf) {
    if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
      throw new ConflictException(what + " is claimed by " + task.getAssignee()
          + " in Tasklist; they submit it there or unclaim it first.");
    }
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, List.copyOf(groups));
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), userId);
      }
      taskService.complete(task.getId(), variables);
    } catch (FormFieldValidationException e) {
      Object detail = e.getDetail();
      String field = detail == null ? null : detail.toString();
      if ("state".equals(field)) {
        throw new ConflictException(e.getMessage());
      }
      throw new InvalidRequestException(field == null ? null : fieldOf.apply(field), e.getMessage());
    } catch (OptimisticLockingException | TaskAlreadyClaimedException | NullValueException e) {
      throw new ConflictException(what + " changed at the same moment (submitted twice?); read it again, and try "
          + "again if yours is not there.");
    } catch (AuthorizationException e) {
      throw new AccessDeniedException(e.getMessage());
    } finally {
      if (previous != null) {
        identityService.setAuthentication(previous);
      } else {
        identityService.clearAuthentication();
      }
    }
  }
}
