package gov.qsmo.workflow.identity;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * What one process adds to the identity set-up: the authorizations its groups need on its model,
 * and its Tasklist filters. Each process module declares one as a bean (ordered with
 * {@code @Order}); the identity set-up applies them all and knows no process itself.
 */
public interface ProcessAccess {

  /** Grants this process's authorizations, through {@link IdentitySetup#grant}. */
  void grantAuthorizations(IdentitySetup identity);

  /** This process's Tasklist filters, created or brought up to date at every start. */
  List<TasklistFilter> tasklistFilters(TaskService taskService);

  /**
   * The process variables every Tasklist filter shows as columns. A variable that several processes
   * name is shown once, after the variables only one process names.
   */
  List<FilterColumn> filterColumns();

  /** Names of this process's filters from earlier releases, removed at start-up. */
  default List<String> retiredFilters() {
    return List.of();
  }

  /** A Tasklist filter: its name, list position and colour, its query, and the groups that may read it. */
  record TasklistFilter(String name, String description, int priority, String color, TaskQuery query,
      List<String> readers) {
  }

  /** A process variable shown as a column of the Tasklist filters. */
  record FilterColumn(String variable, String label) {
  }
}
