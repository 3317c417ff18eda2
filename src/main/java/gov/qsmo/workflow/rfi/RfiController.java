package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.rfi.report.RfiReport;
import gov.qsmo.workflow.rfi.report.RfiReportService;
import gov.qsmo.workflow.rfi.results.Consensus;
import gov.qsmo.workflow.rfi.results.CriterionResult;
import gov.qsmo.workflow.rfi.results.RfiResultsService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.rfi.scoring.ScoreSheet;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.PanelMember;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.rfi.responses.RfiAttachment;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.rfi.plan.PlanDraft;
import gov.qsmo.workflow.rfi.plan.RfiPlanService;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/rfis")
@Tag(name = "RFI evaluation", description = "Requests for Information: evaluation plans, responses, panel, blind scores, "
    + "consensus and reports")
class RfiController {

  private final RfiService records;
  private final RfiPlanService plans;
  private final RfiResponseService responses;
  private final RfiPanelService panel;
  private final RfiScoringService scoring;
  private final RfiResultsService results;
  private final RfiReportService reports;
  private final RfiAccess access;
  private final RuntimeService runtimeService;
  private final TaskService taskService;

  RfiController(RfiService records, RfiPlanService plans, RfiResponseService responses, RfiPanelService panel, RfiScoringService scoring,
      RfiResultsService results, RfiReportService reports, RfiAccess access, RuntimeService runtimeService,
      TaskService taskService) {
    this.records = records;
    this.plans = plans;
    this.responses = responses;
    this.panel = panel;
    this.scoring = scoring;
    this.results = results;
    this.reports = reports;
    this.access = access;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  // ---- Plan --------------------------------------------------------------------------------------

  record LevelView(int value, String label, String definition) {
  }

  record CriterionView(int position, String name, int weight, String guidance) {
  }

  record RfiView(String id, String title, String description, String agencyCode, RfiStatus status,
      List<String> topics, Instant closesAt, boolean allowLate, String panelChair, ScaleType scaleType,
      List<LevelView> scale, List<CriterionView> criteria, Instant planApprovedAt, String planApprovedBy,
      Integer reviewersPerResponse, Instant scoringDueAt, String processInstanceId, String createdBy,
      Instant createdAt) {

    static RfiView of(Rfi r) {
      return new RfiView(r.id, r.title, r.description, r.agencyCode, r.status, List.copyOf(r.topics), r.closesAt,
          r.allowLate, r.panelChairId, r.scaleType,
          r.scale.stream().map(l -> new LevelView(l.value, l.label, l.definition)).toList(),
          r.criteria.stream().map(c -> new CriterionView(c.position, c.name, c.weight, c.guidance)).toList(),
          r.planApprovedAt, r.planApprovedBy, r.reviewersPerResponse, r.scoringDueAt, r.processInstanceId,
          r.createdBy, r.createdAt);
    }
  }

  record CriterionRequest(String name, Integer weight, String guidance) {
  }

  record LevelRequest(Integer value, String label, String definition) {
  }

  record PlanRequest(String title, String description, String agencyCode, List<String> topics, LocalDate closeDate,
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

  @GetMapping
  @Operation(summary = "List RFIs, newest first: published ones for everyone, drafts for their authors and oversight")
  List<RfiView> list(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return records.all().stream().filter(r -> access.canSeeRfi(caller, r)).map(RfiView::of).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Draft an RFI's evaluation plan (QSMO directors of the agency, contracting officers)",
      description = "Starts the rfi-evaluation process as the caller: the plan waits for a QSMO director of the "
          + "issuing agency to approve it. Weights must total 100 and every scale level needs a definition.")
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
    // The start listener records the RFI and makes its id the instance's business key.
    return RfiView.of(records.require(runtimeService.startProcessInstanceByKey(RfiProcess.KEY, form).getBusinessKey()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an RFI and its evaluation plan")
  RfiView get(@PathVariable String id, Authentication authentication) {
    return RfiView.of(visible(id, Caller.of(authentication)));
  }

  @PutMapping("/{id}/plan")
  @Operation(summary = "Revise a returned evaluation plan (refused once the plan is approved)",
      description = "Completes 'Revise evaluation plan' as the caller; the plan goes back for approval. An approved "
          + "plan is frozen: 409.")
  RfiView revise(@PathVariable String id, @RequestBody PlanRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = visible(id, caller);
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

  record EventView(Instant occurredAt, String actor, String action, String detail) {
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "The RFI's audit trail: who did what, when and why")
  List<EventView> history(@PathVariable String id, Authentication authentication) {
    Rfi rfi = record(id, Caller.of(authentication));
    return records.history(rfi.id).stream().map(e -> new EventView(e.occurredAt, e.actor, e.action, e.detail))
        .toList();
  }

  // ---- Responses ---------------------------------------------------------------------------------

  record AnswerView(int topic, String question, String answer) {
  }

  record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
      Instant uploadedAt) {

    static AttachmentView of(RfiAttachment a) {
      return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedAt);
    }
  }

  record ScreeningView(Boolean onTime, Boolean allTopicsAnswered, Boolean eligible, String overrideReason,
      String screenedBy) {
  }

  record ResponseView(String id, String rfiId, String organization, String uei, boolean smallBusiness,
      String contactName, String contactEmail, boolean proprietary, Instant receivedAt, boolean late,
      String submittedBy, ScreeningView screening, List<AnswerView> answers, String answersWithheld,
      List<AttachmentView> attachments) {
  }

  @PostMapping("/{id}/responses")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Submit a response (respondents; contracting officers on a respondent's behalf)",
      description = "Accepted while the RFI is open. After the close date it is refused (409), or accepted and "
          + "flagged late when the plan allows late responses. answers: [{topic: 1, answer: \"...\"}].")
  ResponseView respond(@PathVariable String id, @RequestBody RfiResponseService.Submission submission,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = visible(id, caller);
    if (!caller.in(Roles.RFI_RESPONDENTS) && !caller.in(Roles.CONTRACTING_OFFICERS)) {
      throw new ForbiddenException("Responses come from respondents' accounts (group " + Roles.RFI_RESPONDENTS
          + ") or a contracting officer entering one on a respondent's behalf.");
    }
    RfiResponse response = responses.submit(rfi.id, submission, caller);
    return view(access.reader(caller, rfi), response);
  }

  @GetMapping("/{id}/responses")
  @Operation(summary = "The responses the caller may see",
      description = "A respondent sees their own; a reviewer those assigned to them (never one they are recused "
          + "from); the chair all but recused ones once attested; oversight all. Proprietary answers only to the "
          + "panel and contracting officers.")
  List<ResponseView> responses(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = visible(id, caller);
    RfiAccess.Reader reader = access.reader(caller, rfi);
    return responses.of(rfi.id).stream().filter(reader::seesResponse).map(r -> view(reader, r)).toList();
  }

  @GetMapping("/{id}/responses/{responseId}")
  @Operation(summary = "Read one response, as the caller may see it")
  ResponseView response(@PathVariable String id, @PathVariable String responseId, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = visible(id, caller);
    RfiAccess.Reader reader = access.reader(caller, rfi);
    return view(reader, visibleResponse(reader, responseId));
  }

  @PostMapping(path = "/{id}/responses/{responseId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Attach a file to one's own response while the RFI takes responses (10 MiB at most)")
  AttachmentView attach(@PathVariable String id, @PathVariable String responseId,
      @RequestPart("file") MultipartFile file, Authentication authentication) throws IOException {
    Caller caller = Caller.of(authentication);
    Rfi rfi = visible(id, caller);
    return AttachmentView.of(responses.attach(rfi.id, responseId, file.getOriginalFilename(), file.getContentType(),
        file.getBytes(), caller));
  }

  @GetMapping("/{id}/responses/{responseId}/attachments")
  @Operation(summary = "The attachments of a response whose answers the caller may read")
  List<AttachmentView> attachments(@PathVariable String id, @PathVariable String responseId,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = visible(id, caller);
    RfiResponse response = readableResponse(access.reader(caller, rfi), responseId);
    return responses.attachmentsOf(response.id).stream().map(AttachmentView::of).toList();
  }

  @GetMapping("/{id}/responses/{responseId}/attachments/{attachmentId}")
  @Operation(summary = "Download an attachment")
  ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String responseId,
      @PathVariable long attachmentId, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = visible(id, caller);
    RfiAttachment attachment = responses.attachment(readableResponse(access.reader(caller, rfi), responseId).id,
        attachmentId);
    return download(attachment.content, attachment.fileName, MediaType.APPLICATION_OCTET_STREAM);
  }

  private RfiResponse visibleResponse(RfiAccess.Reader reader, String responseId) {
    RfiResponse response = responses.require(reader.rfi().id, responseId);
    if (!reader.seesResponse(response)) {
      throw new NotFoundException("RFI " + reader.rfi().id + " has no response '" + responseId + "' you may see.");
    }
    return response;
  }

  private RfiResponse readableResponse(RfiAccess.Reader reader, String responseId) {
    RfiResponse response = visibleResponse(reader, responseId);
    if (!reader.readsAnswers(response)) {
      throw new ForbiddenException("Response " + responseId
          + " is marked proprietary: only the panel and contracting officers read it.");
    }
    return response;
  }

  private ResponseView view(RfiAccess.Reader reader, RfiResponse r) {
    Rfi rfi = reader.rfi();
    boolean readable = reader.readsAnswers(r);
    List<AnswerView> answers = null;
    List<AttachmentView> files = null;
    if (readable) {
      answers = new ArrayList<>();
      for (int topic = 1; topic <= rfi.topics.size(); topic++) {
        answers.add(new AnswerView(topic, rfi.topics.get(topic - 1), r.answers.get(topic)));
      }
      files = responses.attachmentsOf(r.id).stream().map(AttachmentView::of).toList();
    }
    return new ResponseView(r.id, r.rfiId, r.organization, r.uei, r.smallBusiness, r.contactName, r.contactEmail,
        r.proprietary, r.receivedAt, r.late, r.submittedBy,
        new ScreeningView(r.onTime, r.allTopicsAnswered, r.eligible, r.overrideReason, r.screenedBy), answers,
        readable ? null : "Proprietary: only the evaluation panel and contracting officers read the answers.", files);
  }

  // ---- Panel, assignments, scores -----------------------------------------------------------------

  record MemberView(String userId, PanelMember.Role role, Instant attestedAt, String attestationVersion,
      List<String> recusedFrom, String conflictStatement) {
  }

  @GetMapping("/{id}/panel")
  @Operation(summary = "The panel: chair and reviewers, attestations (with the text's version) and recusals")
  List<MemberView> panel(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = record(id, caller);
    boolean statements = RfiAccess.oversight(caller, rfi) || rfi.panelChairId.equals(caller.userId());
    return panel.roster(rfi.id).stream().map(m -> new MemberView(m.userId, m.role, m.attestedAt,
        m.attestationVersion, List.copyOf(m.conflicts),
        statements || m.userId.equals(caller.userId()) ? m.conflictStatement : null)).toList();
  }

  record AssignmentView(long id, String responseId, String reviewerId, Assignment.Status status, Instant assignedAt,
      Instant closedAt) {
  }

  @GetMapping("/{id}/assignments")
  @Operation(summary = "Who scores what: a reviewer sees their own assignments, the chair and oversight all")
  List<AssignmentView> assignments(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = record(id, caller);
    PanelMember member = access.membership(caller, rfi);
    boolean own = member != null && member.role == PanelMember.Role.REVIEWER;
    return panel.assignments(rfi.id).stream().filter(a -> !own || a.reviewerId.equals(caller.userId()))
        .map(a -> new AssignmentView(a.id, a.responseId, a.reviewerId, a.status, a.assignedAt, a.closedAt)).toList();
  }

  record ScoreView(int criterion, String criterionName, int rating, String ratingLabel, String strengths,
      String weaknesses, String rationale) {
  }

  record SheetView(long assignmentId, String responseId, String reviewerId, int version, boolean current,
      Instant submittedAt, List<ScoreView> scores) {
  }

  record ScoresView(String shown, List<SheetView> sheets) {
  }

  @GetMapping("/{id}/scores")
  @Operation(summary = "Score sheets, as blindness allows",
      description = "Until the consensus step a reviewer reads only their own sheets and nobody else reads any; "
          + "asking for another reviewer's (reviewer=...) is refused with 403. From consensus on, the panel and "
          + "oversight read every sheet, every version.")
  ScoresView scores(@PathVariable String id, @RequestParam(required = false) String reviewer,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = record(id, caller);
    RfiAccess.ScoreView view = access.scores(caller, rfi);
    if (reviewer != null && !reviewer.equals(caller.userId()) && view != RfiAccess.ScoreView.ALL) {
      throw new ForbiddenException("Scoring is blind until the consensus "
          + "step: you cannot read " + reviewer + "'s scores of " + id + " now (status " + rfi.status + ").");
    }
    if (view == RfiAccess.ScoreView.NONE) {
      return new ScoresView("none: scoring is blind until the consensus step", List.of());
    }
    List<Assignment> of = panel.assignments(rfi.id).stream()
        .filter(a -> view == RfiAccess.ScoreView.ALL || a.reviewerId.equals(caller.userId()))
        .filter(a -> reviewer == null || a.reviewerId.equals(reviewer)).toList();
    Map<Long, Assignment> byId = new HashMap<>();
    of.forEach(a -> byId.put(a.id, a));
    List<ScoreSheet> sheets = scoring.sheets(of);
    Map<Long, ScoreSheet> latest = ScoreSheet.latestByAssignment(sheets);
    List<SheetView> views = sheets.stream().map(s -> {
      Assignment a = byId.get(s.assignmentId);
      return new SheetView(a.id, a.responseId, a.reviewerId, s.version, s == latest.get(s.assignmentId),
          s.submittedAt, s.scores.entrySet().stream().map(e -> new ScoreView(e.getKey(),
              rfi.criterion(e.getKey()).name, e.getValue().rating,
              rfi.level(e.getValue().rating) == null ? null : rfi.level(e.getValue().rating).label,
              e.getValue().strengths, e.getValue().weaknesses, e.getValue().rationale)).toList());
    }).toList();
    return new ScoresView(view == RfiAccess.ScoreView.ALL ? "all" : "your own: scoring is blind until the consensus "
        + "step", views);
  }

  record ScoreRequest(Integer criterion, Integer rating, String strengths, String weaknesses, String rationale) {
  }

  record CorrectionRequest(List<ScoreRequest> scores, String reason) {
  }

  @PostMapping("/{id}/assignments/{assignmentId}/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Correct one's submitted scores before the consensus step: a new version; the old one stays")
  SheetView correct(@PathVariable String id, @PathVariable String assignmentId,
      @RequestBody CorrectionRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = record(id, caller);
    if (request == null || request.scores() == null) {
      throw new InvalidRequestException("scores", "Send every criterion's score: scores: [{criterion, rating, "
          + "strengths, weaknesses, rationale}], and a reason.");
    }
    Map<Integer, RfiScoringService.ScoreInput> inputs = new TreeMap<>();
    for (ScoreRequest score : request.scores()) {
      if (score == null || score.criterion() == null) {
        throw new InvalidRequestException("scores", "Each score names its criterion by number.");
      }
      inputs.put(score.criterion(), new RfiScoringService.ScoreInput(score.rating(), score.strengths(), score.weaknesses(),
          score.rationale()));
    }
    ScoreSheet sheet = scoring.correct(rfi.id, assignmentId, inputs, request.reason(), caller);
    Assignment a = scoring.require(assignmentId);
    return new SheetView(a.id, a.responseId, a.reviewerId, sheet.version, true, sheet.submittedAt,
        sheet.scores.entrySet().stream().map(e -> new ScoreView(e.getKey(), rfi.criterion(e.getKey()).name,
            e.getValue().rating, rfi.level(e.getValue().rating).label, e.getValue().strengths,
            e.getValue().weaknesses, e.getValue().rationale)).toList());
  }

  // ---- Results and report ------------------------------------------------------------------------

  record CriterionResultView(String responseId, int criterion, String criterionName, int scoreCount, Double mean,
      Integer min, Integer max, Double standardDeviation, boolean flagged, String flagReasons,
      Integer consensusRating, String consensusRationale) {
  }

  record ResultsView(List<RfiResultsService.Standing> ranking, List<CriterionResultView> criteria) {
  }

  @GetMapping("/{id}/results")
  @Operation(summary = "Figures, outlier flags, consensus and ranking (from the consensus step on)")
  ResultsView results(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = record(id, caller);
    if (!rfi.status.scoresUnblinded()) {
      throw new ConflictException("Results of " + id + " exist from the consensus step on (status " + rfi.status
          + ").");
    }
    List<CriterionResultView> criteria = new ArrayList<>();
    for (CriterionResult r : results.results(rfi.id)) {
      Consensus.Rating agreed = results.latestConsensus(r.responseId).map(c -> c.ratings.get(r.criterionPosition))
          .orElse(null);
      criteria.add(new CriterionResultView(r.responseId, r.criterionPosition, rfi.criterion(r.criterionPosition).name,
          r.scoreCount, r.mean, r.minRating, r.maxRating, r.standardDeviation, r.flagged, r.flagReasons,
          agreed == null ? null : agreed.rating, agreed == null ? null : agreed.rationale));
    }
    criteria.sort(java.util.Comparator.comparing(CriterionResultView::responseId)
        .thenComparingInt(CriterionResultView::criterion));
    return new ResultsView(results.ranking(rfi.id), criteria);
  }

  @GetMapping(path = "/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The latest evaluation report as PDF (the issuing agency's directors, the chair, oversight)")
  ResponseEntity<byte[]> reportPdf(@PathVariable String id, Authentication authentication) {
    Rfi rfi = reportReader(id, Caller.of(authentication));
    RfiReport report = reports.requireLatest(rfi.id);
    return download(report.pdf, rfi.id + "-evaluation-report-v" + report.version + ".pdf", MediaType.APPLICATION_PDF);
  }

  @GetMapping(path = "/{id}/report.csv", produces = "text/csv")
  @Operation(summary = "Every score of the evaluation as CSV")
  ResponseEntity<byte[]> reportCsv(@PathVariable String id, Authentication authentication) {
    Rfi rfi = reportReader(id, Caller.of(authentication));
    RfiReport report = reports.requireLatest(rfi.id);
    return download(report.csv, rfi.id + "-scores-v" + report.version + ".csv",
        MediaType.parseMediaType("text/csv; charset=UTF-8"));
  }

  private Rfi reportReader(String id, Caller caller) {
    Rfi rfi = record(id, caller);
    PanelMember member = access.membership(caller, rfi);
    if (!RfiAccess.oversight(caller, rfi) && !(member != null && member.role == PanelMember.Role.CHAIR)) {
      throw new ForbiddenException("The evaluation report of " + id
          + " is for the issuing agency's QSMO directors, the panel chair, contracting officers and auditors.");
    }
    return rfi;
  }

  private static ResponseEntity<byte[]> download(byte[] content, String fileName, MediaType type) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }

  /** The RFI, or 404 for a caller who may not know it. */
  private Rfi visible(String id, Caller caller) {
    Rfi rfi = records.require(id);
    if (!access.canSeeRfi(caller, rfi)) {
      throw new NotFoundException("No RFI with id '" + id + "'.");
    }
    return rfi;
  }

  /** The RFI, for a caller who may read its record (panel, oversight); 403 otherwise. */
  private Rfi record(String id, Caller caller) {
    Rfi rfi = visible(id, caller);
    if (!access.canSeeRecord(caller, rfi)) {
      throw new ForbiddenException("The record of " + id
          + " is for its panel and oversight (the issuing agency's QSMO directors, contracting officers, auditors).");
    }
    return rfi;
  }

}
