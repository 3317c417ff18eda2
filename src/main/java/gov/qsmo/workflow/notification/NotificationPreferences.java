package gov.qsmo.workflow.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Each user's own choice whether to receive e-mail (on unless they switched it off). */
@Component
class NotificationPreferences {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  NotificationPreferences(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  boolean emailEnabled(String userId) {
    return !optedOut(List.of(userId)).contains(userId);
  }

  void setEmailEnabled(String userId, boolean enabled) {
    jdbc.update("insert into qsmo.notification_preference (user_id, email_enabled, updated_at) "
        + "values (:user, :enabled, :now) on conflict (user_id) do update set email_enabled = excluded.email_enabled, "
        + "updated_at = excluded.updated_at",
        new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("user", userId)
            .addValue("enabled", enabled).addValue("now", Timestamp.from(clock.instant())));
  }

  /** Of these users, those who switched e-mail off. */
  Set<String> optedOut(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.queryForList("select user_id from qsmo.notification_preference "
        + "where email_enabled = false and user_id in (:users)", java.util.Map.of("users", userIds), String.class));
  }
}
