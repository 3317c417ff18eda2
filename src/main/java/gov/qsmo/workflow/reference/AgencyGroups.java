package gov.qsmo.workflow.reference;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The Camunda groups every agency has: its staff ({@code agency-<code>}, used for recusal), its QSMO
 * directors ({@code qsmo-directors-<code>}, candidates for its plan tasks) and its points of contact for systems
 * inventories ({@code inventory-contacts-<code>}). Created with the agency, renamed with it.
 */
@Component
class AgencyGroups {

  /** Group type of the agency groups: membership says whom a person works for. */
  static final String AGENCY_GROUP_TYPE = "AGENCY";

  private final IdentityService identityService;

  AgencyGroups(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Creates the agency's groups if missing, and gives them the agency's current short name. */
  void ensure(Agency agency) {
    Privileged.run(identityService, () -> {
      ensure(Roles.directorsOf(agency.getCode()), "QSMO directors, " + agency.getShortName(), Groups.GROUP_TYPE_WORKFLOW);
      ensure(Roles.agencyGroup(agency.getCode()), agency.getShortName() + " staff", AGENCY_GROUP_TYPE);
      ensure(Roles.inventoryContactsOf(agency.getCode()), "Systems inventory contacts, " + agency.getShortName(),
          Groups.GROUP_TYPE_WORKFLOW);
      return null;
    });
  }

  private void ensure(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setType(type);
    } else if (name.equals(group.getName())) {
      return;
    }
    group.setName(name);
    identityService.saveGroup(group);
  }
}
