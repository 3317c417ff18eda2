package gov.qsmo.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A production run never starts without an administrator account or with a default password. */
class AdminAccountTests {

  @Test
  void missingUserOrPasswordIsAProblem() {
    assertThat(new AdminAccount(null, "a-long-enough-secret").productionProblem()).contains("QSMO_ADMIN_USER");
    assertThat(new AdminAccount("ops", "").productionProblem()).contains("QSMO_ADMIN_PASSWORD is not set");
  }

  @Test
  void defaultShortOrUserNamePasswordsAreRefused() {
    assertThat(new AdminAccount("admin", "admin").productionProblem()).contains("weak");
    assertThat(new AdminAccount("ops", "short-pw").productionProblem()).contains("weak");
    assertThat(new AdminAccount("operations-admin", "OPERATIONS-ADMIN").productionProblem()).contains("weak");
  }

  @Test
  void aStrongPasswordIsAccepted() {
    assertThat(new AdminAccount("ops", "correct-horse-battery-staple").productionProblem()).isNull();
  }
}
