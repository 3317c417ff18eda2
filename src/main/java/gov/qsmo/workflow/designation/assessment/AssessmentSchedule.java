package gov.qsmo.workflow.designation.assessment;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start, every designated QSMO without a scheduled annual assessment (one designated before assessments existed)
 * gets one, at its next anniversary: one transaction per QSMO. Two nodes starting at once schedule each once (a unique
 * index allows one scheduled assessment per QSMO; the second node's attempt is refused and skipped).
 * {@code qsmo.assessment.schedule-existing=false} turns it off.
 */
@Component
class AssessmentSchedule {

  private static final Logger log = LoggerFactory.getLogger(AssessmentSchedule.class);

  private final AssessmentService assessments;
  private final DesignationService designations;
  private final TransactionTemplate eachOwn;
  private final boolean enabled;

  AssessmentSchedule(AssessmentService assessments, DesignationService designations,
      PlatformTransactionManager transactions, @Value("${qsmo.assessment.schedule-existing:true}") boolean enabled) {
    this.assessments = assessments;
    this.designations = designations;
    this.eachOwn = new TransactionTemplate(transactions);
    this.eachOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(50)
  public void onReady() {
    if (enabled) {
      int scheduled = scheduleExisting();
      if (scheduled > 0) {
        log.info("Scheduled the annual assessment of {} designated QSMOs that had none", scheduled);
      }
    }
  }

  /** Schedules the designated QSMOs that have no annual assessment waiting; returns how many it scheduled. */
  int scheduleExisting() {
    int scheduled = 0;
    for (Designation designation : designations.designated()) {
      try {
        Boolean done = eachOwn.execute(status -> assessments.scheduleNext(designation.getId(), "system").isPresent());
        if (Boolean.TRUE.equals(done)) {
          scheduled++;
        }
      } catch (DataIntegrityViolationException scheduledElsewhere) {
        log.debug("Another node scheduled {} first: {}", designation.getId(), scheduledElsewhere.getMessage());
      }
    }
    return scheduled;
  }
}
