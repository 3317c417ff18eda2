package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.CurrentActor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Taken flow "Sections missing": records that the plan went back to the director, and why. */
@Component("planReturnedListener")
class PlanReturnedListener implements ExecutionListener {

  private final DesignationService designations;
  private final CurrentActor actor;

  PlanReturnedListener(DesignationService designations, CurrentActor actor) {
    this.designations = designations;
    this.actor = actor;
  }

  @Override
  public void notify(DelegateExecution execution) {
    designations.returnIncompletePlan(execution.getProcessBusinessKey(),
        PlanSection.fromKeys((String) execution.getVariable(DesignationProcess.Variables.MISSING_SECTIONS)),
        actor.userId());
  }
}
