package gov.qsmo.workflow.designation.condition;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.condition.ConditionService.Decision;
import gov.qsmo.workflow.designation.condition.ConditionService.OverdueResolution;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.TaskCompletion;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import gov.qsmo.workflow.shared.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A designation's conditions: who owns each, when it is due, where it stands and how it got there. Whoever reads the
 * designation reads its conditions; the agency's QSMO directors report progress and attach evidence; OMB's deciders
 * decide. Reports and decisions complete the condition's open task, as Tasklist would.
 */
@RestController
@RequestMapping("/api/designations/{id}/conditions")
@Tag(name = "Designation conditions", description = "Conditions of the board and OMB, followed after designation")
class ConditionController {

  static final int MAX_PAGE = 200;

  private final ConditionService conditions;
  private final DesignationService designations;
  private final TaskCompletion completion;

  ConditionController(ConditionService conditions, DesignationService designations, TaskCompletion completion) {
    this.conditions = conditions;
    this.designations = designations;
    this.completion = completion;
  }

  record ConditionView(long id, String designationId, DesignationCondition.Source source, String text,
      DesignationCondition.Status status, String ownerGroup, LocalDate dueDate, String decisionReason,
      String processInstanceId, Instant updatedAt) {

    static ConditionView of(DesignationCondition c) {
      return new ConditionView(c.getId(), c.getDesignationId(), c.getSource(), c.getText(), c.getStatus(),
          c.getOwnerGroup(), c.getDueDate(), c.getDecisionReason(), c.getProcessInstanceId(), c.getUpdatedAt());
    }
  }

  record StepView(Instant occurredAt, String actor, String action, DesignationCondition.Status status, String text) {

    static StepView of(ConditionEvent e) {
      return new StepView(e.getOccurredAt(), e.getActor(), e.getAction(), e.getStatus(), e.getText());
    }
  }

  record EvidenceView(long id, String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy,
      Instant uploadedAt) {

    static EvidenceView of(ConditionEvidenceRepository.Described e) {
      return new EvidenceView(e.id(), e.fileName(), e.contentType(), e.sizeBytes(), e.sha256(), e.uploadedBy(),
          e.uploadedAt());
    }
  }

  record ConditionDetail(ConditionView condition, List<StepView> latestSteps, List<EvidenceView> evidence) {
  }

  record ProgressRequest(String report, String evidenceLinks) {
  }

  record DecisionRequest(String decision, String reason) {
  }

  record OverdueRequest(String resolution, String newDueDate, String reason) {
  }

  @GetMapping
  @Operation(summary = "A designation's conditions, in the order they were set (page and size, at most 200)")
  List<ConditionView> list(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size, Authentication caller) {
    Designation designation = requireVisible(id, caller);
    return conditions.of(designation.getId(), checkedPage(page), checkedSize(size)).stream().map(ConditionView::of)
        .toList();
  }

  @GetMapping("/{conditionId}")
  @Operation(summary = "One condition: where it stands, its latest 20 steps (newest first) and its files of evidence")
  ConditionDetail get(@PathVariable String id, @PathVariable Long conditionId, Authentication caller) {
    DesignationCondition condition = requireVisible(id, conditionId, caller);
    return new ConditionDetail(ConditionView.of(condition),
        conditions.latestSteps(condition.getId(), ConditionService.HISTORY_SHOWN).stream().map(StepView::of).toList(),
        conditions.evidenceOf(condition.getId()).stream().map(EvidenceView::of).toList());
  }

  @GetMapping("/{conditionId}/history")
  @Operation(summary = "A condition's whole history, oldest first (page and size, at most 200)")
  List<StepView> history(@PathVariable String id, @PathVariable Long conditionId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Authentication caller) {
    DesignationCondition condition = requireVisible(id, conditionId, caller);
    return conditions.history(condition.getId(), checkedPage(page), checkedSize(size)).stream().map(StepView::of)
        .toList();
  }

