package gov.qsmo.workflow.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time run its start-up set-up (groups, authorizations, filters, demo data) when
 * several nodes start together on one database: a PostgreSQL advisory lock held on a connection of
 * its own while the set-up runs.
 */
@Component
public class StartupLock {

  /** An arbitrary key, the same on every node. */
  private static final long KEY = 0x51534d4f_57464c4fL;

  private final DataSource dataSource;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void runExclusively(Runnable work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      execute(connection, "select pg_advisory_lock(?)");
      try {
        work.run();
      } finally {
        execute(connection, "select pg_advisory_unlock(?)");
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not take the start-up lock", e);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      statement.execute();
    }
  }
}
