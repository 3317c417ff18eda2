package gov.qsmo.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.TestMailServer;
import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.designation.PlanBuilder;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Set;

/**
 * E-mail over real SMTP (GreenMail) along a designation: each kind of message reaches the right people with
 * the task's link and deadline, nothing reaches the member recused from the plan, and no message carries a
 * vote or a comment; the mail server down during a board round, then back: every message arrives once.
 * The board here: members from GSA, DHS and HHS (HHS's plan recuses the HHS member), one chair from GSA.
 */
@ProcessEngineTest
class NotificationMailTests {

  static final String OMB = "mail.omb";
  static final String DIRECTOR = "mail.director.hhs";
  static final String GSA = "mail.board.gsa";
  static final String DHS = "mail.board.dhs";
  static final String HHS = "mail.board.hhs";
  static final String CHAIR = "mail.chair";
  /** A chair who works for HHS: recused from consolidating HHS's plan, though the task goes to all chairs. */
  static final String CHAIR_HHS = "mail.chair.hhs";
  static final String SECRET_COMMENT = "Vote-comment-that-no-mail-may-carry";

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  Notifications notifications;
  @Autowired
  DeadlineWatch deadlineWatch;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  PlatformTransactionManager transactionManager;

  @BeforeEach
  void setUp() {
    TestMailServer.start();
    identitySetup.ensureUser(OMB, "Olive", "Mailer (OMB)", "pw", Roles.OMB_DECIDERS);
    identitySetup.ensureUser(DIRECTOR, "Dina", "Mailer (HHS director)", "pw", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("HHS"), Roles.agencyGroup("HHS"));
    identitySetup.ensureUser(GSA, "Gus", "Mailer", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("GSA"));
    identitySetup.ensureUser(DHS, "Dee", "Mailer", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("DHS"));
    identitySetup.ensureUser(HHS, "Hal", "Mailer", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("HHS"));
    identitySetup.ensureUser(CHAIR, "Cy", "Mailer", "pw", Roles.SSGB_CHAIRS, Roles.agencyGroup("GSA"));
    identitySetup.ensureUser(CHAIR_HHS, "Chas", "Mailer", "pw", Roles.SSGB_CHAIRS, Roles.agencyGroup("HHS"));
  }

  /** The engine is shared: other tests' board rounds take every board member, so these users go again. */
  @AfterEach
  void serverRunsAndTheUsersAreGone() {
    identityService.clearAuthentication();
    TestMailServer.start();
    for (String user : List.of(OMB, DIRECTOR, GSA, DHS, HHS, CHAIR, CHAIR_HHS)) {
      identityService.deleteUser(user);
    }
  }

  @Test
  void eachStepMailsItsPeopleWithTheLinkAndNothingReachesTheRecusedMemberOrRevealsAVote() {
    ProcessInstance instance = start("HHS");
    String id = instance.getBusinessKey();
    Task preDesignate = task(instance);

    // Offered to OMB's deciders: each member is told, with the direct link to the task.
    Mails offered = awaitOne(OMB, id, "Task waiting for you: Pre-designate candidate agency");
    assertThat(offered.text()).contains("is waiting for OMB deciders")
        .contains("Process:   QSMO designation").contains("Record:    " + id)
        .contains("Deadline:  " + inTheOffice(preDesignate.getDueDate()))
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + preDesignate.getId());
    assertThat(offered.html()).contains("href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task="
        + preDesignate.getId() + "\"");

    complete(preDesignate, OMB, Map.of("decision", "PRE_DESIGNATE"));
    // The decision, to the director and to OMB; the plan task, to the agency's directors.
    Mails decided = awaitOne(DIRECTOR, id, "OMB pre-designated");
    assertThat(decided.subject()).isEqualTo("[QSMO] OMB pre-designated Department of Health and Human Services as "
        + "candidate QSMO for Grants management");
    assertThat(decided.text()).contains("Designation: " + id).contains("Plan due: ");
    awaitOne(OMB, id, "OMB pre-designated");
    awaitOne(DIRECTOR, id, "Task waiting for you: Prepare Marketplace Implementation Plan");

    complete(task(instance), DIRECTOR, PlanBuilder.complete().build());
    runAsyncContinuations(instance);
    // Each eligible member is assigned a review; the recused member hears nothing of this designation.
    for (String member : List.of(GSA, DHS)) {
      Mails assigned = awaitOne(member, id, "Task assigned to you: Review Marketplace Implementation Plan");
      assertThat(assigned.text()).contains("has been assigned to you");
    }

