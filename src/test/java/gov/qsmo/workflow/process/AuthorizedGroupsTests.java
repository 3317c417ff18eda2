package gov.qsmo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.ProcessEngineTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine narrows a user's groups to those with authorizations by index (AuthorizedGroups), and gets the same
 * groups Camunda's own scan of the whole authorization table gets.
 */
@ProcessEngineTest
class AuthorizedGroupsTests {

  private static final String NEW_GROUP = "test-authorized-groups";

  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aUsersGroupsAreNarrowedToThoseWithAuthorizationsAsCamundasScanNarrowsThem() {
    List<String> groups = new ArrayList<>(identityService.createGroupQuery().list().stream().map(Group::getId)
        .toList());
    groups.add("no-such-group");
    assertThat(groups).hasSizeGreaterThan(5);

    // What Camunda's AuthorizationManager reads: every group id in the table, then the intersection.
    Set<String> scanned = new HashSet<>(jdbc.queryForList(
        "select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null", String.class));
    scanned.retainAll(groups);
    assertThat(scanned).isNotEmpty().doesNotContain("no-such-group");

    assertThat(narrowed(groups)).containsExactlyInAnyOrderElementsOf(scanned);
    assertThat(narrowed(List.of())).isEmpty();
    List<String> withNull = new ArrayList<>(groups);
    withNull.add(null);
    assertThat(narrowed(withNull)).containsExactlyInAnyOrderElementsOf(scanned);
  }

  @Test
  void aGroupCountsFromItsFirstAuthorizationOn() {
    Group group = identityService.newGroup(NEW_GROUP);
    group.setName("Test group without authorizations");
    identityService.saveGroup(group);
    try {
      // Camunda grants a new group read access to itself; without any authorization it is narrowed away.
      authorizationService.createAuthorizationQuery().groupIdIn(NEW_GROUP).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
      assertThat(narrowed(List.of(NEW_GROUP))).isEmpty();

      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(NEW_GROUP);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId("no-such-process");
      grant.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(grant);

      assertThat(narrowed(List.of(NEW_GROUP, "no-such-group"))).containsExactly(NEW_GROUP);
    } finally {
      authorizationService.createAuthorizationQuery().groupIdIn(NEW_GROUP).list()
          .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
      identityService.deleteGroup(NEW_GROUP);
    }
  }

  /** The groups the engine's authorization manager keeps, in a command of its own. */
  private List<String> narrowed(List<String> groups) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          AuthorizationManager manager = context.getAuthorizationManager();
          assertThat(manager).isInstanceOf(AuthorizedGroups.Manager.class);
          // Asked twice in one command: the second answer is the first's.
          List<String> first = manager.filterAuthenticatedGroupIds(groups);
          assertThat(manager.filterAuthenticatedGroupIds(groups)).containsExactlyInAnyOrderElementsOf(first);
          return first;
        });
  }
}
