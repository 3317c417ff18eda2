package gov.qsmo.workflow.designation.assessment;

import gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.ProcessAccess;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.EscalationPaths;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who works on an assessment: the QSMO's directors submit (candidates of their task, by group), board members vote on
 * their own task (by name), chairs consolidate or extend, OMB's deciders decide; all of them read the model, OMB and
 * auditors its history. Nobody starts it from Tasklist: the application does, at the anniversary or when OMB orders
 * one (the "Change a designation" form or the API). Overdue steps go to whoever can unblock them.
 */
@Component
@Order(6)
class AssessmentAccess implements ProcessAccess, EscalationPaths {

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    for (String role : new String[] {Roles.QSMO_DIRECTORS, Roles.SSGB_MEMBERS, Roles.SSGB_CHAIRS}) {
      identity.grant(role, Resources.PROCESS_DEFINITION, AssessmentProcess.KEY, Permissions.READ);
    }
    for (String role : new String[] {Roles.OMB_DECIDERS, Roles.AUDITORS}) {
      identity.grant(role, Resources.PROCESS_DEFINITION, AssessmentProcess.KEY, Permissions.READ,
          Permissions.READ_HISTORY);
    }
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of(
        new TasklistFilter("Assessments to submit", "My QSMO's annual or ordered assessment", -19, "#2e8540",
            taskService.createTaskQuery()
                .processDefinitionKey(AssessmentProcess.KEY)
                .taskDefinitionKey(Elements.TASK_SUBMIT_ASSESSMENT)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(),
            List.of(Roles.QSMO_DIRECTORS)),
        new TasklistFilter("Assessments to review", "QSMO assessments waiting for my vote", -19, "#205493",
            taskService.createTaskQuery()
                .processDefinitionKey(AssessmentProcess.KEY)
                .taskDefinitionKey(Elements.TASK_REVIEW_ASSESSMENT)
                .taskAssigneeExpression("${currentUser()}"),
            List.of(Roles.SSGB_MEMBERS, Roles.SSGB_CHAIRS)),
        new TasklistFilter("Assessment reviews to consolidate", "Assessment reviews to consolidate, and reviews "
            + "without a quorum", -14, "#4a77b4",
            taskService.createTaskQuery()
                .processDefinitionKey(AssessmentProcess.KEY)
                .taskDefinitionKeyIn(Elements.TASK_CONSOLIDATE_REVIEW, Elements.TASK_EXTEND_OR_ESCALATE_REVIEW)
                .taskCandidateGroup(Roles.SSGB_CHAIRS)
                .includeAssignedTasks(),
            List.of(Roles.SSGB_CHAIRS)),
        new TasklistFilter("Assessments to decide", "QSMO assessments the board has reviewed: continue, corrective "
            + "actions, redesignate or rescind", -19, "#981b1e",
            taskService.createTaskQuery()
                .processDefinitionKey(AssessmentProcess.KEY)
                .taskDefinitionKey(Elements.TASK_DECIDE_ASSESSMENT)
                .taskCandidateGroup(Roles.OMB_DECIDERS)
                .includeAssignedTasks(),
            List.of(Roles.OMB_DECIDERS)));
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of(new FilterColumn(AssessmentProcess.Variables.ASSESSMENT_ID, "Assessment"));
  }

  @Override
  public Optional<Resolvers> resolversOf(OverdueTask task) {
    if (!AssessmentProcess.KEY.equals(task.processDefinitionKey())) {
      return Optional.empty();
    }
    return Optional.of(switch (task.taskDefinitionKey()) {
      case Elements.TASK_REVIEW_ASSESSMENT -> Resolvers.group(Roles.SSGB_CHAIRS);
      case Elements.TASK_SUBMIT_ASSESSMENT, Elements.TASK_CONSOLIDATE_REVIEW, Elements.TASK_EXTEND_OR_ESCALATE_REVIEW
          -> Resolvers.group(Roles.OMB_DECIDERS);
      default -> Resolvers.none();
    });
  }
}
