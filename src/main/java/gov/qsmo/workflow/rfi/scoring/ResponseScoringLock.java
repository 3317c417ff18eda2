package gov.qsmo.workflow.rfi.scoring;

import gov.qsmo.workflow.process.EngineFields;
import gov.qsmo.workflow.process.EngineLists;
import gov.qsmo.workflow.rfi.RfiProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The reviewers of one response complete their scoring tasks one after the other (docs/adr/0029): a completion
 * of a task in an {@code rfi-response-scoring} instance first locks that instance's row
 * ({@code select ... for update}), in the command's own transaction and before the engine reads any of the
 * instance's executions. A second reviewer of the same response waits for the first to commit and then reads
 * the multi-instance's counters as the first left them, so the join runs within the completion and needs no
 * asynchronous continuation; reviewers of different responses never wait for each other.
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
      if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
        Object taskId = EngineFields.read(command, "taskId");
        if (taskId instanceof String id) {
          lockScoringInstanceOf(id);
        }
      }
      return next.execute(command);
    }

    /** Locks the scoring instance the task belongs to; a task of any other process locks nothing. */
    private void lockScoringInstanceOf(String taskId) {
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement lock = connection.prepareStatement(sql)) {
        lock.setString(1, taskId);
        lock.setString(2, RfiProcess.SCORING_KEY + ":%");
        lock.executeQuery().close();
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not lock the scoring instance of task " + taskId + ".", e);
      }
    }
  }
}
