package gov.qsmo.workflow.identity;

import gov.qsmo.workflow.shared.EmailAddresses;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/**
 * A user is saved only with a well-formed e-mail address (or none): whoever saves it (Camunda Admin, the
 * engine's REST API, the set-up), the engine's identity provider refuses a malformed one before anything is
 * written, and the REST API answers 400 with the reason. Messages are mailed to these addresses, so a
 * line break or a display name can never reach a mail header.
 */
@Component
class EmailAddressCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(CheckingIdentityProvider.class));
  }

  /** The engine's own database identity provider, which checks the address before saving a user. */
  public static class CheckingIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult saveUser(User user) {
      String email = user.getEmail();
      if (email != null && !email.isEmpty()) {
        String problem = EmailAddresses.problem(email);
        if (problem != null) {
          throw new BadUserRequestException(problem);
        }
      }
      return super.saveUser(user);
    }
  }
}
