package gov.qsmo.workflow.designation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Designated QSMOs as records only (no process), for tests of what follows designation: conditions, transitions,
 * the marketplace. And a task completed as a user with their groups, as Tasklist would.
 */
public final class TestDesignations {

  private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L);

  private TestDesignations() {
  }

  /**
   * A QSMO of this area and agency, designated today with its scope as version 1; when {@code supersedes} is given,
   * that designation becomes SUPERSEDED by this one. Returns the new id (DSG-T...).
   */
  public static String designated(JdbcTemplate jdbc, String area, String agency, String supersedes) {
    String id = "DSG-T" + NEXT.incrementAndGet();
    jdbc.update("""
        insert into qsmo.designation (id, functional_area_code, agency_code, scope, plan_due_date, status, created_by,
            created_at, updated_at, designated_scope, effective_date, designated_plan_version, supersedes_id)
        values (?, ?, ?, 'Test designation.', current_date, 'DESIGNATED', 'test', now(), now(), 'Test scope.',
            current_date, 1, ?)""", id, area, agency, supersedes);
    jdbc.update("""
        insert into qsmo.designation_scope_version (designation_id, version, scope, changed_by, changed_at, reason)
        values (?, 1, 'Test scope.', 'test', now(), 'The scope designated.')""", id);
    if (supersedes != null) {
      jdbc.update("update qsmo.designation set status = 'SUPERSEDED', superseded_by_id = ? where id = ?", id,
          supersedes);
    }
    return id;
  }

  /** Completes the task as this user with their groups (Camunda's authorizations and the form's checks apply). */
  public static void completeAs(IdentityService identityService, TaskService taskService, String user, String taskId,
      Map<String, Object> values) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(taskId, new HashMap<>(values));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
