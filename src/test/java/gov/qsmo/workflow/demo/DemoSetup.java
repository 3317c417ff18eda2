package gov.qsmo.workflow.demo;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.AGENCY_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.FUNCTIONAL_AREA_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.SCOPE;

import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo run's users and live process instances, created when the database holds no designation
 * yet (a restart adds nothing). Active only with {@code qsmo.demo.enabled=true}, i.e. the demo profile;
 * test scope, never in the production jar.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
class DemoSetup {

  private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

  private final IdentitySetup identity;
  private final AdvisoryLock startupLock;
  private final DesignationService designations;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Clock clock;
  private final String port;
  private final DemoSteps steps;

  DemoSetup(IdentitySetup identity, AdvisoryLock startupLock, DesignationService designations,
      IdentityService identityService, RuntimeService runtimeService, TaskService taskService, Clock clock,
      @Value("${server.port:8080}") String port, DemoSteps steps) {
    this.identity = identity;
    this.startupLock = startupLock;
    this.designations = designations;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.clock = clock;
    this.port = port;
    this.steps = steps;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void onReady() {
    startupLock.runExclusively(this::setUp);
  }

  void setUp() {
    for (DemoUsers.DemoUser user : DemoUsers.ALL) {
      identity.ensureUser(user.id(), user.firstName(), user.lastName(), user.id(),
          user.groups().toArray(String[]::new));
    }
    // The historical designations are records without a process; demo data is created once.
    if (designations.all().stream().noneMatch(d -> d.getProcessInstanceId() != null)) {
      createDesignations();
    }
  }

  /** Runs after every capability's demo data: the demo is ready once this is printed. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(100)
  public void announce() {
    log.info("""

        ==========================================================================
          qsmo-workflow demo is ready: open http://localhost:{}/camunda/app/tasklist/
          Sign in as any demo user; each password equals the user id, e.g.
            omb.analyst   starts a designation      omb.decider  pre-designates
            director.gsa  prepares GSA's plan       auditor      reads everything
            director.hhs  approves an RFI plan      reviewer1    attests and scores
            panel.chair   holds an RFI consensus
          Administrator: admin / admin.  All accounts: README.md, "Demo accounts".
          API docs: http://localhost:{}/swagger-ui.html
          The demo's e-mail (embedded mail server): http://localhost:{}/demo/mail
        ==========================================================================""", port, port, port);
  }

  private void createDesignations() {
    LocalDate due = gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now(clock).plusMonths(4));
    // Waiting for OMB's pre-designation decision (omb.decider).
    start("CYBER", "DHS", "Zero-trust architecture shared services for civilian agencies.", due);
    // Pre-designated: waiting for GSA's Marketplace Implementation Plan (director.gsa).
    String acquisition = start("ACQ", "GSA",
        "Acquisition marketplace: contract writing systems and acquisition data services.", due);
    preDesignate(acquisition);
    // A complete plan under board review: every board member but Treasury's (recused) has a review task.
    String financial = start("FM", "TREAS",
        "Core financial management: a commercial marketplace beside the federal shared service providers.", due);
    preDesignate(financial);
    submitPlan(financial, "director.treas", """
        Core financial system hosting | federal | Treasury Administrative Resource Center (ARC) | Interagency agreement
        Core financial system hosting | federal | Interior Business Center (IBC) | Interagency agreement
        Commercial core financial system (SaaS) | commercial | Schedule vendors | GSA MAS special item number""");
    // The board has voted on OPM's plan: waiting for the chair to consolidate (board.chair).
    String hr = start("HR", "OPM", "Civilian HR transaction services: compensation, work schedule and leave.", due);
    preDesignate(hr);
    submitPlan(hr, "director.opm", """
        Payroll processing | federal | USDA National Finance Center | Interagency agreement
        Work schedule and leave | federal | Interior Business Center (IBC) | Interagency agreement
        HR IT inventory of agencies' systems | federal | OPM HR Solutions | Interagency agreement""");
    steps.settle(hr);
    vote(hr, DemoUsers.BOARD_CHAIR, "ENDORSE", null);
    vote(hr, "board.dhs", "ENDORSE_WITH_CONDITIONS", "Publish the HR IT inventory to agencies within 6 months.");
    vote(hr, "board.treas", "RETURN_FOR_REVISION", null);
    vote(hr, "board.hhs", "ENDORSE", null);
    steps.settle(hr);
    // The board endorsed HHS's grants plan with conditions: waiting for OMB's decision (omb.decider).
    String grants = start("GRANTS", "HHS", "Grants management solutions for grant-making agencies.", due);
    preDesignate(grants);
    submitPlan(grants, "director.hhs", """
        Grants management system | federal | HHS GrantSolutions | Interagency agreement
        Commercial grants management (SaaS) | commercial | Grants RFI vendors | GSA MAS special item number""");
    steps.settle(grants);
    for (String member : List.of(DemoUsers.BOARD_CHAIR, "board.dhs", "board.treas", "board.opm")) {
      vote(grants, member, "ENDORSE", null);
    }
    steps.settle(grants);
    steps.as(DemoUsers.BOARD_CHAIR, () -> taskService.complete(steps.singleTask(grants).getId(), Map.of(
        "boardDecision", "ENDORSE_WITH_CONDITIONS",
        "boardConditions", "Report customer satisfaction yearly.\nMigrate one legacy provider by 2028.",
        "consolidatedComments", "The board endorses the plan; the conditions track customer voice and migration.")));
    log.info("Demo designations created, waiting for: pre-designation (omb.decider), a plan (director.gsa), board "
        + "votes (board.chair, board.dhs, board.opm, board.hhs), the chair's consolidation (board.chair), "
        + "OMB's decision (omb.decider)");
  }

  private void preDesignate(String instance) {
    steps.as(DemoUsers.OMB_DECIDER, () -> taskService.complete(steps.singleTask(instance).getId(),
        Map.of(DECISION, "PRE_DESIGNATE")));
  }

  /** A complete plan; {@code offerings} one per line: name | federal or commercial | provider | contract vehicle. */
  private void submitPlan(String instance, String director, String offerings) {
    steps.as(director, () -> taskService.complete(steps.singleTask(instance).getId(), Map.of(
        "serviceOfferings", offerings,
        "acquisitionStrategy", "Agencies order through a GSA Multiple Award Schedule special item number; "
            + "providers are pre-qualified against the Federal Integrated Business Framework.",
        "governance", "A customer council of CFO Act agencies advises the QSMO; the board reviews yearly.",
        "financialInfrastructure", "Fee for service, with a working capital fund for onboarding.",
        "organization", "A QSMO program office of 25 staff in the lead agency.",
        "standardsAlignment", "Federal Integrated Business Framework standards of the function.",
        "risks", "Vendor lock-in; slow migration of legacy providers.")));
  }

  private void vote(String instance, String member, String recommendation, String conditions) {
    Task review = taskService.createTaskQuery().processInstanceId(instance).taskAssignee(member).singleResult();
    Map<String, Object> values = new java.util.HashMap<>(Map.of("recommendation", recommendation,
        "governanceComment", "Make the customer council's membership public."));
    if (conditions != null) {
      values.put("proposedConditions", conditions);
    }
    steps.as(member, () -> taskService.complete(review.getId(), values));
  }



  private String start(String area, String agency, String scope, LocalDate due) {
    String[] id = new String[1];
    steps.as(DemoUsers.OMB_ANALYST, () -> id[0] = runtimeService.startProcessInstanceByKey(DesignationProcess.KEY,
        Map.of(FUNCTIONAL_AREA_CODE, area, AGENCY_CODE, agency, SCOPE, scope, PLAN_DUE_DATE, due.toString()))
        .getId());
    return id[0];
  }

}
