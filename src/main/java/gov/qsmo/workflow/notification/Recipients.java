package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Privileged;
import java.util.ArrayList;
import java.util.Collection;
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

  /** The recipients among these users and the members of these groups, each once. */
  List<Recipient> resolve(Collection<String> userIds, Collection<String> groupIds, String recordId) {
    return Privileged.run(identityService, () -> {
      Map<String, User> users = new LinkedHashMap<>();
      List<Recipient> groupAddresses = new ArrayList<>();
      if (!userIds.isEmpty()) {
        identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()
            .forEach(u -> users.put(u.getId(), u));
      }
      for (String groupId : groupIds) {
        long size = identityService.createUserQuery().memberOfGroup(groupId).count();
        if (size > properties.groupSizeLimit()) {
          if (!properties.largeGroupAddress().isBlank()) {
            groupAddresses.add(new Recipient(null, groupName(groupId), properties.largeGroupAddress()));
          } else {
            log.info("Group {} has {} members, more than {}: its members are not mailed one by one", groupId, size,
                properties.groupSizeLimit());
          }
          continue;
        }
        identityService.createUserQuery().memberOfGroup(groupId).listPage(0, properties.groupSizeLimit())
            .forEach(u -> users.putIfAbsent(u.getId(), u));
      }
      Set<String> left = new java.util.HashSet<>(users.keySet());
      left.removeAll(preferences.optedOut(users.keySet()));
      if (recordId != null) {
        for (NotificationAudience audience : audiences) {
          left.removeAll(audience.mayNotBeTold(recordId, Set.copyOf(left)));
        }
      }
      List<Recipient> result = new ArrayList<>();
      for (User user : users.values()) {
        if (left.contains(user.getId())) {
          result.add(new Recipient(user.getId(), displayName(user), blankToNull(user.getEmail())));
        }
      }
      result.addAll(groupAddresses);
      return result;
    });
  }

  /** The names of these groups, for the words "waiting for ...". */
  String groupNames(Collection<String> groupIds) {
    return String.join(", ", groupIds.stream().map(this::groupName).toList());
  }

  private String groupName(String groupId) {
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
