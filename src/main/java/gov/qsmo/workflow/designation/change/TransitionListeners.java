package gov.qsmo.workflow.designation.change;

import static gov.qsmo.workflow.designation.change.TransitionProcess.Variables.ALL_MILESTONES_REACHED;
import static gov.qsmo.workflow.designation.change.TransitionProcess.Variables.CLOSURE;
import static gov.qsmo.workflow.designation.change.TransitionProcess.Variables.CLOSURE_REASON;
import static gov.qsmo.workflow.designation.change.TransitionProcess.Variables.TRANSITION_CLOSED;
import static gov.qsmo.workflow.designation.change.TransitionProcess.Variables.TRANSITION_NOTE;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.change.Transition.Milestone;
import gov.qsmo.workflow.designation.change.TransitionService.Closure;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.process.FormJson;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.shared.Inputs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The transition process's listeners: each reads its form and calls {@link TransitionService}. */
final class TransitionListeners {

  private TransitionListeners() {
  }

  /** End of "Report transition milestones": the milestones reached; all reached sends the transition to OMB. */
  @Component("transitionMilestonesReportedListener")
  static class MilestonesReported extends FormCompletionListener<Transition> {

    private final TransitionService transitions;

    MilestonesReported(TransitionService transitions, IdentityService identityService) {
      super(transitions::ofInstance, identityService);
      this.transitions = transitions;
    }

    @Override
    protected void completed(Transition transition, CompletedTask task) {
      Map<String, Object> form = task.values();
      Map<Milestone, Boolean> reached = new EnumMap<>(Milestone.class);
      for (Milestone milestone : Milestone.values()) {
        String field = TransitionService.field(milestone);
        if (form.get(field) != null) {
          reached.put(milestone, Inputs.optionalBoolean(form, field, milestone.words(), false));
        }
      }
      Transition reported = transitions.reportMilestones(transition.getId(), reached,
          Inputs.optionalText(form, TRANSITION_NOTE, "Where the transition stands", Inputs.MAX_TEXT),
          task.caller().userId());
      task.set(ALL_MILESTONES_REACHED, reported.allReached());
      task.remove(TransitionService.MILESTONE_FIELDS.toArray(String[]::new));
      task.remove(TRANSITION_NOTE);
    }
  }

  /** End of "Close transition": closed, or back to the successor's directors. */
  @Component("transitionClosedListener")
  static class Closed extends FormCompletionListener<Transition> {

    private final TransitionService transitions;

    Closed(TransitionService transitions, IdentityService identityService) {
      super(transitions::ofInstance, identityService);
      this.transitions = transitions;
    }

    @Override
    protected void completed(Transition transition, CompletedTask task) {
      Map<String, Object> form = task.values();
      Closure closure = Inputs.requiredChoice(form, CLOSURE, "Decision", Closure.class);
      Transition decided = transitions.close(transition.getId(), closure,
          Inputs.optionalText(form, CLOSURE_REASON, "Reason", Inputs.MAX_TEXT), task.caller().userId());
      task.set(TRANSITION_CLOSED, decided.getClosedAt() != null);
      task.remove(CLOSURE, CLOSURE_REASON);
    }
  }

  /**
   * Create listener of both transition tasks: names the task after the move and shows the milestones (reached on
   * which date, or not yet) and the two designations.
   */
  @Component("transitionTaskCreatedListener")
  static class TaskCreated implements TaskListener {

    private final TransitionService transitions;
    private final DesignationService designations;
    private final OfficeTime time;
    private final ReferenceData referenceData;

    TaskCreated(TransitionService transitions, DesignationService designations, OfficeTime time,
        ReferenceData referenceData) {
      this.transitions = transitions;
      this.designations = designations;
      this.time = time;
      this.referenceData = referenceData;
    }

    @Override
    public void notify(DelegateTask task) {
      Object id = task.getVariable(TransitionProcess.Variables.TRANSITION_ID);
      Transition transition = transitions.require(id instanceof Number n ? n.longValue() : null);
      Designation from = designations.require(transition.getFromDesignationId());
      Designation to = designations.require(transition.getToDesignationId());
      String area = referenceData.requireFunctionalArea("functionalAreaCode", from.getFunctionalAreaCode()).getName();
      task.setName(task.getName() + ": " + area + ", " + shortName(from) + " to " + shortName(to) + " (" + to.getId()
          + ")");
      task.setVariableLocal(TransitionProcess.TaskDisplay.TRANSITION_FACTS, "**From:** " + shortName(from)
          + " (" + from.getId() + ", now superseded)  \n**To:** " + shortName(to) + " (" + to.getId()
          + ", designated " + (to.getEffectiveDate() == null ? "" : time.date(to.getEffectiveDate())) + ")  \n"
          + "**Transition started:** " + time.dateTime(transition.getStartedAt()));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Milestone milestone : Milestone.values()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("milestone", milestone.words());
        row.put("reached", transition.reachedAt(milestone) == null ? "not yet"
            : time.dateTime(transition.reachedAt(milestone)));
        rows.add(row);
      }
      task.setVariableLocal(TransitionProcess.TaskDisplay.MILESTONES, FormJson.of(rows));
      for (Milestone milestone : Milestone.values()) {
        // A milestone reached stays ticked in the form (the form's values live on the instance until submitted).
        if (transition.reachedAt(milestone) != null
            && TransitionProcess.Elements.TASK_REPORT_MILESTONES.equals(task.getTaskDefinitionKey())) {
          task.getExecution().setVariable(TransitionService.field(milestone), true);
        }
      }
    }

    private String shortName(Designation designation) {
      return referenceData.requireAgency("agencyCode", designation.getAgencyCode()).getShortName();
    }
  }
}
