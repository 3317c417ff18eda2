package gov.qsmo.workflow.process;

import gov.qsmo.workflow.shared.AdvisoryLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the application adds to the engine's tables (docs/adr/0012), created once the engine has
 * created or updated its schema, if missing. Named {@code qsmo_*} so that no engine upgrade script
 * collides with them.
 *
 * <p>Every task completion looks for the task's subtasks ({@code select * from ACT_RU_TASK where
 * PARENT_TASK_ID_ = ?}); Camunda 7.24 has no index on that column, so completions slow down as open
 * tasks pile up (60 ms each at 100,000 open tasks, docs/performance.md).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  static final String TASK_PARENT_INDEX = "qsmo_act_ru_task_parent_task_idx";

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

  private final DataSource dataSource;
  private final AdvisoryLock startupLock;

  EngineIndexes(DataSource dataSource, AdvisoryLock startupLock) {
    this.dataSource = dataSource;
    this.startupLock = startupLock;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startupLock.runExclusively(this::create);
  }

  void create() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        statement.execute("create index if not exists " + TASK_PARENT_INDEX + " on act_ru_task (parent_task_id_)");
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      // A database whose engine schema is managed by hand (and an account without the right): the
      // application works without the index, only slower with many open tasks.
      log.warn("Could not create the index {} on ACT_RU_TASK(PARENT_TASK_ID_): {}. Create it by hand: "
          + "create index {} on act_ru_task (parent_task_id_)", TASK_PARENT_INDEX, e.getMessage(), TASK_PARENT_INDEX);
    }
  }
}
