package gov.qsmo.workflow.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call without the current user's Camunda authorizations, for a step the application
 * has already authorized itself (an API whose caller's role was checked). The user is restored after.
 */
public final class Privileged {

  private Privileged() {
  }

  public static <T> T run(IdentityService identityService, Supplier<T> call) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
