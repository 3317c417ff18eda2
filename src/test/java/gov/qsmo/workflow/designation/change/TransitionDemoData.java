package gov.qsmo.workflow.designation.change;

import gov.qsmo.workflow.demo.DemoSteps;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's redesignation in transition: the HR QSMO, on record as moved from GSA (DSG-2020-0003) to OPM
 * (DSG-2021-0002), with its services migrated and director.opm to report the customer agencies moved and GSA's
 * offerings retired. Created once, when the move has no transition.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
public class TransitionDemoData {

  private static final Logger log = LoggerFactory.getLogger(TransitionDemoData.class);

  public static final String FROM = "DSG-2020-0003";
  public static final String TO = "DSG-2021-0002";

  private final TransitionService transitions;
  private final DemoSteps steps;
  private final AdvisoryLock startupLock;

  TransitionDemoData(TransitionService transitions, DemoSteps steps, AdvisoryLock startupLock) {
    this.transitions = transitions;
    this.steps = steps;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  public void onReady() {
    startupLock.runExclusively(() -> {
      if (transitions.of(TO).isEmpty()) {
        create();
      }
    });
  }

  void create() {
    Transition transition = transitions.start(FROM, TO, "omb.decider");
    steps.complete(transition.getProcessInstanceId(), TransitionProcess.Elements.TASK_REPORT_MILESTONES, "director.opm",
        Map.of(TransitionProcess.Variables.SERVICES_MIGRATED, true,
            TransitionProcess.Variables.AGENCIES_MOVED, false,
            TransitionProcess.Variables.OFFERINGS_RETIRED, false,
            TransitionProcess.Variables.TRANSITION_NOTE, "Compensation, work schedule and leave services run at OPM; "
                + "customer agencies move in waves through the fiscal year."));
    log.info("Demo transition created: the HR QSMO from GSA to OPM, milestones for director.opm");
  }
}
