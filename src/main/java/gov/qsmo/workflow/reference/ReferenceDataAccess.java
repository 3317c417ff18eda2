package gov.qsmo.workflow.reference;

import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.ProcessAccess;
import gov.qsmo.workflow.identity.Roles;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * What the reference data adds to the identity set-up: every agency's groups, and OMB deciders' right
 * to start the "Change program reference data" form in Tasklist (auditors read its history).
 */
@Component
@Order(0)
class ReferenceDataAccess implements ProcessAccess {

  private final AgencyRepository agencies;
  private final AgencyGroups agencyGroups;

  ReferenceDataAccess(AgencyRepository agencies, AgencyGroups agencyGroups) {
    this.agencies = agencies;
    this.agencyGroups = agencyGroups;
  }

  @Override
  public void grantAuthorizations(IdentitySetup identity) {
    agencies.findAll().forEach(agencyGroups::ensure);
    identity.grant(Roles.OMB_DECIDERS, Resources.PROCESS_DEFINITION, ReferenceDataProcess.KEY,
        Permissions.READ, Permissions.CREATE_INSTANCE, Permissions.READ_HISTORY);
    identity.grant(Roles.OMB_DECIDERS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
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
