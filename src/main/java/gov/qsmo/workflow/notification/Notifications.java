package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.notification.Recipients.Recipient;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.shared.EmailAddresses;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Writes the messages of the application to the outbox, in the caller's transaction. A task assigned or offered
 * is recorded there as one small event (nothing read, nothing rendered in the step's transaction, whatever the
 * number of its recipients); the sender writes its messages right after the commit ({@link #writeTaskMessages}).
 * A task message says
 * which task, in which process and record, until when, and links to it in Tasklist; it never carries the
 * task's form data (no vote, no score, no comment). A decision message says what the deciding module put in
 * its {@link DecisionNotice}.
 *
 * <p>Task assignments and offers are recorded for every process by the engine-wide task listener; reminders
 * and overdue notices by whoever watches the deadline, through {@link #remind} and {@link #overdue}.
 */
@Service
public class Notifications {

  /** What the messages say about one task. */
  record TaskFacts(String taskId, String name, String processName, String recordId, Date due, String assignee,
      Set<String> candidateUsers, Set<String> candidateGroups) {
  }

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);
  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a zzz",
      Locale.US);
  private static final int MAX_SUBJECT = 200;
  /** At most this many tasks are listed in one message to their assignee ({@link #withSameAssignments}). */
  static final int DIGEST_MAX = 100;
  /** At most this many events are claimed besides a sending batch's own, to join them ({@link #withSameAssignments}). */
  static final int DIGEST_EXTRA = 5 * DIGEST_MAX;

  private final Outbox outbox;
  private final Recipients recipients;
  private final NotificationProperties properties;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  Notifications(Outbox outbox, Recipients recipients, NotificationProperties properties,
      IdentityService identityService, TaskService taskService, RepositoryService repositoryService,
      RuntimeService runtimeService) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.properties = properties;
    this.identityService = identityService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  /** Whether messages are recorded at all ({@code qsmo.notification.enabled}). */
  public boolean enabled() {
    return properties.enabled();
  }

  /** The task was assigned to a person: they are told, once the step has committed. */
  void taskAssigned(DelegateTask task) {
    outbox.recordTaskEvent(MessageKind.TASK_ASSIGNED, facts(task, false));
  }

  /** The task was offered to candidate users and groups: each of them is told, once the step has committed. */
  void taskOffered(DelegateTask task) {
    TaskFacts facts = facts(task, true);
    if (facts.candidateUsers().isEmpty() && facts.candidateGroups().isEmpty()) {
      return;
    }
    outbox.recordTaskEvent(MessageKind.TASK_OFFERED, facts);
  }

  /** The messages of these task events could not be written; the transaction that claimed them is rolled back. */
  static final class TaskMessagesFailed extends RuntimeException {

    private final List<Long> eventIds;

    TaskMessagesFailed(List<Long> eventIds, RuntimeException cause) {
      super(cause.getMessage() != null ? cause.getMessage() : cause.toString(), cause);
      this.eventIds = List.copyOf(eventIds);
    }

    List<Long> eventIds() {
      return eventIds;
    }
  }

  /**
   * Writes the messages of the oldest tasks assigned or offered ({@link #taskAssigned}, {@link #taskOffered}),
   * at most {@code limit} of them, and deletes their events: in the caller's transaction, which the sender
   * opens. The users they name are read in one query, each group's members once, the opt-outs in one query;
   * each record's audience and each group's name per event. Returns how many events were taken; throws
   * {@link TaskMessagesFailed}, naming them, if their messages could not be written.
   */
  int writeTaskMessages(int limit) {
    return write(withSameAssignments(outbox.claimTaskEvents(limit)));
  }

  /**
   * The claimed events, joined by the other events waiting for a task assigned to the same person for the same
   * record: a step that assigns someone many tasks (a batch of responses to score, a chair's consensus reviews)
   * is told in one message per person and record ({@link #DIGEST_MAX} tasks at most), not one per task. Each person
   * and record of the batch is filled up to {@link #DIGEST_MAX}, at most {@link #DIGEST_EXTRA} events added in all,
   * so the transaction stays bounded.
   */
  private List<Outbox.TaskEvent> withSameAssignments(List<Outbox.TaskEvent> events) {
    Map<List<String>, Integer> assigned = new LinkedHashMap<>();
    for (Outbox.TaskEvent event : events) {
      if (joinable(event)) {
        assigned.merge(digestKey(event), 1, Integer::sum);
      }
    }
    List<Outbox.TaskEvent> all = new ArrayList<>(events);
    List<Long> taken = new ArrayList<>(events.stream().map(Outbox.TaskEvent::id).toList());
    int budget = DIGEST_EXTRA;
    for (Map.Entry<List<String>, Integer> entry : assigned.entrySet()) {
      int room = Math.min(budget, DIGEST_MAX - entry.getValue());
      if (room <= 0) {
        continue;
      }
      List<Outbox.TaskEvent> more = outbox.claimAssigned(entry.getKey().get(0), entry.getKey().get(1), taken, room);
      all.addAll(more);
      more.forEach(event -> taken.add(event.id()));
      budget -= more.size();
    }
    return all;
  }

  /** A task assigned to someone for a record (a process with a business key): told with the others of both. */
  private static boolean joinable(Outbox.TaskEvent event) {
    return event.kind() == MessageKind.TASK_ASSIGNED && event.task().assignee() != null
        && event.task().recordId() != null;
  }

  /** Whose task, for which record: the events told in one message. */
  private static List<String> digestKey(Outbox.TaskEvent event) {
    return Arrays.asList(event.task().assignee(), event.task().recordId());
  }

  /** As {@link #writeTaskMessages}, for this one event (none if another pass holds it or it is gone). */
  int writeTaskMessagesOf(long eventId) {
    return write(outbox.claimTaskEvent(eventId));
  }

  /**
   * An event whose messages cannot be written is set aside: recorded as one undeliverable message with the
   * reason (administrators list them), and deleted, so that it holds up no other.
   */
  void setAside(long eventId, String reason) {
    for (Outbox.TaskEvent event : outbox.claimTaskEvent(eventId)) {
      TaskFacts facts = event.task();
      MessageKind kind = event.kind() == null ? MessageKind.TASK_OFFERED : event.kind();
      outbox.record(List.of(new Outbox.Message(kind, facts.assignee(), null, subject("[QSMO] Task: "
          + facts.name()), "", "", facts.taskId(), facts.recordId(), "The messages of this task could not be "
              + "written: " + reason)), false);
      outbox.deleteTaskEvents(List.of(event.id()));
    }
  }

  private int write(List<Outbox.TaskEvent> events) {
    if (events.isEmpty()) {
      return 0;
    }
    List<Long> ids = events.stream().map(Outbox.TaskEvent::id).toList();
    if (!enabled()) {
      // E-mail was switched off after these tasks were recorded: nothing is written while it is off.
      log.info("E-mail is off: {} task(s) assigned or offered earlier are not mailed", events.size());
      outbox.deleteTaskEvents(ids);
      return events.size();
    }
    try {
      outbox.record(taskMessages(events), false);
    } catch (RuntimeException e) {
      throw new TaskMessagesFailed(ids, e);
    }
    outbox.deleteTaskEvents(ids);
    return events.size();
  }

  private List<Outbox.Message> taskMessages(List<Outbox.TaskEvent> claimed) {
    for (Outbox.TaskEvent event : claimed) {
      if (event.kind() != MessageKind.TASK_ASSIGNED && event.kind() != MessageKind.TASK_OFFERED) {
        throw new IllegalStateException("Task event " + event.id() + " is of no kind this version writes");
      }
    }
    // One message for the tasks assigned to one person for one record; one per task offered.
    // A person's group larger than DIGEST_MAX (a batch size set above it) is told in several messages.
    Map<Object, List<Outbox.TaskEvent>> units = new LinkedHashMap<>();
    Map<List<String>, Integer> counted = new HashMap<>();
    for (Outbox.TaskEvent event : claimed) {
      Object key = event.id();
      if (joinable(event)) {
        List<String> person = digestKey(event);
        key = List.of(person, (counted.merge(person, 1, Integer::sum) - 1) / DIGEST_MAX);
      }
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
    }
    List<List<Outbox.TaskEvent>> groups = List.copyOf(units.values());
    List<Outbox.TaskEvent> events = groups.stream().map(group -> group.get(0)).toList();
    List<List<Recipient>> to = recipients.resolveAll(events.stream().map(e -> e.kind() == MessageKind.TASK_ASSIGNED
        ? new Recipients.Wanted(e.task().assignee() == null ? Set.of() : Set.of(e.task().assignee()), Set.of(),
            e.task().recordId())
        : new Recipients.Wanted(e.task().candidateUsers(), e.task().candidateGroups(), e.task().recordId()))
        .toList());
    List<Outbox.Message> messages = new ArrayList<>();
    // Each group's name read once for the batch (events of one step often offer tasks to the same group).
    Map<String, String> groupNames = new HashMap<>();
    Function<String, String> groupName = groupId -> groupNames.computeIfAbsent(groupId, recipients::groupName);
    for (int i = 0; i < events.size(); i++) {
      TaskFacts facts = events.get(i).task();
      if (groups.get(i).size() > 1) {
        messages.addAll(digest(groups.get(i).stream().map(Outbox.TaskEvent::task).toList(), to.get(i)));
      } else if (events.get(i).kind() == MessageKind.TASK_ASSIGNED) {
        messages.addAll(messages(MessageKind.TASK_ASSIGNED, facts, to.get(i),
            "A task in qsmo-workflow has been assigned to you.", "Task assigned to you: "));
      } else {
        messages.addAll(messages(MessageKind.TASK_OFFERED, facts, to.get(i), "A task in qsmo-workflow is waiting for "
            + waitingFor(facts, groupName) + ". Whoever claims it first does it.", "Task waiting for you: "));
      }
    }
    return messages;
  }

  /**
   * A reminder that the open task's deadline is near, to its assignee or, if nobody has claimed it, to its
   * candidates. Call it in the transaction that notices the deadline (a timer's job).
   */
  public void remind(String taskId) {
    if (!enabled()) {
      return;
    }
    TaskFacts facts = facts(taskId);
    String deadline = deadline(facts.due());
    if (facts.assignee() != null) {
      send(MessageKind.TASK_REMINDER, facts, Set.of(facts.assignee()), Set.of(),
          "Reminder: this task of yours is still open. Its deadline: " + deadline + ".", "Reminder: ");
    } else {
      send(MessageKind.TASK_REMINDER, facts, facts.candidateUsers(), facts.candidateGroups(),
          "Reminder: this task is still waiting for " + waitingFor(facts) + ". Its deadline: " + deadline + ".",
          "Reminder: ");
    }
  }

  /**
   * The task's deadline has passed: its assignee (or candidates) are told, and so are those who can resolve
   * it (extend the deadline, hand the task to someone else): {@code resolverUsers} and {@code resolverGroups}.
   */
  public void overdue(String taskId, Collection<String> resolverUsers, Collection<String> resolverGroups) {
    if (!enabled()) {
      return;
    }
    TaskFacts facts = facts(taskId);
    String deadline = deadline(facts.due());
    Set<String> owners = facts.assignee() != null ? Set.of(facts.assignee()) : facts.candidateUsers();
    Set<String> ownerGroups = facts.assignee() != null ? Set.of() : facts.candidateGroups();
    List<Recipient> owed = send(MessageKind.TASK_OVERDUE, facts, owners, ownerGroups,
        "This task has passed its deadline (" + deadline + "). Please complete it, or tell whoever coordinates "
            + "the step.", "Overdue: ");
    Set<String> told = new LinkedHashSet<>();
    owed.forEach(r -> told.add(r.userId()));
    List<Recipient> resolvers = new ArrayList<>(recipients.resolve(resolverUsers, resolverGroups, facts.recordId()));
    resolvers.removeIf(r -> r.userId() != null && told.contains(r.userId()));
    String who = facts.assignee() != null ? facts.assignee() : waitingFor(facts);
    outbox.record(messages(MessageKind.TASK_OVERDUE, facts, resolvers, "A task waiting for " + who + " has passed "
        + "its deadline (" + deadline + "). You can resolve it: extend the deadline or give the task to someone "
        + "else.", "Overdue, for you to resolve: "));
  }

  /** A decision was recorded: its message goes to those concerned, in the same transaction. */
  @EventListener
  void on(DecisionNotice notice) {
    if (!enabled()) {
      return;
    }
    try {
      String link = properties.base() + "/camunda/app/tasklist/";
      String subject = subject("[QSMO] " + notice.headline());
      StringBuilder text = new StringBuilder();
      StringBuilder html = new StringBuilder();
      for (DecisionNotice.Fact fact : notice.facts()) {
        text.append(fact.label()).append(": ").append(fact.value()).append('\n');
        html.append("<tr><th scope=\"row\" style=\"text-align: left; vertical-align: top; padding-right: 1em;\">")
            .append(MailTemplates.escape(fact.label())).append("</th><td>").append(MailTemplates.escape(fact.value()))
            .append("</td></tr>\n");
      }
      List<Outbox.Message> messages = new ArrayList<>();
      for (Recipient recipient : recipients.resolve(notice.users(), notice.groups(), notice.recordId())) {
        Map<String, String> model = new LinkedHashMap<>();
        model.put("name", recipient.name());
        model.put("headline", notice.headline());
        model.put("subject", subject);
        model.put("link", link);
        model.put("baseUrl", properties.base());
        model.put("facts", text.toString());
        String bodyText = MailTemplates.text("decision", model);
        model.put("facts", html.toString());
        String bodyHtml = MailTemplates.html("decision", model);
        messages.add(message(MessageKind.DECISION, recipient, subject, bodyText, bodyHtml, null, notice.recordId()));
      }
      outbox.record(messages);
    } catch (RuntimeException e) {
      // The decision stands; a message that could not be written is logged, never the decision's failure.
      log.warn("Could not write the messages of the decision on {}: {}", notice.recordId(), e.toString());
    }
  }

  /** Writes the task message for the recipients among these users and groups; returns them. */
  private List<Recipient> send(MessageKind kind, TaskFacts facts, Collection<String> users,
      Collection<String> groups, String intro, String subjectPrefix) {
    List<Recipient> to = recipients.resolve(users, groups, facts.recordId());
    outbox.record(messages(kind, facts, to, intro, subjectPrefix));
    return to;
  }

  private List<Outbox.Message> messages(MessageKind kind, TaskFacts facts, List<Recipient> to, String intro,
      String subjectPrefix) {
    String subject = subject("[QSMO] " + subjectPrefix + facts.name());
    List<Outbox.Message> messages = new ArrayList<>();
    for (Recipient recipient : to) {
      Map<String, String> model = new LinkedHashMap<>();
      model.put("name", recipient.name());
      model.put("intro", intro);
      model.put("subject", subject);
      model.put("taskName", facts.name());
      model.put("processName", facts.processName() == null ? "(none)" : facts.processName());
      model.put("record", facts.recordId() == null ? "(none)" : facts.recordId());
      model.put("deadline", deadline(facts.due()));
      model.put("link", properties.taskLink(facts.taskId()));
      model.put("baseUrl", properties.base());
      messages.add(message(kind, recipient, subject, MailTemplates.text("task", model),
          MailTemplates.html("task", model), facts.taskId(), facts.recordId()));
    }
    return messages;
  }

  /**
   * One message for several tasks assigned to the same person for the same record: how many, each by name with
   * its deadline and its link, the earliest deadline first.
   */
  private List<Outbox.Message> digest(List<TaskFacts> tasks, List<Recipient> to) {
    List<TaskFacts> byDeadline = new ArrayList<>(tasks);
    byDeadline.sort(Comparator.comparing(TaskFacts::due, Comparator.nullsLast(Comparator.naturalOrder())));
    TaskFacts first = byDeadline.get(0);
    String recordId = first.recordId();
    // "Score RFI response: Acme Cloud (RFI-2026-0004)" and its like name the kind of work before the colon.
    Set<String> kinds = new LinkedHashSet<>();
    byDeadline.forEach(t -> kinds.add(t.name() == null ? "" : t.name().split(": ", 2)[0]));
    String what = kinds.size() == 1 && !kinds.iterator().next().isBlank() ? kinds.iterator().next() : null;
    String subject = subject("[QSMO] " + tasks.size() + " tasks assigned to you" + (what == null ? "" : ": " + what)
        + (recordId == null ? "" : " (" + recordId + ")"));
    Set<String> processes = new LinkedHashSet<>();
    byDeadline.forEach(t -> {
      if (t.processName() != null) {
        processes.add(t.processName());
      }
    });
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    for (TaskFacts task : byDeadline) {
      String name = task.name() == null ? "(unnamed task)" : task.name();
      String link = properties.taskLink(task.taskId());
      text.append("- ").append(name).append('\n').append("  Deadline: ").append(deadline(task.due())).append('\n')
          .append("  ").append(link).append('\n');
      html.append("<li><a href=\"").append(MailTemplates.escape(link)).append("\">").append(MailTemplates.escape(name))
          .append("</a><br>Deadline: ").append(MailTemplates.escape(deadline(task.due()))).append("</li>\n");
    }
    List<Outbox.Message> messages = new ArrayList<>();
    for (Recipient recipient : to) {
      Map<String, String> model = new LinkedHashMap<>();
      model.put("name", recipient.name());
      model.put("intro", tasks.size() + " tasks in qsmo-workflow have been assigned to you. They are listed below, "
          + "the earliest deadline first; each link opens its task in Tasklist.");
      model.put("subject", subject);
      model.put("count", Integer.toString(tasks.size()));
      model.put("processName", processes.isEmpty() ? "(none)" : String.join(", ", processes));
      model.put("record", recordId == null ? "(none)" : recordId);
      model.put("deadline", deadline(first.due()));
      model.put("link", properties.base() + "/camunda/app/tasklist/default/");
      model.put("baseUrl", properties.base());
      model.put("tasks", text.toString());
      String bodyText = MailTemplates.text("task-digest", model);
      model.put("tasks", html.toString());
      messages.add(message(MessageKind.TASK_ASSIGNED, recipient, subject, bodyText,
          MailTemplates.html("task-digest", model), null, recordId));
    }
    return messages;
  }

  private static Outbox.Message message(MessageKind kind, Recipient recipient, String subject, String text,
      String html, String taskId, String recordId) {
    String problem;
    if (recipient.address() == null) {
      problem = "User " + recipient.userId() + " has no e-mail address in Camunda's identity.";
    } else {
      problem = EmailAddresses.problem(recipient.address());
    }
    return new Outbox.Message(kind, recipient.userId(), recipient.address() == null ? null
        : EmailAddresses.printable(recipient.address()), subject, text, html, taskId, recordId, problem);
  }

  /** The words of a subject: one line (no CR, LF or other control character), at most 200 characters. */
  static String subject(String text) {
    String line = EmailAddresses.printable(text).strip();
    return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 3) + "...";
  }

  private String deadline(Date due) {
    return due == null ? "none set" : DEADLINE.withZone(properties.officeTimeZone()).format(due.toInstant());
  }

  private String waitingFor(TaskFacts facts) {
    return waitingFor(facts, recipients::groupName);
  }

  /** Whom the task waits for: its candidate groups by name ({@code groupName}), then its candidate users. */
  private static String waitingFor(TaskFacts facts, Function<String, String> groupName) {
    List<String> parts = new ArrayList<>();
    facts.candidateGroups().forEach(groupId -> parts.add(groupName.apply(groupId)));
    parts.addAll(facts.candidateUsers());
    return String.join(", ", parts);
  }

  /**
   * What the messages say about this task; its candidates only when asked for (reading them may cost a query,
   * and a message to the assignee does not name them).
   */
  private TaskFacts facts(DelegateTask task, boolean withCandidates) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : withCandidates ? task.getCandidates() : Set.<IdentityLink>of()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          users.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    String processName = null;
    if (task instanceof TaskEntity entity && entity.getProcessDefinition() != null) {
      processName = entity.getProcessDefinition().getName();
    }
    String recordId = task.getExecution() != null ? task.getExecution().getProcessBusinessKey() : null;
    return new TaskFacts(task.getId(), task.getName(), processName, recordId, task.getDueDate(), task.getAssignee(),
        users, groups);
  }

  private TaskFacts facts(String taskId) {
    return Privileged.run(identityService, () -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        throw new IllegalArgumentException("No open task " + taskId);
      }
      Set<String> users = new LinkedHashSet<>();
      Set<String> groups = new LinkedHashSet<>();
      for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
      }
      String processName = null;
      String recordId = null;
      if (task.getProcessDefinitionId() != null) {
        ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
        processName = definition.getName();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).singleResult();
        recordId = instance == null ? null : instance.getBusinessKey();
      }
      return new TaskFacts(task.getId(), task.getName(), processName, recordId, task.getDueDate(),
          task.getAssignee(), users, groups);
    });
  }
}
