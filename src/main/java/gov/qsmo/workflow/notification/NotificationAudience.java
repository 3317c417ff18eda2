package gov.qsmo.workflow.notification;

import java.util.Set;

/**
 * Declared by a process module that knows who may not be told about one of its records: a board member
 * recused from a designation hears nothing about it. Every message about a record (a task of its process
 * instance, a decision) goes only to those no audience excludes.
 */
public interface NotificationAudience {

  /**
   * Of these users, those who may not be told about the record (a process instance's business key, such as
   * a designation id); an empty set when the record is not this module's.
   */
  Set<String> mayNotBeTold(String recordId, Set<String> userIds);
}
