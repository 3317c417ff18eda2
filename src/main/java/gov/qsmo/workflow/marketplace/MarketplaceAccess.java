package gov.qsmo.workflow.marketplace;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.ProcessAccess;
import gov.qsmo.workflow.identity.Roles;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * QSMO directors start "Change a marketplace offering" (which QSMO's offerings they may change is the service's
 * rule).
 */
@Component
@Order(5)
class MarketplaceAccess implements ProcessAccess {

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    identity.grant(Roles.QSMO_DIRECTORS, Resources.PROCESS_DEFINITION, OfferingChangeProcess.KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
    identity.grant(Roles.QSMO_DIRECTORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  @Override
  public List<TasklistFilter> tasklistFilters(TaskService taskService) {
    return List.of();
  }

  @Override
  public List<FilterColumn> filterColumns() {
    return List.of();
  }
}
