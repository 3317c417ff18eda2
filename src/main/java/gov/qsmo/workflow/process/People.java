package gov.qsmo.workflow.process;

import gov.qsmo.workflow.identity.Roles;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People by name for forms: a Camunda user's first and last name (the user id when the account has
 * none or is gone) and the agency they work for (their {@code agency-<code>} or {@code qsmo-directors-<code>}
 * group). One user query for a list of ids; forms are read by whoever holds the task, so the lookup is
 * not limited by that person's authorizations on users.
 */
@Component
public class People {

  private final IdentityService identityService;

  public People(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** User id to "First Last" for every id given (the id itself for an unknown account). */
  public Map<String, String> names(Collection<String> userIds) {
    List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    List<User> users = Privileged.run(identityService,
        () -> identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list());
    for (User user : users) {
      String name = (blankToEmpty(user.getFirstName()) + " " + blankToEmpty(user.getLastName())).trim();
      names.put(user.getId(), name.isEmpty() ? user.getId() : name);
    }
    ids.forEach(id -> names.putIfAbsent(id, id));
    return names;
  }

  /** User id to "First Last (user id)": a person as a form names them where the id is what to type. */
  public Map<String, String> namesWithIds(Collection<String> userIds) {
    Map<String, String> labelled = new HashMap<>();
    names(userIds).forEach((id, name) -> labelled.put(id, name + " (" + id + ")"));
    return labelled;
  }

  /** One person's name. */
  public String name(String userId) {
    return userId == null ? "not recorded" : names(List.of(userId)).get(userId);
  }

  /** The agency code a person works for (upper case), from their groups; null when none says. */
  public String agencyCode(String userId) {
    if (userId == null) {
      return null;
    }
    List<Group> groups = Privileged.run(identityService,
        () -> identityService.createGroupQuery().groupMember(userId).list());
    String directed = null;
    for (Group group : groups) {
      String agency = Roles.agencyOfGroup(group.getId());
      if (agency != null) {
        return agency;
      }
      if (directed == null && !Roles.agenciesDirected(List.of(group.getId())).isEmpty()) {
        directed = Roles.agenciesDirected(List.of(group.getId())).iterator().next();
      }
    }
    return directed;
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.trim();
  }
}
