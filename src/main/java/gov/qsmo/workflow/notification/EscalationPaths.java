package gov.qsmo.workflow.notification;

import java.util.Optional;
import java.util.Set;

/**
 * Declared by a process module: who can unblock one of its tasks once its deadline has passed (extend the
 * deadline, give the task to someone else, decide without it). They are told with the task's owners when
 * the deadline watch finds the task overdue ({@link DeadlineWatch}).
 */
public interface EscalationPaths {

  /**
   * Who resolves this overdue task, or empty when the task's process is not this module's. Users and groups
   * may both be empty (the owners decide alone, as OMB's own tasks).
   */
  Optional<Resolvers> resolversOf(OverdueTask task);

  /**
   * An overdue task: its process and task keys (as in the BPMN model) and its record (the process
   * instance's business key, such as a designation or RFI id).
   */
  record OverdueTask(String processDefinitionKey, String taskDefinitionKey, String recordId) {
  }

  /** Those who can resolve an overdue task. */
  record Resolvers(Set<String> users, Set<String> groups) {

    public static Resolvers none() {
      return new Resolvers(Set.of(), Set.of());
    }

    public static Resolvers group(String group) {
      return new Resolvers(Set.of(), Set.of(group));
    }

    public static Resolvers user(String user) {
      return user == null ? none() : new Resolvers(Set.of(user), Set.of());
    }
  }
}
