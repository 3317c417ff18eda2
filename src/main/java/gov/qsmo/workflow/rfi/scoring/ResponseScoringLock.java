package gov.qsmo.workflow.rfi.scoring;

import gov.qsmo.workflow.process.EngineFields;
import gov.qsmo.workflow.process.EngineLists;
import gov.qsmo.workflow.rfi.RfiProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The reviewers of one response complete their scoring tasks one after the other (docs/adr/0029): a completion
 * of a task in an {@code rfi-response-scoring} instance first locks that instance's row
 * ({@code select ... for update}), in the command's own transaction and before the engine reads any of the
 * instance's executions. A second reviewer of the same response waits for the first to commit and then reads
 * the multi-instance's counters as the first left them, so the join runs within the completion and needs no
 * asynchronous continuation; reviewers of different responses never wait for each other.
 *
 * <p>The same completion's form values are made transient (docs/adr/0033) where no variable of the task's
 * scopes holds their name (the model has no input mappings for them): {@link ScoreSubmittedListener} records them
 * as the score sheet in the same transaction, and the engine keeps no variable of them, so no other reviewer can
 * read them and a response's scores cost no variable rows. Scoring instances of earlier models have their input
 * mappings, which hold the names, and keep their values as they did. A delegated task handed back with values
 * that would be transient is refused: nothing would record them.
 */
@Component
class ResponseScoringLock extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String sql = "select e.ID_ from " + configuration.getDatabaseTablePrefix() + "ACT_RU_EXECUTION e join "
        + configuration.getDatabaseTablePrefix() + "ACT_RU_TASK t on t.PROC_INST_ID_ = e.ID_ "
        + "where t.ID_ = ? and t.PROC_DEF_ID_ like ? for update of e";
    // After the engine's own interceptors: inside the command's transaction and command context.
    configuration.setCustomPostCommandInterceptorsTxRequired(
        EngineLists.with(configuration.getCustomPostCommandInterceptorsTxRequired(), new Interceptor(sql)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        EngineLists.with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Interceptor(sql)));
  }

  static final class Interceptor extends CommandInterceptor {

    private final String sql;

    Interceptor(String sql) {
      this.sql = sql;
    }

    @Override
    public <T> T execute(Command<T> command) {
      // A completion, or a delegated task's resolution, which also writes the form's values.
      String field = command instanceof SubmitTaskFormCmd ? "properties"
          : command instanceof CompleteTaskCmd || command instanceof ResolveTaskCmd ? "variables" : null;
      if (field != null && EngineFields.read(command, "taskId") instanceof String id && lockScoringInstanceOf(id)
          && EngineFields.read(command, field) instanceof Map<?, ?> values && !values.isEmpty()) {
        // Read into the command's cache, where the command itself finds the task and its variables next.
        TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(id);
        if (task != null) {
          boolean handedBack = command instanceof ResolveTaskCmd
              || task.getDelegationState() == DelegationState.PENDING;
          EngineFields.write(command, field, TransientValues.of(values, name -> !task.hasVariable(name), handedBack));
        }
      }
      return next.execute(command);
    }

    /**
     * Locks the scoring instance the task belongs to and answers true; a task of any other process locks nothing
     * (false).
     */
    private boolean lockScoringInstanceOf(String taskId) {
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement lock = connection.prepareStatement(sql)) {
        lock.setString(1, taskId);
        lock.setString(2, RfiProcess.SCORING_KEY + ":%");
        try (ResultSet row = lock.executeQuery()) {
          return row.next();
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not lock the scoring instance of task " + taskId + ".", e);
      }
    }
  }
}
