package gov.qsmo.workflow.demo;

import static gov.qsmo.workflow.designation.DesignationProcess.Variables.AGENCY_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.DECISION;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.FUNCTIONAL_AREA_CODE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.PLAN_DUE_DATE;
import static gov.qsmo.workflow.designation.DesignationProcess.Variables.SCOPE;

import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.StartupLock;
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
 * yet (a restart adds nothing). Active only with {@code qsmo.demo.enabled=true}, i.e. the demo profile.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
class DemoSetup {

  private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

  private final IdentitySetup identity;
  private final StartupLock startupLock;
  private final DesignationService designations;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Clock clock;
  private final String port;

  DemoSetup(IdentitySetup identity, StartupLock startupLock, DesignationService designations,
      IdentityService identityService, RuntimeService runtimeService, TaskService taskService, Clock clock,
      @Value("${server.port:8080}") String port) {
    this.identity = identity;
    this.startupLock = startupLock;
    this.designations = designations;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.clock = clock;
    this.port = port;
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
    if (designations.all().isEmpty()) {
      createDesignations();
    }
    log.info("""

        ==========================================================================
          qsmo-workflow demo is ready: open http://localhost:{}/camunda/app/tasklist/
          Sign in as any demo user; each password equals the user id, e.g.
            omb.analyst   starts a designation      omb.decider  pre-designates
            director.gsa  prepares GSA's plan       auditor      reads everything
          Administrator: admin / admin.  All accounts: README.md, "Demo accounts".
          API docs: http://localhost:{}/swagger-ui.html
        ==========================================================================""", port, port);
  }

  private void createDesignations() {
    LocalDate due = LocalDate.now(clock).plusMonths(4);
    // Waiting for OMB's pre-designation decision (omb.decider).
    start("CYBER", "DHS", "Zero-trust architecture shared services for civilian agencies.", due);
    // Pre-designated: waiting for GSA's Marketplace Implementation Plan (director.gsa).
    String acquisition = start("ACQ", "GSA",
        "Acquisition marketplace: contract writing systems and acquisition data services.", due);
    as(DemoUsers.OMB_DECIDER, () -> {
      Task task = taskService.createTaskQuery().processInstanceId(acquisition)
          .taskDefinitionKey(DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).singleResult();
      taskService.complete(task.getId(), Map.of(DECISION, "PRE_DESIGNATE"));
    });
    // A complete plan under board review: every board member but Treasury's (recused) has a review task.
    String financial = start("FM", "TREAS",
        "Core financial management: a commercial marketplace beside the federal shared service providers.", due);
    as(DemoUsers.OMB_DECIDER, () -> taskService.complete(singleTask(financial).getId(), Map.of(DECISION, "PRE_DESIGNATE")));
    as("director.treas", () -> taskService.complete(singleTask(financial).getId(), Map.of(
        "serviceOfferings", "Federal shared service providers (Treasury ARC, Interior IBC) and commercial "
            + "core financial systems on the GSA schedule special item number.",
        "acquisitionStrategy", "Agencies order through the GSA Multiple Award Schedule special item number "
            + "for core financial management; providers are pre-qualified against FIBF requirements.",
        "governance", "A customer council of CFO Act agencies advises the QSMO; the board reviews yearly.",
        "financialInfrastructure", "Fee for service, with a working capital fund for onboarding.",
        "organization", "A QSMO program office in the Bureau of the Fiscal Service with 25 staff.",
        "standardsAlignment", "Federal Integrated Business Framework financial management standards.",
        "risks", "Vendor lock-in; slow migration of legacy providers.")));
    log.info("Demo designations created: waiting for pre-designation, for a plan, and for the board's review");
  }

  private Task singleTask(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private String start(String area, String agency, String scope, LocalDate due) {
    String[] id = new String[1];
    as(DemoUsers.OMB_ANALYST, () -> id[0] = runtimeService.startProcessInstanceByKey(DesignationProcess.KEY,
        Map.of(FUNCTIONAL_AREA_CODE, area, AGENCY_CODE, agency, SCOPE, scope, PLAN_DUE_DATE, due.toString()))
        .getId());
    return id[0];
  }

  private void as(String userId, Runnable work) {
    List<String> groups = DemoUsers.ALL.stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow()
        .groups();
    identityService.setAuthentication(userId, groups);
    try {
      work.run();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
