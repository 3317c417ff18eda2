/**
 * E-mail to the people a step waits for or a decision concerns: a task assigned or offered, a reminder,
 * an overdue notice, a decision. Every message is written to an outbox table in the transaction of the step
 * that causes it and sent after commit, retried while the mail server is down (docs/adr/0018).
 *
 * <p>Other modules use {@link gov.qsmo.workflow.notification.Notifications} (reminders and overdue notices),
 * publish a {@link gov.qsmo.workflow.notification.DecisionNotice}, and may declare a
 * {@link gov.qsmo.workflow.notification.NotificationAudience} that keeps people (a recused member) from being told.
 */
package gov.qsmo.workflow.notification;
