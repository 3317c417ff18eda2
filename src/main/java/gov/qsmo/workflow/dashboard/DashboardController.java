package gov.qsmo.workflow.dashboard;

import gov.qsmo.workflow.dashboard.DashboardQueries.AssessmentUnderWay;
import gov.qsmo.workflow.dashboard.DashboardQueries.Count;
import gov.qsmo.workflow.dashboard.DashboardQueries.DataCallProgress;
import gov.qsmo.workflow.dashboard.DashboardQueries.DayCount;
import gov.qsmo.workflow.dashboard.DashboardQueries.DirectorDesignation;
import gov.qsmo.workflow.dashboard.DashboardQueries.DirectorRfi;
import gov.qsmo.workflow.dashboard.DashboardQueries.OpenRound;
import gov.qsmo.workflow.dashboard.DashboardQueries.OverduePlan;
import gov.qsmo.workflow.dashboard.DashboardQueries.PanelRfi;
import gov.qsmo.workflow.dashboard.DashboardQueries.ReviewerProgress;
import gov.qsmo.workflow.dashboard.DashboardQueries.Stage;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.OfficeTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's data, one view per persona (ADR 0021). Who may call which view is decided by the
 * security configuration; what a view holds is limited to what its caller may read through the rest of
 * the API: counts and dates, never a vote before its round closes or a score.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "Where designations, board rounds, evaluations and one's own work stand")
class DashboardController {

  /** Tasklist's address of one task. */
  static final String TASK_LINK = "/camunda/app/tasklist/default/#/?task=";

  private final DashboardQueries queries;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Clock clock;
  private final OfficeTime officeTime;

