package gov.qsmo.workflow.notification;

import java.util.List;
import java.util.Set;

/**
 * A decision that people are told of by e-mail, published as an application event by the service that
 * records it, in that transaction: the message is written to the outbox with the decision, or not at all.
 * Say only what every recipient may read in the application.
 *
 * @param recordId the record decided on (a designation id), also the key recusals are looked up by
 * @param headline one line: what was decided (the subject)
 * @param facts what the recipient needs to know, label and value, in order
 * @param groups groups whose members are told
 * @param users users who are told
 */
public record DecisionNotice(String recordId, String headline, List<Fact> facts, Set<String> groups,
    Set<String> users) {

  /** One line of the message: a label and its value. */
  public record Fact(String label, String value) {
  }

  public DecisionNotice {
    facts = List.copyOf(facts);
    groups = Set.copyOf(groups);
    users = Set.copyOf(users);
  }
}