  @PostMapping("/{conditionId}/progress")
  @Operation(summary = "Report progress on a condition (the QSMO directors of the designation's agency)",
      description = "Completes the open task \"Report progress on condition\" as the caller: the condition goes to "
          + "OMB to decide whether it is met.",
      responses = {
          @ApiResponse(responseCode = "200", description = "Reported: the condition, now REPORTED"),
          @ApiResponse(responseCode = "400", description = "No report, a text too long, a link that is not https"),
          @ApiResponse(responseCode = "403", description = "Not a QSMO director of this agency"),
          @ApiResponse(responseCode = "404", description = "No such designation or condition, or another agency's"),
          @ApiResponse(responseCode = "409", description = "The condition is not waiting for a report")})
  ConditionView reportProgress(@PathVariable String id, @PathVariable Long conditionId,
      @RequestBody(required = false) ProgressRequest request, Authentication caller) {
    DesignationCondition condition = requireDirector(id, conditionId, caller);
    Map<String, Object> values = new HashMap<>();
    values.put(ConditionProcess.Variables.PROGRESS_REPORT, request == null ? null : request.report());
    values.put(ConditionProcess.Variables.EVIDENCE_LINKS, request == null ? null : request.evidenceLinks());
    complete(condition, ConditionProcess.Elements.TASK_REPORT_PROGRESS, "report progress on it", values, caller);
    return ConditionView.of(conditions.require(conditionId));
  }

  @PostMapping("/{conditionId}/decision")
  @Operation(summary = "Decide whether a reported condition is met (OMB deciders)",
      description = "decision: MET or NOT_MET (either closes the condition) or MORE_PROGRESS (back to the director); "
          + "reason: required. Completes the open task \"Decide whether condition is met\".",
      responses = {
          @ApiResponse(responseCode = "200", description = "Decided: the condition as it now stands"),
          @ApiResponse(responseCode = "400", description = "A decision not among the three, or no reason"),
          @ApiResponse(responseCode = "403", description = "Not an OMB decider"),
          @ApiResponse(responseCode = "409", description = "The condition is not waiting for OMB's decision")})
  ConditionView decide(@PathVariable String id, @PathVariable Long conditionId,
      @RequestBody(required = false) DecisionRequest request, Authentication caller) {
    DesignationCondition condition = requireVisible(id, conditionId, caller);
    Map<String, Object> values = new HashMap<>();
    values.put(ConditionProcess.Variables.CONDITION_DECISION, request == null ? null : request.decision());
    values.put(ConditionProcess.Variables.CONDITION_REASON, request == null ? null : request.reason());
    complete(condition, ConditionProcess.Elements.TASK_DECIDE_CONDITION, "decide whether it is met", values, caller);
    return ConditionView.of(conditions.require(conditionId));
  }

  @PostMapping("/{conditionId}/overdue-resolution")
  @Operation(summary = "Resolve an overdue condition (OMB deciders)",
      description = "resolution: EXTEND (with newDueDate, yyyy-mm-dd, a business day after today), MET or NOT_MET; "
          + "reason: required. Completes the open task \"Resolve overdue condition\".",
      responses = {
          @ApiResponse(responseCode = "200", description = "Resolved: the condition as it now stands"),
          @ApiResponse(responseCode = "400", description = "A resolution not among the three, a bad date, no reason"),
          @ApiResponse(responseCode = "403", description = "Not an OMB decider"),
          @ApiResponse(responseCode = "409", description = "The condition is not overdue")})
  ConditionView resolveOverdue(@PathVariable String id, @PathVariable Long conditionId,
      @RequestBody(required = false) OverdueRequest request, Authentication caller) {
    DesignationCondition condition = requireVisible(id, conditionId, caller);
    Map<String, Object> values = new HashMap<>();
    values.put(ConditionProcess.Variables.OVERDUE_RESOLUTION, request == null ? null : request.resolution());
    values.put(ConditionProcess.Variables.NEW_CONDITION_DUE_DATE, request == null ? null : request.newDueDate());
    values.put(ConditionProcess.Variables.CONDITION_REASON, request == null ? null : request.reason());
    complete(condition, ConditionProcess.Elements.TASK_RESOLVE_OVERDUE_CONDITION, "resolve it as overdue", values,
        caller);
    return ConditionView.of(conditions.require(conditionId));
  }