  DashboardController(DashboardQueries queries, TaskService taskService, IdentityService identityService,
      Clock clock, OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.queries = queries;
    this.taskService = taskService;
    this.identityService = identityService;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- OMB and auditors

  record Program(Instant asOf, List<Stage> designationStages, long overduePlanCount, List<Link<OverduePlan>> overduePlans,
      long openRoundCount, List<OpenRound> openRounds, long openConditionCount, List<Count> rfiStages,
      long assessmentsUnderWayCount, List<Link<AssessmentUnderWay>> assessmentsUnderWay,
      List<Link<DataCallProgress>> dataCalls) {
  }

  record Link<T>(T item, String href) {
  }

  @GetMapping("/program")
  @Operation(summary = "The program: designations by stage with days in stage, overdue plans, open board rounds "
      + "(counts of votes, never their content; a plan's or an assessment's), open conditions, RFIs by stage, "
      + "assessments under way, the latest data calls with the agencies answered and late (OMB, auditors)")
  Program program() {
    return new Program(clock.instant(), queries.designationStages(), queries.overduePlanCount(),
        queries.overduePlans().stream().map(p -> new Link<>(p, "/api/designations/" + p.designationId())).toList(),
        queries.openRoundCount(), queries.openRounds(), queries.openConditionCount(), queries.rfiStages(),
        queries.assessmentsUnderWayCount(), assessments(null), dataCalls(null));
  }

  private List<Link<AssessmentUnderWay>> assessments(Set<String> agencies) {
    return queries.assessmentsUnderWay(agencies).stream().map(a -> new Link<>(a, "/api/designations/"
        + a.designationId() + "/assessments/" + a.assessmentId())).toList();
  }

  /** Each data call links to its page: the consolidated inventory with its charts. */
  private List<Link<DataCallProgress>> dataCalls(Set<String> agencies) {
    return queries.dataCalls(agencies, LocalDate.now(clock.withZone(officeTime.zone())), officeTime.zone().getId())
        .stream().map(c -> new Link<>(c, "/inventory/?dataCall=" + c.dataCallId())).toList();
  }

  // ---------------------------------------------------------------- board chair

  record Member(String memberId, String name, String agencyCode, String state) {
  }

  record Round(OpenRound round, long hoursLeft, List<Member> members) {
  }

  @GetMapping("/board-rounds")
  @Operation(summary = "Open board rounds: who has voted, who is recused, who has not, and the time left; never "
      + "how anyone voted (board chairs, OMB, auditors)")
  List<Round> boardRounds() {
    List<OpenRound> rounds = queries.openRounds();
    var rosters = queries.rosters(rounds.stream().map(OpenRound::roundId).toList());
    Map<String, String> names = names(rosters.stream().map(DashboardQueries.RosterEntry::memberId).toList());
    Instant now = clock.instant();
    return rounds.stream().map(round -> new Round(round,
        Math.max(0, Duration.between(now, round.closesAt()).toHours()),
        rosters.stream().filter(m -> m.roundId() == round.roundId())
            .map(m -> new Member(m.memberId(), names.getOrDefault(m.memberId(), m.memberId()), m.agencyCode(),
                m.recused() ? "RECUSED" : m.voted() ? "VOTED" : "NOT_VOTED"))
            .toList()))
        .toList();
  }

  // ---------------------------------------------------------------- panel chair

  record Reviewer(String reviewerId, String name, long assigned, long scored, long open, long overdue,
      long openAcrossRfis) {
  }

  record Panel(PanelRfi rfi, String href, List<Reviewer> reviewers, List<DayCount> scoredPerDay) {
  }

  @GetMapping("/panels")
  @Operation(summary = "Evaluations at work: attestations signed, each reviewer's progress and overdue assignments "
      + "as counts, their workload across RFIs, scoring per day; never a score (a panel chair their own RFIs; "
      + "auditors all)")
  List<Panel> panels(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    boolean all = caller.in(Roles.AUDITORS) || caller.in(Roles.CAMUNDA_ADMIN);
    List<PanelRfi> rfis = queries.panelRfis(all ? null : caller.userId());
    List<ReviewerProgress> progress = queries.reviewerProgress(rfis.stream().map(PanelRfi::rfiId).toList());
    Set<String> reviewers = progress.stream().map(ReviewerProgress::reviewerId).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, Long> workload = queries.workload(reviewers).stream().collect(Collectors.toMap(Count::key, Count::count));
    Map<String, String> names = names(reviewers);
    return rfis.stream().map(rfi -> new Panel(rfi, "/api/rfis/" + rfi.rfiId(),
        progress.stream().filter(p -> p.rfiId().equals(rfi.rfiId()))
            .map(p -> new Reviewer(p.reviewerId(), names.getOrDefault(p.reviewerId(), p.reviewerId()), p.assigned(),
                p.scored(), p.open(), p.overdue(), workload.getOrDefault(p.reviewerId(), 0L)))
            .toList(),
        queries.scoredPerDay(rfi.rfiId()))).toList();
  }

  // ---------------------------------------------------------------- QSMO director

  record Qsmo(List<Link<DirectorDesignation>> designations, List<Link<DirectorRfi>> rfis,
      List<Link<AssessmentUnderWay>> assessmentsUnderWay, List<Link<DataCallProgress>> dataCalls) {
  }

  @GetMapping("/qsmo")
  @Operation(summary = "A QSMO director's own agencies: their designations with plan due dates and open conditions, "
      + "their RFIs, their QSMOs' assessments under way and their data calls with the agencies answered and late")
  Qsmo qsmo(Authentication authentication) {
    Set<String> agencies = Roles.agenciesDirected(Caller.of(authentication).groups());
    return new Qsmo(
        queries.designationsOf(agencies).stream().map(d -> new Link<>(d, "/api/designations/" + d.designationId()))
            .toList(),
        queries.rfisOf(agencies).stream().map(r -> new Link<>(r, "/api/rfis/" + r.rfiId())).toList(),
        assessments(agencies), dataCalls(agencies));
  }

  // ---------------------------------------------------------------- everyone

  record WorkItem(String taskId, String name, String processDefinitionId, Instant due, Instant followUp,
      String href) {
  }

  /** {@code timeZone}: the office's (an IANA id), in which the page shows every date and time. */
  record MyWork(long open, long overdue, List<WorkItem> next, String timeZone) {
  }

  @GetMapping("/my-work")
  @Operation(summary = "The caller's own open tasks (assigned to them or offered to their groups), soonest due "
      + "first, each linking to Tasklist")
  MyWork myWork(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Function<TaskQuery, TaskQuery> mine = query -> query.or().taskAssignee(caller.userId())
        .taskCandidateUser(caller.userId()).endOr();
    long open = mine.apply(taskService.createTaskQuery()).count();
    long overdue = mine.apply(taskService.createTaskQuery()).dueBefore(java.util.Date.from(clock.instant())).count();
    List<Task> next = mine.apply(taskService.createTaskQuery()).orderByDueDate().asc().orderByTaskCreateTime().asc()
        .listPage(0, DashboardQueries.LIST_LIMIT);
    return new MyWork(open, overdue, next.stream().map(t -> new WorkItem(t.getId(), t.getName(),
        t.getProcessDefinitionId(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
        t.getFollowUpDate() == null ? null : t.getFollowUpDate().toInstant(), TASK_LINK + t.getId())).toList(),
        officeTime.zone().getId());
  }

  private Map<String, String> names(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return gov.qsmo.workflow.process.Privileged.run(identityService, () -> identityService.createUserQuery()
        .userIdIn(userIds.stream().distinct().toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(User::getId, u -> (u.getFirstName() + " " + u.getLastName()).strip())));
  }
}
