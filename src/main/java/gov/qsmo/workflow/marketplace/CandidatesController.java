package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.process.TaskCompletion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The marketplace's decision on a completed RFI: any federal user reads it (which responses became candidate
 * offerings); the QSMO's directors make it, completing "Decide marketplace candidates" as Tasklist would.
 */
@RestController
@Tag(name = "Marketplace", description = "Each designated QSMO's offerings, and the catalog across QSMOs")
class CandidatesController {

  private final MarketplaceCandidates candidates;
  private final TaskCompletion completion;

  CandidatesController(MarketplaceCandidates candidates, TaskCompletion completion) {
    this.candidates = candidates;
    this.completion = completion;
  }

  record DecisionView(String rfiId, String designationId, CandidateDecision.Status status, Integer candidates,
      String note, String decidedBy, Instant decidedAt, List<MarketplaceController.OfferingView> offerings) {
  }

  record DecisionRequest(List<String> responseIds, String note) {
  }

  @GetMapping("/api/marketplace/rfi-decisions/{rfiId}")
  @Operation(summary = "Which ranked responses of a completed RFI became candidate offerings, and who decided")
  DecisionView get(@PathVariable String rfiId) {
    return view(candidates.require(rfiId));
  }

  @PostMapping("/api/marketplace/rfi-decisions/{rfiId}")
  @Operation(summary = "Decide which ranked responses become candidate offerings (the QSMO's directors)",
      description = "responseIds: ids from the RFI's ranking (at most 20; empty for none); note: optional. Each "
          + "becomes a planned offering from the RFI, available once its contract vehicle is recorded.",
      responses = {
          @ApiResponse(responseCode = "200", description = "Decided: the decision and the candidates added"),
          @ApiResponse(responseCode = "400", description = "An id that is not a ranked response, too many"),
          @ApiResponse(responseCode = "403", description = "Not a QSMO director of the RFI's QSMO"),
          @ApiResponse(responseCode = "404", description = "No such RFI, or it serves no QSMO"),
          @ApiResponse(responseCode = "409", description = "Already decided")})
  DecisionView decide(@PathVariable String rfiId, @RequestBody(required = false) DecisionRequest request,
      Authentication caller) {
    CandidateDecision decision = candidates.require(rfiId);
    candidates.requireDecider(decision, gov.qsmo.workflow.process.Caller.of(caller));
    String instance = decision.getProcessInstanceId();
    Task task = completion.openTask(instance, CandidatesProcess.Elements.TASK_DECIDE_CANDIDATES);
    if (task == null) {
      throw candidates.alreadyDecided(decision);
    }
    Map<String, Object> values = new HashMap<>();
    values.put(CandidatesProcess.Variables.CANDIDATE_RESPONSES, request == null || request.responseIds() == null
        ? null : String.join("\n", request.responseIds().stream().map(id -> id == null ? "" : id).toList()));
    values.put(CandidatesProcess.Variables.CANDIDATE_NOTE, request == null ? null : request.note());
    Set<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    completion.completeAs(task, caller.getName(), groups, values, "The marketplace decision of " + rfiId,
        field -> CandidatesProcess.Variables.CANDIDATE_RESPONSES.equals(field) ? "responseIds"
            : CandidatesProcess.Variables.CANDIDATE_NOTE.equals(field) ? "note" : field);
    return view(candidates.require(rfiId));
  }

  private DecisionView view(CandidateDecision d) {
    return new DecisionView(d.getRfiId(), d.getDesignationId(), d.getStatus(), d.getCandidates(), d.getNote(),
        d.getDecidedBy(), d.getDecidedAt(), candidates.candidatesOf(d.getRfiId()).stream()
            .map(MarketplaceController.OfferingView::of).toList());
  }
}
