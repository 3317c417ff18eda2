package gov.qsmo.workflow.process;

import gov.qsmo.workflow.identity.Roles;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is acting, with their Camunda groups: the user of an API request, of a form submission
 * (Tasklist, REST), or {@link #SYSTEM} for a timer or job. The one way the application names the
 * current user, in listeners, delegates, services and controllers alike.
 */
public final class Caller {

  /** The actor recorded when no user is authenticated (a timer, a start-up job). */
  public static final Caller SYSTEM = new Caller("system", Set.of());

  private final String userId;
  private Supplier<Set<String>> groupSource;
  private Set<String> groups;

  public Caller(String userId, Set<String> groups) {
    this.userId = userId;
    this.groups = Set.copyOf(groups);
  }

  private Caller(String userId, Supplier<Set<String>> groupSource) {
    this.userId = userId;
    this.groupSource = groupSource;
  }

  /** The signed-in user of an API request. */
  public static Caller of(org.springframework.security.core.Authentication authentication) {
    return new Caller(authentication.getName(), authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
  }

  /**
   * The Camunda user of the current engine call (Tasklist, REST), or {@link #SYSTEM} for a timer or
   * job. Groups the authentication does not carry are read when first asked for.
   */
  public static Caller current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return SYSTEM;
    }
    String userId = authentication.getUserId();
    Collection<String> groups = authentication.getGroupIds();
    if (groups != null && !groups.isEmpty()) {
      return new Caller(userId, Set.copyOf(groups));
    }
    return new Caller(userId, () -> Set.copyOf(Privileged.run(identityService, () -> identityService
        .createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList())));
  }

  public String userId() {
    return userId;
  }

  public synchronized Set<String> groups() {
    if (groups == null) {
      groups = groupSource.get();
      groupSource = null;
    }
    return groups;
  }

  public boolean isSystem() {
    return this == SYSTEM;
  }

  public boolean in(String group) {
    return groups().contains(group);
  }

  /** Whether the caller is a QSMO director of this agency. */
  public boolean directs(String agencyCode) {
    return groups().contains(Roles.directorsOf(agencyCode));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Caller caller && userId.equals(caller.userId) && groups().equals(caller.groups());
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, groups());
  }

  @Override
  public String toString() {
    return "Caller[userId=" + userId + "]";
  }
}
