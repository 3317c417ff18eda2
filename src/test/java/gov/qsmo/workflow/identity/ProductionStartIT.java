package gov.qsmo.workflow.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.qsmo.workflow.QsmoWorkflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Outside the demo, the application refuses to start without an administrator or with a weak password. */
class ProductionStartIT {

  @Test
  void refusesToStartWithoutAnAdministratorAccount() {
    assertThatThrownBy(() -> start("", ""))
        .rootCause().hasMessageContaining("Refusing to start: QSMO_ADMIN_USER is not set");
  }

  @Test
  void refusesToStartWithADefaultPassword() {
    assertThatThrownBy(() -> start("admin", "admin"))
        .rootCause().hasMessageContaining("Refusing to start: QSMO_ADMIN_PASSWORD is a default or weak password");
  }

  private static void start(String user, String password) {
    new SpringApplicationBuilder(QsmoWorkflowApplication.class)
        .run("--server.port=0", "--qsmo.admin.user=" + user, "--qsmo.admin.password=" + password,
            "--camunda.bpm.job-execution.enabled=false")
        .close();
  }
}
