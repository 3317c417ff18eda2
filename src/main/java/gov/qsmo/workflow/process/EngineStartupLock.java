package gov.qsmo.workflow.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time build its process engine when several nodes start together on one
 * database. Building the engine creates or updates the engine's tables ({@code schema-update}): it
 * looks for them, then creates what is missing, so two nodes starting on an empty database both
 * find nothing and one of them fails on the other's tables and does not start. A PostgreSQL advisory
 * lock, taken before the engine is configured and released once it is built (on a connection of its
 * own), makes the second node wait and then find the tables in place.
 */
@Component
class EngineStartupLock extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineStartupLock.class);

  /** An arbitrary key, the same on every node; not the one of the identity and demo set-up. */
  private static final long KEY = 0x51534d4f_454e4731L;

  private final DataSource dataSource;
  private Connection held;

  EngineStartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      held = dataSource.getConnection();
      held.setAutoCommit(true);
      long start = System.nanoTime();
      execute("select pg_advisory_lock(?)");
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      if (waitedMillis > 1000) {
        log.info("Waited {} ms for another node to build its process engine", waitedMillis);
      }
    } catch (SQLException e) {
      release();
      throw new DataAccessResourceFailureException("Could not take the engine start-up lock", e);
    }
  }

  @Override
  public synchronized void postProcessEngineBuild(ProcessEngine processEngine) {
    release();
  }

  private void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      execute("select pg_advisory_unlock(?)");
    } catch (SQLException e) {
      // A connection that fails here is broken: the pool discards it, and its session and lock end.
      log.warn("Could not release the engine start-up lock cleanly: {}", e.getMessage());
    } finally {
      held = null;
    }
  }

  private void execute(String sql) throws SQLException {
    try (PreparedStatement statement = held.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      statement.execute();
    }
  }
}
