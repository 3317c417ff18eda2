package gov.qsmo.workflow.rfi.plan;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiAccess;
import gov.qsmo.workflow.rfi.RfiApi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiView;
import gov.qsmo.workflow.rfi.ScaleType;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The plan step's API: draft an RFI's evaluation plan, revise a returned one. */
@RestController
@RequestMapping(RfiApi.PATH)
@Tag(name = RfiApi.TAG, description = RfiApi.TAG_DESCRIPTION)
class RfiPlanController {

  private final RfiService records;
  private final RfiPlanService plans;
  private final RfiAccess access;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  RfiPlanController(RfiService records, RfiPlanService plans, RfiAccess access,
      RuntimeService runtimeService, TaskService taskService) {
    this.records = records;
    this.plans = plans;
    this.access = access;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  record CriterionRequest(String name, Integer weight, String guidance) {
  }

  record LevelRequest(Integer value, String label, String definition) {
  }

  record PlanRequest(String title, String description, String agencyCode, String designationId, List<String> topics,
      LocalDate closeDate,
      Boolean allowLate, String panelChair, ScaleType scaleType, List<LevelRequest> scaleLevels,
      List<CriterionRequest> criteria) {

    PlanDraft toDraft(String agency) {
      if (topics == null || topics.stream().anyMatch(t -> t == null)) {
        throw new InvalidRequestException("topics", "List the topics (topics: [\"...\"]).");
      }
      if (closeDate == null) {
        throw new InvalidRequestException("closeDate", "Give the close date (closeDate, yyyy-mm-dd).");
      }
      if (criteria == null || criteria.stream().anyMatch(c -> c == null || c.weight() == null)) {
        throw new InvalidRequestException("criteria", "List the criteria, each with name, weight and guidance.");
      }
      ScaleType type = scaleType == null ? ScaleType.NUMERIC : scaleType;
      List<ScaleType.Level> levels = scaleLevels == null ? type.defaults() : scaleLevels.stream().map(l -> {
        if (l == null || l.value() == null || l.label() == null) {
          throw new InvalidRequestException("scaleLevels", "Each scale level has a value, a label and a definition.");
        }
        return new ScaleType.Level(l.value(), l.label(), l.definition());
      }).toList();
      if (title == null || description == null || panelChair == null || agency == null) {
        throw new InvalidRequestException(title == null ? "title" : description == null ? "description"
            : panelChair == null ? "panelChair" : "agencyCode", "title, description, agencyCode and panelChair "
            + "are required.");
      }
      return new PlanDraft(title, description, agency, topics, closeDate, Boolean.TRUE.equals(allowLate), panelChair,
          type, levels, criteria.stream().map(c -> new PlanDraft.CriterionDraft(
              c.name() == null ? "" : c.name(), c.weight(), c.guidance())).toList());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Draft an RFI's evaluation plan (QSMO directors of the agency, contracting officers)",
      description = "Starts the rfi-evaluation process as the caller: the plan waits for a QSMO director of the "
          + "issuing agency to approve it. Weights must total 100 and every scale level needs a definition. "
          + "designationId: the designated QSMO the RFI serves, the issuing agency's own (by default its QSMO "
          + "designated first).")
  RfiView draft(@RequestBody PlanRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    if (!caller.in(Roles.QSMO_DIRECTORS) && !caller.in(Roles.CONTRACTING_OFFICERS)) {
      throw new ForbiddenException("RFIs are issued by QSMO directors and contracting officers.");
    }
    if (request == null) {
      throw new InvalidRequestException("title", "Send the plan as JSON (see /swagger-ui.html).");
    }
    PlanDraft draft = request.toDraft(request.agencyCode());
    plans.check(draft, caller);
    Map<String, Object> form = new HashMap<>(draft.toForm());
    form.put(RfiProcess.Variables.AGENCY_CODE, draft.agencyCode());
    if (request.designationId() != null) {
      form.put(RfiProcess.Variables.DESIGNATION_ID, request.designationId());
    }
    // The start listener records the RFI and makes its id the instance's business key.
    return RfiView.of(records.require(runtimeService.startProcessInstanceByKey(RfiProcess.KEY, form).getBusinessKey()));
  }

  @PutMapping("/{id}/plan")
  @Operation(summary = "Revise a returned evaluation plan (refused once the plan is approved)",
      description = "Completes 'Revise evaluation plan' as the caller; the plan goes back for approval. An approved "
          + "plan is frozen: 409.")
  RfiView revise(@PathVariable String id, @RequestBody PlanRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.visible(id, caller);
    plans.requireChangeable(rfi);
    if (request == null) {
      throw new InvalidRequestException("title", "Send the plan as JSON (see /swagger-ui.html).");
    }
    PlanDraft draft = request.toDraft(rfi.agencyCode);
    plans.check(draft, caller);
    Task task = taskService.createTaskQuery().processInstanceId(rfi.processInstanceId)
        .taskDefinitionKey(RfiProcess.Elements.TASK_REVISE_PLAN).singleResult();
    if (task == null) {
      throw new ConflictException("The plan of " + id + " is not waiting for a revision.");
    }
    taskService.complete(task.getId(), draft.toForm());
    return RfiView.of(records.require(id));
  }
}
