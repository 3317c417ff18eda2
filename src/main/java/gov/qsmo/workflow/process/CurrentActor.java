package gov.qsmo.workflow.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting inside a process listener: the authenticated Camunda user, as Tasklist and REST set it. */
@Component
public class CurrentActor {

  /** The actor recorded when no user is authenticated (a timer, a start-up job). */
  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  CurrentActor(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String userId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }

  /** The authenticated user, else the task's assignee, else {@link #SYSTEM}. */
  public String userId(DelegateTask task) {
    String user = userId();
    return SYSTEM.equals(user) && task.getAssignee() != null ? task.getAssignee() : user;
  }
}