    voteAll(instance, "RETURN_FOR_REVISION");
    runAsyncContinuations(instance);
    Task consolidate = task(instance);
    assertThat(consolidate.getTaskDefinitionKey()).isEqualTo(DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION);
    Mails toChair = awaitOne(CHAIR, id, "Task waiting for you: Consolidate board recommendation");
    assertThat(toChair.text()).doesNotContain("Endorse").doesNotContain("Return for revision");

    complete(consolidate, CHAIR, Map.of("boardDecision", "ENDORSE", "consolidatedComments", "Sound plan."));
    Mails recommendation = awaitOne(OMB, id, "The governance board's recommendation");
    assertThat(recommendation.text()).contains("Endorse").doesNotContain(SECRET_COMMENT);

    List<Mails> aboutIt = Mails.received().stream().filter(m -> m.mentions(id)).toList();
    assertThat(aboutIt).as("no message about %s to the recused member or chair", id)
        .noneMatch(m -> m.to().startsWith(HHS + "@") || m.to().startsWith(CHAIR_HHS + "@"));
    assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ? "
        + "and recipient_user_id in (?, ?)", Integer.class, id, HHS, CHAIR_HHS)).isZero();
    assertThat(aboutIt).as("no message carries a member's comment").noneMatch(m -> m.mentions(SECRET_COMMENT));
  }

  /** The task's due date (set from the business calendar) as the messages write it: in the office's zone. */
  private static String inTheOffice(Date due) {
    assertThat(due).as("the task has a due date from the business calendar").isNotNull();
    return java.time.format.DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a zzz", java.util.Locale.US)
        .withZone(java.time.ZoneId.of("America/New_York")).format(due.toInstant());
  }

  @Test
  void aReminderAndAnOverdueNoticeGiveTheDeadlineInTheOfficesTimeZone() {
    ProcessInstance instance = start("HHS");
    Task task = task(instance);
    task.setDueDate(Date.from(Instant.parse("2026-12-11T22:00:00Z")));
    taskService.saveTask(task);

    notifications.remind(task.getId());
    Mails reminder = awaitOne(OMB, instance.getBusinessKey(), "Reminder: Pre-designate candidate agency");
    assertThat(reminder.text()).contains("Deadline:  Friday, December 11, 2026, 5:00 PM EST")
        .contains("?task=" + task.getId());

    notifications.overdue(task.getId(), List.of(CHAIR), List.of());
    Mails overdue = awaitOne(OMB, instance.getBusinessKey(), "Overdue: Pre-designate candidate agency");
    assertThat(overdue.text()).contains("has passed its deadline (Friday, December 11, 2026, 5:00 PM EST)");
    Mails toResolver = awaitOne(CHAIR, instance.getBusinessKey(), "Overdue, for you to resolve:");
    assertThat(toResolver.text()).contains("You can resolve it");
  }

  /**
   * The deadline watch: the plan task's follow-up date come, its directors are reminded once; its due date
   * passed, they are told it is overdue and so are OMB's deciders, who resolve an overdue plan; once only,
   * until the deadline moves (an extension is a new deadline).
   */
  @Test
  void theDeadlineWatchRemindsOnceThenTellsOwnersAndResolversOnceForEachDeadline() {
    ProcessInstance instance = start("HHS");
    complete(task(instance), OMB, Map.of("decision", "PRE_DESIGNATE"));
    Task plan = task(instance);
    Instant now = Instant.now();
    plan.setFollowUpDate(Date.from(now.minusSeconds(60)));
    plan.setDueDate(Date.from(now.plus(Duration.ofDays(2))));
    taskService.saveTask(plan);

    deadlineWatch.watch();
    deadlineWatch.watch();
    assertThat(notices(plan, "TASK_REMINDER", DIRECTOR)).as("one reminder, the second pass adds none").isEqualTo(1);
    assertThat(notices(plan, "TASK_OVERDUE", DIRECTOR)).isZero();
    Mails reminder = awaitOne(DIRECTOR, instance.getBusinessKey(), "Reminder: Prepare Marketplace Implementation Plan");
    assertThat(reminder.text()).contains("Deadline:  " + inTheOffice(plan.getDueDate())).contains("?task=" + plan.getId());

    plan.setDueDate(Date.from(now.minusSeconds(30)));
    taskService.saveTask(plan);
    deadlineWatch.watch();
    deadlineWatch.watch();
    assertThat(notices(plan, "TASK_OVERDUE", DIRECTOR)).as("the owner, once").isEqualTo(1);
    assertThat(notices(plan, "TASK_OVERDUE", OMB)).as("OMB's deciders resolve an overdue plan").isEqualTo(1);
    assertThat(notices(plan, "TASK_REMINDER", DIRECTOR)).as("no reminder once overdue").isEqualTo(1);
    Mails toResolver = awaitOne(OMB, instance.getBusinessKey(), "Overdue, for you to resolve: Prepare Marketplace");
    assertThat(toResolver.text()).contains("You can resolve it");

    plan.setDueDate(Date.from(now.minusSeconds(10)));
    taskService.saveTask(plan);
    // Two watches at once, as on two nodes: the notice is taken by one of them.
    List<java.util.concurrent.CompletableFuture<DeadlineWatch.Pass>> passes = List.of(
        java.util.concurrent.CompletableFuture.supplyAsync(deadlineWatch::watch),
        java.util.concurrent.CompletableFuture.supplyAsync(deadlineWatch::watch));
    passes.forEach(java.util.concurrent.CompletableFuture::join);
    assertThat(notices(plan, "TASK_OVERDUE", DIRECTOR)).as("a new deadline passed, told again, once").isEqualTo(2);
    assertThat(notices(plan, "TASK_OVERDUE", OMB)).isEqualTo(2);
    assertThat(Mails.to(HHS)).as("nothing to the recused member").noneMatch(m -> m.mentions(instance.getBusinessKey()));
  }

  /** The sender has written the messages of every task of this record assigned or offered so far (ADR 0032). */
  private void awaitTaskMessagesWritten(String recordId) {
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from "
        + "qsmo.notification_task_event where record_id = ?", Integer.class, recordId) == 0);
  }

  private int notices(Task task, String kind, String user) {
    return jdbc.queryForObject("select count(*) from qsmo.notification_message where task_id = ? and kind = ? "
        + "and recipient_user_id = ?", Integer.class, task.getId(), kind, user);
  }

  @Test
  void aUserWhoSwitchedEmailOffGetsNone() {
    NotificationPreferences preferences = new NotificationPreferences(
        new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc), java.time.Clock.systemUTC());
    preferences.setEmailEnabled(OMB, false);
    try {
      ProcessInstance instance = start("HHS");
      String director = DIRECTOR;
      complete(task(instance), OMB, Map.of("decision", "PRE_DESIGNATE"));
      awaitOne(director, instance.getBusinessKey(), "OMB pre-designated");
      awaitTaskMessagesWritten(instance.getBusinessKey());
      assertThat(Mails.to(OMB)).noneMatch(m -> m.mentions(instance.getBusinessKey()));
      assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ? "
          + "and recipient_user_id = ?", Integer.class, instance.getBusinessKey(), OMB)).isZero();
    } finally {
      preferences.setEmailEnabled(OMB, true);
    }
  }

  @Test
  void theMailServerDownDuringABoardRoundThenBackEveryMessageArrivesOnce() {
    TestMailServer.stop();
    ProcessInstance instance = start("HHS");
    String id = instance.getBusinessKey();
    long started = System.nanoTime();
    complete(task(instance), OMB, Map.of("decision", "PRE_DESIGNATE"));
    complete(task(instance), DIRECTOR, PlanBuilder.complete().build());
    runAsyncContinuations(instance);
    voteAll(instance, "ENDORSE");
    runAsyncContinuations(instance);
    complete(task(instance), CHAIR, Map.of("boardDecision", "ENDORSE", "consolidatedComments", "Sound plan."));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).as("the steps never wait for the mail server").isLessThan(Duration.ofSeconds(20));
    // The messages of the tasks assigned and offered are written (not sent) whether or not the server is up.
    awaitTaskMessagesWritten(id);
    // While the server is down the messages wait, and are tried again.
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from "
        + "qsmo.notification_message where record_id = ? and status = 'PENDING' and attempts > 0", Integer.class, id)
        > 0);
    Integer expected = jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ? "
        + "and status <> 'UNDELIVERABLE'", Integer.class, id);
    assertThat(expected).isGreaterThanOrEqualTo(8);

    TestMailServer.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> Mails.received().stream().filter(m -> m.mentions(id)).count()
        >= expected);
    sleep(Duration.ofSeconds(3));
    List<Mails> arrived = Mails.received().stream().filter(m -> m.mentions(id)).toList();
    assertThat(arrived).hasSize(expected);
    Map<String, Long> copies = arrived.stream().collect(Collectors.groupingBy(m -> m.to() + " | " + m.subject(),
        Collectors.counting()));
    assertThat(copies).as("each message once").allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
    assertThat(copies.keySet()).anyMatch(k -> k.startsWith(GSA + "@") && k.contains("Task assigned to you: Review"))
        .anyMatch(k -> k.startsWith(OMB + "@") && k.contains("recommendation"));
    assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ? "
        + "and status = 'SENT'", Integer.class, id)).isEqualTo(expected);
  }

  @Test
  void peoplesInputIsEscapedInHtmlAndCannotAddAHeader() {
    String record = "ESC-" + System.nanoTime();
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(
        new DecisionNotice(record, "Decided\r\nBcc: intruder@example.com", List.of(
            new DecisionNotice.Fact("Record", record), new DecisionNotice.Fact("Reason", "<script>alert('x')</script> & more")), Set.of(), Set.of(OMB))));

    Mails mail = awaitOne(OMB, record, "Decided");
    assertThat(mail.subject()).isEqualTo("[QSMO] Decided  Bcc: intruder@example.com");
    assertThat(mail.headers()).doesNotContainIgnoringCase("\nBcc:");
    assertThat(mail.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .doesNotContain("<script>");
    assertThat(mail.text()).contains("Reason: <script>alert('x')</script> & more");
    assertThat(Mails.to("intruder@example.com")).isEmpty();
  }

  @Test
  void aMessageExistsOnlyIfTheStepThatCausedItCommitted() {
    ProcessInstance instance = start("HHS");
    Task task = task(instance);
    awaitTaskMessagesWritten(instance.getBusinessKey());
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      complete(task, OMB, Map.of("decision", "PRE_DESIGNATE"));
      assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ? "
          + "and kind = 'DECISION'", Integer.class, instance.getBusinessKey())).as("written with the step").isPositive();
      assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_task_event where record_id = ?",
          Integer.class, instance.getBusinessKey())).as("the next task's event recorded with the step").isPositive();
      status.setRollbackOnly();
    });
    assertThat(task(instance).getId()).as("the step rolled back").isEqualTo(task.getId());
    assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ? "
        + "and kind = 'DECISION'", Integer.class, instance.getBusinessKey())).as("and its messages with it").isZero();
    assertThat(jdbc.queryForObject("select count(*) from qsmo.notification_task_event where record_id = ?",
        Integer.class, instance.getBusinessKey())).as("and the next task's event").isZero();
    // Only the first task's offer is there; nothing of the rolled-back step.
    assertThat(jdbc.queryForList("select distinct task_id from qsmo.notification_message where record_id = ?",
        String.class, instance.getBusinessKey())).containsOnly(task.getId());
  }

  private ProcessInstance start(String agency) {
    identityService.setAuthentication("mail.analyst", List.of(Roles.OMB_ANALYSTS));
    try {
      return runtimeService.startProcessInstanceByKey(DesignationProcess.KEY, Map.of(
          "functionalAreaCode", "GRANTS", "agencyCode", agency, "scope", "Grants management <b>solutions</b>.",
          "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusMonths(3)).toString()));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    identityService.setAuthentication(user, groupsOf(user));
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  /** Every eligible member votes (the roster holds every board member of the shared engine). */
  private void voteAll(ProcessInstance instance, String recommendation) {
    for (Task review : taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(DesignationProcess.Elements.TASK_REVIEW_PLAN).list()) {
      Map<String, Object> values = new HashMap<>();
      values.put("recommendation", recommendation);
      values.put("governanceComment", SECRET_COMMENT);
      identityService.setAuthentication(review.getAssignee(), groupsOf(review.getAssignee()));
      try {
        taskService.complete(review.getId(), values);
      } finally {
        identityService.clearAuthentication();
      }
    }
  }

  private void runAsyncContinuations(ProcessInstance instance) {
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list())
        .isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** Waits for the one message to this user about the record whose subject contains the words. */
  static Mails awaitOne(String user, String recordId, String subjectWords) {
    Function<List<Mails>, List<Mails>> matching = all -> all.stream()
        .filter(m -> m.mentions(recordId) && m.subject().contains(subjectWords)).toList();
    await("'" + subjectWords + "' to " + user).atMost(Duration.ofSeconds(30))
        .until(() -> !matching.apply(Mails.to(user)).isEmpty());
    sleep(Duration.ofMillis(300));
    List<Mails> found = matching.apply(Mails.to(user));
    assertThat(found).as("'%s' to %s, once", subjectWords, user).hasSize(1);
    return found.get(0);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
