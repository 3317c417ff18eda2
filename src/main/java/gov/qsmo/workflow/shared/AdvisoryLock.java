package gov.qsmo.workflow.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time do a piece of start-up work when several nodes start together on one
 * database: a PostgreSQL advisory lock, held on a connection of its own while the work runs. Each
 * kind of work has its own key, the same on every node.
 */
@Component
public class AdvisoryLock {

  /** The start-up set-up: groups, authorizations, filters, engine indexes, history settings, demo data. */
  public static final long STARTUP_SETUP = 0x51534d4f_57464c4fL;

  private final DataSource dataSource;

  AdvisoryLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs the work while holding the start-up set-up lock. */
  public void runExclusively(Runnable work) {
    try (Held held = hold(STARTUP_SETUP)) {
      work.run();
    }
  }

  /** Takes the lock with this key, waiting for another node that holds it; closing releases it. */
  public Held hold(long key) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      long start = System.nanoTime();
      execute(connection, "select pg_advisory_lock(?)", key);
      return new Held(connection, key, autoCommit, (System.nanoTime() - start) / 1_000_000);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DataAccessResourceFailureException("Could not take the advisory lock " + Long.toHexString(key), e);
    }
  }

  /** A lock held on its own connection until closed. */
  public static final class Held implements AutoCloseable {

    private final Connection connection;
    private final long key;
    private final boolean autoCommit;
    private final long waitedMillis;
    private boolean released;

    private Held(Connection connection, long key, boolean autoCommit, long waitedMillis) {
      this.connection = connection;
      this.key = key;
      this.autoCommit = autoCommit;
      this.waitedMillis = waitedMillis;
    }

    /** How long taking the lock waited for another node. */
    public long waitedMillis() {
      return waitedMillis;
    }

    /** Releases the lock and gives the connection back. */
    @Override
    public void close() {
      if (released) {
        return;
      }
      released = true;
      try (Connection c = connection) {
        execute(c, "select pg_advisory_unlock(?)", key);
        c.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // A connection that fails here is broken: the pool discards it, and its session and lock end.
        throw new DataAccessResourceFailureException("Could not release the advisory lock " + Long.toHexString(key), e);
      }
    }
  }

  private static void execute(Connection connection, String sql, long key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, key);
      statement.execute();
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already failing: the first error is the one reported
      }
    }
  }
}
