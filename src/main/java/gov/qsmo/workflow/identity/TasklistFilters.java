package gov.qsmo.workflow.identity;

import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.rfi.RfiProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filters of every role at start-up, so that a new user sees their work at
 * once (a role's own filter comes first), and lets each role read only its own filters. Existing
 * filters are brought up to date.
 */
@Component
class TasklistFilters {

  static final String OMB_DECISIONS = "OMB decisions";
  /** Filters of earlier releases, removed at start-up. */
  private static final List<String> RETIRED = List.of("Pre-designation decisions");

  private record Spec(String name, String description, int priority, String color, TaskQuery query,
      List<String> readers) {
  }

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentitySetup identity;
  private final StartupLock startupLock;

  TasklistFilters(FilterService filterService, TaskService taskService, IdentitySetup identity,
      StartupLock startupLock) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identity = identity;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void onReady() {
    startupLock.runExclusively(this::createFilters);
  }

  void createFilters() {
    for (String retired : RETIRED) {
      filterService.createFilterQuery().filterName(retired).list().forEach(f -> filterService.deleteFilter(f.getId()));
    }
    for (Spec spec : specs()) {
      Filter filter = filterService.createFilterQuery().filterName(spec.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(spec.name());
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", spec.description());
      properties.put("priority", spec.priority());
      properties.put("color", spec.color());
      properties.put("refresh", true);
      properties.put("variables", List.of(
          Map.of("name", DesignationProcess.Variables.DESIGNATION_ID, "label", "Designation"),
          Map.of("name", DesignationProcess.Variables.FUNCTIONAL_AREA_CODE, "label", "Area"),
          Map.of("name", RfiProcess.Variables.RFI_ID, "label", "RFI"),
          Map.of("name", DesignationProcess.Variables.AGENCY_CODE, "label", "Agency")));
      filter.setProperties(properties);
      filter.setQuery(spec.query());
      filter = filterService.saveFilter(filter);
      for (String reader : spec.readers()) {
        identity.grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private List<Spec> specs() {
    List<String> everyone = Roles.ALL;
    return List.of(
        new Spec("My tasks", "Tasks assigned to me", -10, "#1f5fa8",
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone),
        new Spec("My groups' tasks", "Unclaimed tasks for any group I belong to", -5, "#2e8540",
            taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), everyone),
        new Spec(OMB_DECISIONS, "Designations waiting for OMB: pre-designations, overdue plans, designation decisions", -20,
            "#981b1e",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKeyIn(DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE,
                    DesignationProcess.Elements.TASK_RESOLVE_OVERDUE_PLAN,
                    DesignationProcess.Elements.TASK_DECIDE_DESIGNATION)
                .taskCandidateGroup(Roles.OMB_DECIDERS)
                .includeAssignedTasks(),
            List.of(Roles.OMB_DECIDERS)),
        new Spec("Marketplace plans to prepare", "Marketplace Implementation Plans my agency owes", -20, "#4c2c92",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKey(DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(),
            List.of(Roles.QSMO_DIRECTORS)),
        new Spec("Plans to review", "Marketplace Implementation Plans waiting for my vote", -20, "#205493",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKey(DesignationProcess.Elements.TASK_REVIEW_PLAN)
                .taskAssigneeExpression("${currentUser()}"),
            List.of(Roles.SSGB_MEMBERS, Roles.SSGB_CHAIRS)),
        new Spec("Board chair decisions", "Recommendations to consolidate, and reviews without a quorum", -15,
            "#4a77b4",
            taskService.createTaskQuery()
                .processDefinitionKey(DesignationProcess.KEY)
                .taskDefinitionKeyIn(DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION,
                    DesignationProcess.Elements.TASK_EXTEND_OR_ESCALATE_REVIEW)
                .taskCandidateGroup(Roles.SSGB_CHAIRS)
                .includeAssignedTasks(),
            List.of(Roles.SSGB_CHAIRS)),
        new Spec("RFI evaluation plans and reports", "RFI evaluation plans and reports my agency approves", -18,
            "#4c2c92",
            taskService.createTaskQuery()
                .processDefinitionKey(RfiProcess.KEY)
                .taskDefinitionKeyIn(RfiProcess.Elements.TASK_APPROVE_PLAN, RfiProcess.Elements.TASK_REVISE_PLAN,
                    RfiProcess.Elements.TASK_APPROVE_REPORT)
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(),
            List.of(Roles.QSMO_DIRECTORS, Roles.CONTRACTING_OFFICERS)),
        new Spec("RFI screening", "Responses to screen after an RFI closed", -20, "#981b1e",
            taskService.createTaskQuery()
                .processDefinitionKey(RfiProcess.KEY)
                .taskDefinitionKey(RfiProcess.Elements.TASK_CONFIRM_SCREENING)
                .taskCandidateGroup(Roles.CONTRACTING_OFFICERS)
                .includeAssignedTasks(),
            List.of(Roles.CONTRACTING_OFFICERS)),
        new Spec("RFI panel", "Panel, reviewers, missing scores and consensus of the RFIs I chair", -20, "#205493",
            taskService.createTaskQuery()
                .processDefinitionKey(RfiProcess.KEY)
                .taskDefinitionKeyIn(RfiProcess.Elements.TASK_FORM_PANEL, RfiProcess.Elements.TASK_REASSIGN_REVIEWERS,
                    RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES, RfiProcess.Elements.TASK_HOLD_CONSENSUS,
                    RfiProcess.Elements.TASK_SIGN_ATTESTATION)
                .taskAssigneeExpression("${currentUser()}"),
            List.of(Roles.RFI_PANEL_CHAIRS)),
        new Spec("RFI responses to score", "My attestations and the responses assigned to me", -20, "#2e8540",
            // Attestations are in the RFI's instance, scoring tasks in each response's scoring instance.
            taskService.createTaskQuery()
                .processDefinitionKeyIn(RfiProcess.KEY, RfiProcess.SCORING_KEY)
                .taskDefinitionKeyIn(RfiProcess.Elements.TASK_SIGN_ATTESTATION, RfiProcess.Elements.TASK_SCORE_RESPONSE)
                .taskAssigneeExpression("${currentUser()}"),
            List.of(Roles.RFI_REVIEWERS)),
        new Spec("All open tasks (audit)", "Every open task, read-only", 10, "#5b616b",
            taskService.createTaskQuery(), List.of(Roles.AUDITORS, Roles.CAMUNDA_ADMIN)));
  }
}
