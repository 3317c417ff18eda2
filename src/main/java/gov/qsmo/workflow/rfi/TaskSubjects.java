package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each task of a multi-instance step is about, recorded when the task is created and checked
 * when it is completed. Camunda lets a submission overwrite any variable the task can see, the
 * element variable of its multi-instance too; this record cannot be written from a form.
 */
@Component
public class TaskSubjects {

  private final JdbcClient jdbc;

  TaskSubjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void bind(String executionId, String rfiId, String subject) {
    jdbc.sql("insert into qsmo.rfi_task_subject (execution_id, rfi_id, subject) values (?, ?, ?) "
            + "on conflict (execution_id) do update set subject = excluded.subject")
        .params(executionId, rfiId, subject).update();
  }

  /** Checks that the task of this execution is still about {@code subject}, then forgets it. */
  void requireAndRelease(String executionId, String variable, String subject) {
    String bound = jdbc.sql("select subject from qsmo.rfi_task_subject where execution_id = ?")
        .param(executionId).query(String.class).optional().orElse(null);
    if (bound != null && !Objects.equals(bound, subject)) {
      throw new InvalidRequestException(variable,
          "'" + variable + "' is set by the process and cannot be changed by a form.");
    }
    release(executionId);
  }

  void release(String executionId) {
    jdbc.sql("delete from qsmo.rfi_task_subject where execution_id = ?").param(executionId).update();
  }
}
