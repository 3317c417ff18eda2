package gov.qsmo.workflow;

import org.springframework.boot.SpringApplication;

/**
 * The demo run: {@code ./mvnw spring-boot:test-run}. The application with demo users and data, on an
 * embedded PostgreSQL whose data stays in {@code .qsmo/postgres} across restarts. The production jar
 * carries none of this.
 */
public class TestQsmoWorkflowApplication {

  public static void main(String[] args) {
    System.setProperty(EmbeddedPostgresEnvironment.DATA_DIR,
        System.getProperty(EmbeddedPostgresEnvironment.DATA_DIR, ".qsmo/postgres"));
    SpringApplication.from(QsmoWorkflowApplication::main)
        .withAdditionalProfiles("demo")
        .run(args);
  }
}
