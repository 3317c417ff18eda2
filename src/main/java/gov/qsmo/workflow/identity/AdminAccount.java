package gov.qsmo.workflow.identity;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account ({@code QSMO_ADMIN_USER}, {@code QSMO_ADMIN_PASSWORD}). Outside the demo
 * run both must be set, and the password must not be short or well known: the application refuses
 * to start otherwise.
 */
@ConfigurationProperties("qsmo.admin")
public record AdminAccount(String user, String password) {

  private static final Set<String> WELL_KNOWN = Set.of("admin", "demo", "password", "changeme", "camunda",
      "secret", "12345678", "123456789012", "administrator");

  static final int MIN_PASSWORD_LENGTH = 12;

  /** Why this account must not be used in production, or null when it may. */
  String productionProblem() {
    if (user == null || user.isBlank()) {
      return "QSMO_ADMIN_USER is not set. Set QSMO_ADMIN_USER and QSMO_ADMIN_PASSWORD "
          + "(or run the demo with ./mvnw spring-boot:test-run).";
    }
    if (password == null || password.isBlank()) {
      return "QSMO_ADMIN_PASSWORD is not set. Set it to a password of at least " + MIN_PASSWORD_LENGTH
          + " characters.";
    }
    if (password.length() < MIN_PASSWORD_LENGTH || WELL_KNOWN.contains(password.toLowerCase())
        || password.equalsIgnoreCase(user)) {
      return "QSMO_ADMIN_PASSWORD is a default or weak password. Use at least " + MIN_PASSWORD_LENGTH
          + " characters that are not the user name or a well-known default.";
    }
    return null;
  }
}
