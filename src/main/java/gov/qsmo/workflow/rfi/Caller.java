package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.identity.Roles;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is asking, with their Camunda groups: from an API request or from a form submission. */
record Caller(String userId, Set<String> groups) {

  static final Caller SYSTEM = new Caller("system", Set.of());

  static Caller of(org.springframework.security.core.Authentication authentication) {
    return new Caller(authentication.getName(), authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
  }

  /** The Camunda user of the current engine call (Tasklist, REST), or {@link #SYSTEM} for a timer or job. */
  static Caller current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return SYSTEM;
    }
    Collection<String> groups = authentication.getGroupIds();
    if (groups == null || groups.isEmpty()) {
      groups = gov.qsmo.workflow.process.Privileged.run(identityService, () -> identityService.createGroupQuery()
          .groupMember(authentication.getUserId()).list().stream()
          .map(org.camunda.bpm.engine.identity.Group::getId).toList());
    }
    return new Caller(authentication.getUserId(), Set.copyOf(groups));
  }

  boolean isSystem() {
    return this == SYSTEM;
  }

  boolean in(String group) {
    return groups.contains(group);
  }

  boolean directs(String agencyCode) {
    return groups.contains(Roles.directorsOf(agencyCode));
  }
}
