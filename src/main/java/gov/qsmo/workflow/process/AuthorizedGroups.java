package gov.qsmo.workflow.process;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Which of a user's groups have any authorization, asked per group rather than by reading every authorization.
 *
 * <p>Before each authorization check Camunda narrows the user's groups to those that appear in
 * {@code ACT_RU_AUTHORIZATION}, and finds those by reading the distinct group ids of the whole table
 * ({@code AuthorizationManager.getAllGroups}, once per command). Every task assigned to a user has an
 * authorization row of its own, so that read grows with the open tasks: 11 ms of PostgreSQL per request at 100,000
 * open tasks, 32 ms when 10,000 of them are scoring tasks (docs/performance.md), and every request pays it. Here
 * the same narrowing asks, for each of the user's groups, whether one authorization row names it, through
 * Camunda's own index on the group id ({@code ACT_IDX_AUTH_GROUP_ID}): a few index probes per request, whatever
 * the number of tasks. The answer is the same set; it is kept for the rest of the command, as Camunda's is.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String sql = "select g from unnest(?) as g where exists (select 1 from " + configuration.getDatabaseTablePrefix()
        + "ACT_RU_AUTHORIZATION a where a.GROUP_ID_ = g)";
    // Registered under AuthorizationManager's type, so it replaces the engine's own manager in every command.
    configuration.setCustomSessionFactories(EngineLists.with(configuration.getCustomSessionFactories(),
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new Manager(sql);
          }
        }));
  }

  /** Camunda's authorization manager, with the user's groups narrowed by index. */
  static final class Manager extends AuthorizationManager {

    private final String sql;
    private final Map<Set<String>, List<String>> narrowed = new HashMap<>();

    Manager(String sql) {
      this.sql = sql;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return new ArrayList<>();
      }
      Set<String> groupIds = authenticatedGroupIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
      return new ArrayList<>(narrowed.computeIfAbsent(groupIds, this::withAuthorizations));
    }

    private List<String> withAuthorizations(Set<String> groupIds) {
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        Array ids = connection.createArrayOf("varchar", groupIds.toArray());
        statement.setArray(1, ids);
        List<String> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            found.add(rows.getString(1));
          }
        }
        return found;
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not read which groups have authorizations: " + e.getMessage(), e);
      }
    }
  }
}
