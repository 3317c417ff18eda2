package gov.qsmo.workflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import gov.qsmo.workflow.shared.AdvisoryLock;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups, the administrator, and the least authorizations each group needs; each
 * module adds its own groups and authorizations ({@link ProcessAccess}: the agencies' groups come
 * from the reference data). Runs at every start, before the web server accepts requests (so
 * the webapps' first-administrator setup page is never open), and only adds what is missing.
 */
@Component
public class IdentitySetup implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  /** Camunda's webapp ids, the resource ids of {@link Resources#APPLICATION}. */
  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final AdminAccount admin;
  private final AdvisoryLock startupLock;
  private final List<ProcessAccess> processes;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      AdminAccount admin, AdvisoryLock startupLock, List<ProcessAccess> processes,
      ObjectProvider<AdminPasswordWaiver> waiver) {
    this.identityService = identityService;
    this.processes = processes;
    this.startupLock = startupLock;
    this.authorizationService = authorizationService;
    this.admin = admin;
    String problem = admin.productionProblem();
    if (problem != null && waiver.getIfAvailable() == null) {
      throw new IllegalStateException("Refusing to start: " + problem);
    }
  }

  @Override
  public void afterSingletonsInstantiated() {
    startupLock.runExclusively(this::setUp);
  }

  void setUp() {
    for (String role : Roles.ALL) {
      ensureGroup(role, Roles.displayName(role), Groups.GROUP_TYPE_WORKFLOW);
    }
    ensureGroup(Groups.CAMUNDA_ADMIN, Roles.displayName(Roles.CAMUNDA_ADMIN), Groups.GROUP_TYPE_SYSTEM);
    grantLeastPrivileges();
    ensureUser(admin.user(), "Administrator", "", admin.password(), Roles.CAMUNDA_ADMIN);
    log.info("Identity ready: {} role groups, {} modules' groups and authorizations, administrator '{}'",
        Roles.ALL.size(), processes.size(), admin.user());
  }

  private void grantLeastPrivileges() {
    for (Resource resource : Resources.values()) {
      grant(Roles.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String role : Roles.ALL) {
      grant(role, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    }
    // Each process grants what its groups need on its own model.
    for (ProcessAccess process : processes) {
      process.grantAuthorizations(this);
    }
    // Auditors read everything, in Tasklist and Cockpit, and change nothing.
    grant(Roles.AUDITORS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(Roles.AUDITORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE, Permissions.READ_TASK);
    grant(Roles.AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Roles.AUDITORS, Resources.TASK, ANY, Permissions.READ);
    grant(Roles.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Roles.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(Roles.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Roles.AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(Roles.AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
  }

  /** Adds the permissions to the group's grant on this resource, creating the grant if needed. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  public void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(type);
      identityService.saveGroup(group);
    }
  }

  /** Creates the user with this password if missing, and makes sure of the group memberships. */
  public void ensureUser(String id, String firstName, String lastName, String password, String... groups) {
    User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@qsmo.example.gov");
      user.setPassword(password);
      identityService.saveUser(user);
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }
}
