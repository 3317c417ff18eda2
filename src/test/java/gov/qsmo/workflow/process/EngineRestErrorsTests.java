package gov.qsmo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** How Camunda's REST API answers requests that met another request at the same moment. */
class EngineRestErrorsTests {

  private final EngineRestErrors.Answers answers = new EngineRestErrors.Answers(null);

  @Test
  void aDeadlockBetweenTwoCompletionsIsAConflictNotAServerError() {
    Response answer = answers.to(persistenceFailure(new SQLException("ERROR: deadlock detected", "40P01")));
    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(answer.getEntity().toString()).contains("Someone else changed this at the same moment");
  }

  @Test
  void aSerializationFailureIsAConflictToo() {
    assertThat(answers.to(persistenceFailure(new SQLException("could not serialize access", "40001"))).getStatus())
        .isEqualTo(409);
  }

  /** A lock another request holds past the database's lock timeout, e.g. a response's scoring lock (ADR 0029). */
  @Test
  void aLockNotGrantedInTimeIsAConflictToo() {
    Response answer = answers.to(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("Could not lock the scoring instance of task 42.",
            new SQLException("ERROR: canceling statement due to lock timeout", "55P03")), "Cannot submit task form"));
    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(answer.getEntity().toString()).contains("try again");
  }

  @Test
  void anyOtherPersistenceFailureStaysAServerError() {
    assertThat(answers.to(persistenceFailure(new SQLException("disk full", "53100"))).getStatus()).isEqualTo(500);
  }

  private static RestException persistenceFailure(SQLException cause) {
    return new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new ProcessEngineException("An exception occurred in the persistence layer.", cause),
        "Cannot submit task form");
  }
}
