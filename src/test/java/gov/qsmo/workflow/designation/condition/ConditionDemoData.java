package gov.qsmo.workflow.designation.condition;

import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.demo.DemoSteps;
import gov.qsmo.workflow.shared.AdvisoryLock;
import gov.qsmo.workflow.shared.Upload;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's conditions, on the cybersecurity QSMO (DHS, designated in 2020, on record): one waiting for
 * director.dhs's progress report, one reported and waiting for omb.decider, and one past its due date, with
 * omb.decider to extend or close it. Created once, when the designation has no condition.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
public class ConditionDemoData {

  private static final Logger log = LoggerFactory.getLogger(ConditionDemoData.class);

  /** The cybersecurity QSMO at DHS, designated on 27 April 2020 (V7's history). */
  public static final String DESIGNATION = "DSG-2020-0001";
  static final String DIRECTOR = "director.dhs";
  static final String OMB = "omb.decider";

  private final ConditionService conditions;
  private final DesignationConditionRepository repository;
  private final BusinessCalendar calendar;
  private final DemoSteps steps;
  private final AdvisoryLock startupLock;
  private final ManagementService managementService;

  ConditionDemoData(ConditionService conditions, DesignationConditionRepository repository, BusinessCalendar calendar,
      DemoSteps steps, AdvisoryLock startupLock, ManagementService managementService) {
    this.managementService = managementService;
    this.conditions = conditions;
    this.repository = repository;
    this.calendar = calendar;
    this.steps = steps;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(4)
  public void onReady() {
    startupLock.runExclusively(() -> {
      if (repository.findByDesignationIdOrderByIdAsc(DESIGNATION).isEmpty()) {
        create();
      }
    });
  }

  /** The timer is due already: fired here, unless the job executor was first. Waits until the condition is overdue. */
  private void fireDueTimer(DesignationCondition late) {
    Job timer = managementService.createJobQuery().processInstanceId(late.getProcessInstanceId()).timers()
        .singleResult();
    if (timer != null) {
      try {
        managementService.executeJob(timer.getId());
      } catch (ProcessEngineException ranElsewhere) {
        log.debug("The job executor fired the demo's overdue timer first: {}", ranElsewhere.getMessage());
      }
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (conditions.require(late.getId()).getStatus() != DesignationCondition.Status.OVERDUE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The demo's overdue condition " + late.getId() + " is not overdue after 30 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void create() {
    LocalDate today = calendar.today();
    LocalDate due = calendar.onOrAfter(today.plusDays(60));
    List<DesignationCondition> open = conditions.track(DESIGNATION, String.join("\n",
        "Publish the results of the QSMO's customer satisfaction survey each year.",
        "Onboard three more CFO Act agencies to the protective DNS offering."), due, OMB);
    // The second is reported, with a file of evidence: OMB decides.
    DesignationCondition onboarding = open.get(1);
    conditions.attachEvidence(onboarding.getId(), Upload.ofText("onboarding-status.txt",
        "Agencies onboarded to protective DNS: Education (March), Labor (May), Interior (June).\n"), DIRECTOR);
    steps.complete(onboarding.getProcessInstanceId(), ConditionProcess.Elements.TASK_REPORT_PROGRESS, DIRECTOR,
        Map.of(ConditionProcess.Variables.PROGRESS_REPORT, "Education, Labor and Interior use protective DNS "
            + "since June; the onboarding status file lists the dates.",
            ConditionProcess.Variables.EVIDENCE_LINKS,
            "https://www.cisa.gov/resources-tools/services/protective-domain-name-system-dns-resolver"));
    // A third was due two weeks ago: overdue, with OMB.
    DesignationCondition late = conditions.track(DESIGNATION,
        "Retire the legacy vulnerability scanning contract once agencies have moved to the shared service.",
        calendar.onOrAfter(today.minusDays(14)), OMB).get(0);
    fireDueTimer(late);
    log.info("Demo conditions created on {}: a progress report (director.dhs), a decision and an overdue condition "
        + "(omb.decider)", DESIGNATION);
  }
}
