package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Privileged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who receives a message: users and the members of groups, from Camunda's identity (their e-mail address),
 * without those who switched e-mail off and those an {@link NotificationAudience} keeps from the record. A
 * group larger than the configured size is not mailed member by member: its configured address gets one
 * message instead, or nobody does.
 */
@Component
class Recipients {

  /** One recipient: a user (address possibly missing), or a group's address (no user). */
  record Recipient(String userId, String name, String address) {
  }

  private static final Logger log = LoggerFactory.getLogger(Recipients.class);

  private final IdentityService identityService;
  private final NotificationPreferences preferences;
  private final List<NotificationAudience> audiences;
  private final NotificationProperties properties;

  Recipients(IdentityService identityService, NotificationPreferences preferences,
      List<NotificationAudience> audiences, NotificationProperties properties) {
    this.identityService = identityService;
    this.preferences = preferences;
    this.audiences = audiences;
    this.properties = properties;
  }

  /** Whom a message is for: users, the members of groups, about a record (or none). */
  record Wanted(Collection<String> userIds, Collection<String> groupIds, String recordId) {
  }

  /** The recipients among these users and the members of these groups, each once. */
  List<Recipient> resolve(Collection<String> userIds, Collection<String> groupIds, String recordId) {
    return resolveAll(List.of(new Wanted(userIds, groupIds, recordId))).get(0);
  }

  /**
   * The recipients of each of these messages, in their order: one query for every user they name, each
   * group's members read once, one query for those who switched e-mail off.
   */
  List<List<Recipient>> resolveAll(List<Wanted> wanted) {
    return Privileged.run(identityService, () -> {
      Map<String, User> users = new LinkedHashMap<>();
      Set<String> named = new LinkedHashSet<>();
      wanted.forEach(w -> named.addAll(w.userIds()));
      if (!named.isEmpty()) {
        identityService.createUserQuery().userIdIn(named.toArray(String[]::new)).list()
            .forEach(u -> users.put(u.getId(), u));
      }
      Map<String, Members> groups = new HashMap<>();
      for (Wanted w : wanted) {
        for (String groupId : w.groupIds()) {
          groups.computeIfAbsent(groupId, this::members).users().forEach(u -> users.putIfAbsent(u.getId(), u));
        }
      }
      Set<String> optedOut = preferences.optedOut(users.keySet());
      List<List<Recipient>> result = new ArrayList<>();
      for (Wanted w : wanted) {
        Map<String, User> theirs = new LinkedHashMap<>();
        List<Recipient> groupAddresses = new ArrayList<>();
        // The users named, in the order the user query gave them (by id); then the groups' members.
        users.values().stream().filter(u -> w.userIds().contains(u.getId())).forEach(u -> theirs.put(u.getId(), u));
        for (String groupId : w.groupIds()) {
          Members members = groups.get(groupId);
          members.users().forEach(u -> theirs.putIfAbsent(u.getId(), u));
          if (members.address() != null) {
            groupAddresses.add(members.address());
          }
        }
        Set<String> left = new HashSet<>(theirs.keySet());
        left.removeAll(optedOut);
        if (w.recordId() != null) {
          for (NotificationAudience audience : audiences) {
            left.removeAll(audience.mayNotBeTold(w.recordId(), Set.copyOf(left)));
          }
        }
        List<Recipient> recipients = new ArrayList<>();
        for (User user : theirs.values()) {
          if (left.contains(user.getId())) {
            recipients.add(new Recipient(user.getId(), displayName(user), blankToNull(user.getEmail())));
          }
        }
        recipients.addAll(groupAddresses);
        result.add(recipients);
      }
      return result;
    });
  }

  /** A group's members, or, for a group too large to mail one by one, its address (or nobody). */
  private record Members(List<User> users, Recipient address) {
  }

  private Members members(String groupId) {
    long size = identityService.createUserQuery().memberOfGroup(groupId).count();
    if (size <= properties.groupSizeLimit()) {
      return new Members(identityService.createUserQuery().memberOfGroup(groupId)
          .listPage(0, properties.groupSizeLimit()), null);
    }
    if (!properties.largeGroupAddress().isBlank()) {
      return new Members(List.of(), new Recipient(null, groupName(groupId), properties.largeGroupAddress()));
    }
    log.info("Group {} has {} members, more than {}: its members are not mailed one by one", groupId, size,
        properties.groupSizeLimit());
    return new Members(List.of(), null);
  }

  /** A group's name, for the words "waiting for ..." (its role's words if the group has no name). */
  String groupName(String groupId) {
    Group group = Privileged.run(identityService,
        () -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group != null && group.getName() != null ? group.getName() : Roles.displayName(groupId);
  }

  private static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
