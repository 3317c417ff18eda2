package gov.qsmo.workflow.identity;

import gov.qsmo.workflow.identity.ProcessAccess.FilterColumn;
import gov.qsmo.workflow.identity.ProcessAccess.TasklistFilter;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.util.ArrayList;
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
 * filters are brought up to date. The filters common to all (my tasks, my groups' tasks, the audit
 * list) are here; each process adds its own ({@link ProcessAccess}).
 */
@Component
class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentitySetup identity;
  private final AdvisoryLock startupLock;
  private final List<ProcessAccess> processes;

  TasklistFilters(FilterService filterService, TaskService taskService, IdentitySetup identity,
      AdvisoryLock startupLock, List<ProcessAccess> processes) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identity = identity;
    this.startupLock = startupLock;
    this.processes = processes;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void onReady() {
    startupLock.runExclusively(this::createFilters);
  }

  void createFilters() {
    for (ProcessAccess process : processes) {
      for (String retired : process.retiredFilters()) {
        filterService.createFilterQuery().filterName(retired).list().forEach(f -> filterService.deleteFilter(f.getId()));
      }
    }
    List<Map<String, String>> columns = columns();
    for (TasklistFilter spec : filters()) {
      Filter filter = filterService.createFilterQuery().filterName(spec.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(spec.name());
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", spec.description());
      properties.put("priority", spec.priority());
      properties.put("color", spec.color());
      properties.put("refresh", true);
      properties.put("variables", columns);
      filter.setProperties(properties);
      filter.setQuery(spec.query());
      filter = filterService.saveFilter(filter);
      for (String reader : spec.readers()) {
        identity.grant(reader, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  /** Every process's columns; one that several name comes once, after those only one names. */
  private List<Map<String, String>> columns() {
    List<FilterColumn> all = processes.stream().flatMap(p -> p.filterColumns().stream()).toList();
    List<Map<String, String>> columns = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      FilterColumn column = all.get(i);
      boolean namedLater = all.subList(i + 1, all.size()).stream().anyMatch(c -> c.variable().equals(column.variable()));
      if (!namedLater) {
        columns.add(Map.of("name", column.variable(), "label", column.label()));
      }
    }
    return columns;
  }

  private List<TasklistFilter> filters() {
    List<String> everyone = Roles.ALL;
    List<TasklistFilter> filters = new ArrayList<>();
    filters.add(new TasklistFilter("My tasks", "Tasks assigned to me", -10, "#1f5fa8",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone));
    filters.add(new TasklistFilter("My groups' tasks", "Unclaimed tasks for any group I belong to", -5, "#2e8540",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), everyone));
    for (ProcessAccess process : processes) {
      filters.addAll(process.tasklistFilters(taskService));
    }
    filters.add(new TasklistFilter("All open tasks (audit)", "Every open task, read-only", 10, "#5b616b",
        taskService.createTaskQuery(), List.of(Roles.AUDITORS, Roles.CAMUNDA_ADMIN)));
    return filters;
  }
}