  @PostMapping(path = "/{conditionId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Attach a file of evidence to an open condition (the QSMO directors of the agency)",
      responses = {
          @ApiResponse(responseCode = "201", description = "Stored: the file's description and SHA-256"),
          @ApiResponse(responseCode = "400", description = "No file, an empty file, one over 10 MiB, a bad name"),
          @ApiResponse(responseCode = "403", description = "Not a QSMO director of this agency"),
          @ApiResponse(responseCode = "409", description = "The condition is closed, or has 20 files already")})
  EvidenceView attach(@PathVariable String id, @PathVariable Long conditionId,
      @RequestPart(name = "file", required = false) MultipartFile file, Authentication caller) throws IOException {
    DesignationCondition condition = requireDirector(id, conditionId, caller);
    if (file == null) {
      throw new InvalidRequestException("file", "Send the file as the multipart field 'file'.");
    }
    ConditionEvidence stored = conditions.attachEvidence(condition.getId(),
        Upload.checked(file.getOriginalFilename(), file.getContentType(), file.getBytes()), caller.getName());
    return new EvidenceView(stored.getId(), stored.getFileName(), stored.getContentType(), stored.getSizeBytes(),
        stored.getSha256(), stored.getUploadedBy(), stored.getUploadedAt());
  }

  @GetMapping("/{conditionId}/evidence/{evidenceId}")
  @Operation(summary = "Download a file of evidence")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable Long conditionId,
      @PathVariable Long evidenceId, Authentication caller) {
    DesignationCondition condition = requireVisible(id, conditionId, caller);
    ConditionEvidence file = conditions.evidenceFile(condition.getId(), evidenceId);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.getFileName(),
            java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(file.getContent());
  }

  /** Completes the condition's open task of this kind as the caller, or 409 saying where the condition stands. */
  private void complete(DesignationCondition condition, String taskKey, String what, Map<String, Object> values,
      Authentication caller) {
    String instance = condition.getProcessInstanceId();
    Task task = completion.openTask(instance, taskKey);
    if (task == null) {
      throw new ConflictException("Condition " + condition.getId() + " is " + condition.getStatus().words()
          .toLowerCase() + (instance == null ? " and not yet followed (its QSMO is not designated)" : "")
          + "; you cannot " + what + " now.");
    }
    completion.completeAs(task, caller.getName(), groups(caller), values, "Condition " + condition.getId(),
        field -> field);
  }

  private DesignationCondition requireDirector(String id, Long conditionId, Authentication caller) {
    DesignationCondition condition = requireVisible(id, conditionId, caller);
    Designation designation = designations.require(condition.getDesignationId());
    if (!Roles.agenciesDirected(groups(caller)).contains(designation.getAgencyCode())) {
      throw new AccessDeniedException("Only the QSMO directors of " + designation.getAgencyCode() + " (group "
          + Roles.directorsOf(designation.getAgencyCode()) + ") report on the conditions of " + designation.getId()
          + ".");
    }
    return condition;
  }

  private Designation requireVisible(String id, Authentication caller) {
    Designation designation = designations.find(id).orElse(null);
    if (designation == null || !Roles.readsDesignationOf(groups(caller), designation.getAgencyCode())) {
      throw new NotFoundException("No designation with id '" + id + "'.");
    }
    return designation;
  }

  private DesignationCondition requireVisible(String id, Long conditionId, Authentication caller) {
    return conditions.require(requireVisible(id, caller).getId(), conditionId);
  }

  private static int checkedPage(int page) {
    if (page < 0) {
      throw new InvalidRequestException("page", "page starts at 0.");
    }
    return page;
  }

  private static int checkedSize(int size) {
    if (size < 1 || size > MAX_PAGE) {
      throw new InvalidRequestException("size", "size is 1 to " + MAX_PAGE + ".");
    }
    return size;
  }

  private static Set<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
