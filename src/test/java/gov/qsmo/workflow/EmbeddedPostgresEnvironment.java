package gov.qsmo.workflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at a real PostgreSQL started from embedded binaries (Maven Central), unless
 * {@code SPRING_DATASOURCE_URL} names an external server. One server per JVM: every test context
 * and the demo run share it.
 *
 * <p>{@code qsmo.embedded-postgres.data-dir} keeps the data in that folder across restarts (the demo
 * run); without it the data lives in a temporary folder deleted at exit (tests).
 * {@code qsmo.embedded-postgres.server-config} adds server settings, {@code name=value} separated by
 * {@code ;} (the benchmark's {@code shared_preload_libraries=pg_stat_statements}).
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

  static final String DATA_DIR = "qsmo.embedded-postgres.data-dir";
  static final String PORT = "qsmo.embedded-postgres.port";
  static final String SERVER_CONFIG = "qsmo.embedded-postgres.server-config";

  private static EmbeddedPostgres server;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String external = System.getenv("SPRING_DATASOURCE_URL");
    if (external != null && !external.isBlank()) {
      return;
    }
    EmbeddedPostgres postgres = start(environment.getProperty(DATA_DIR),
        environment.getProperty(PORT, Integer.class, 0), environment.getProperty(SERVER_CONFIG, ""));
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
        "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "")));
  }

  private static synchronized EmbeddedPostgres start(String dataDir, int port, String serverConfig) {
    if (server == null) {
      try {
        File directory = dataDir != null ? new File(dataDir) : Files.createTempDirectory("qsmo-pg").toFile();
        boolean keep = dataDir != null;
        if (keep) {
          directory.mkdirs();
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(!keep)
            .setRegisterShutdownHook(false)
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", keep ? "on" : "off");
        if (port > 0) {
          builder.setPort(port);
        }
        for (String setting : serverConfig.split(";")) {
          int equals = setting.indexOf('=');
          if (equals > 0) {
            builder.setServerConfig(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
          }
        }
        server = builder.start();
        EmbeddedPostgres started = server;
        // Runs after Spring Boot has closed every application context, so the engine and the
        // connection pool shut down while the database is still there.
        SpringApplication.getShutdownHandlers().add(() -> {
          try {
            started.close();
          } catch (IOException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }
}
