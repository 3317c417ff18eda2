package gov.qsmo.workflow.designation.assessment;

import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.demo.DemoSteps;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The demo's assessment: the financial management QSMO (Treasury, designated 29 June 2020) at its annual assessment
 * of this year's anniversary. director.treas has submitted it; the board reviews it (board.treas is recused), then the
 * chair consolidates and omb.decider decides. Created once, when the QSMO has no assessment.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
public class AssessmentDemoData {

  private static final Logger log = LoggerFactory.getLogger(AssessmentDemoData.class);

  /** The financial management QSMO at Treasury. */
  public static final String DESIGNATION = "DSG-2020-0002";
  static final String DIRECTOR = "director.treas";

  private final AssessmentService assessments;
  private final DesignationService designations;
  private final BusinessCalendar calendar;
  private final DemoSteps steps;
  private final AdvisoryLock startupLock;
  private final ManagementService managementService;

  AssessmentDemoData(AssessmentService assessments, DesignationService designations, BusinessCalendar calendar,
      DemoSteps steps, AdvisoryLock startupLock, ManagementService managementService) {
    this.assessments = assessments;
    this.designations = designations;
    this.calendar = calendar;
    this.steps = steps;
    this.startupLock = startupLock;
    this.managementService = managementService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(7)
  public void onReady() {
    startupLock.runExclusively(() -> {
      if (assessments.of(DESIGNATION, 0, 1).isEmpty()) {
        create();
      }
    });
  }

  void create() {
    Designation designation = designations.require(DESIGNATION);
    LocalDate anniversary = designation.getEffectiveDate().withYear(calendar.today().getYear());
    if (anniversary.isAfter(calendar.today())) {
      anniversary = anniversary.minusYears(1);
    }
    Assessment assessment = assessments.scheduleAnnual(designation, anniversary, "system");
    openAtAnniversary(assessment);
    steps.complete(assessment.getProcessInstanceId(), AssessmentProcess.Elements.TASK_SUBMIT_ASSESSMENT, DIRECTOR,
        Map.of(AssessmentProcess.Variables.PERFORMANCE_MEASURES, String.join("\n",
                "Agencies using the core financial management offering | 12 | 11",
                "Payment integrity: improper payments found before payment | 90% | 93%",
                "Migrations completed on schedule | 4 | 3"),
            AssessmentProcess.Variables.CUSTOMERS_SERVED, "Education, Labor, Interior, SBA, NSF and six more "
                + "CFO Act agencies.",
            AssessmentProcess.Variables.CUSTOMERS_ONBOARDING, "Commerce (core financials, third quarter) and "
                + "Energy (payments, fourth quarter).",
            AssessmentProcess.Variables.CUSTOMER_SATISFACTION, "Annual survey of 11 customer agencies: 4.1 of 5 "
                + "(last year 3.8); onboarding support scored lowest.",
            AssessmentProcess.Variables.RISKS, "One provider's contract ends next year; the recompete is planned. "
                + "Two migrations depend on the same integrator."));
    log.info("Demo assessment created on {}: under board review (board members vote in Tasklist's "
        + "'Assessments to review')", DESIGNATION);
  }

  /** The anniversary has come already: its timer is fired here, unless the job executor was first. */
  private void openAtAnniversary(Assessment assessment) {
    Job timer = managementService.createJobQuery().processInstanceId(assessment.getProcessInstanceId()).timers()
        .singleResult();
    if (timer != null) {
      try {
        managementService.executeJob(timer.getId());
      } catch (ProcessEngineException ranElsewhere) {
        log.debug("The job executor fired the demo's anniversary first: {}", ranElsewhere.getMessage());
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (assessments.require(assessment.getId()).getStatus() == Assessment.Status.SCHEDULED) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The demo's assessment " + assessment.getId() + " did not open in 30 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
