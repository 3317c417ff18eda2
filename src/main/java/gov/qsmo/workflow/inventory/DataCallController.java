package gov.qsmo.workflow.inventory;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.process.TaskCompletion;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Systems inventory data calls: a QSMO's directors issue them and read the consolidated inventory (so do OMB and
 * auditors); each agency's points of contact read and submit only their own agency's inventory, as form lines or a
 * CSV file, each submission a new version.
 */
@RestController
@Tag(name = "Systems inventory", description = "Data calls to customer agencies and the consolidated inventory")
class DataCallController {

  static final int MAX_PAGE = 500;
  private static final Set<String> OVERSIGHT = Set.of(Roles.OMB_ANALYSTS, Roles.OMB_DECIDERS, Roles.AUDITORS,
      Roles.CAMUNDA_ADMIN);

  private final DataCallService dataCalls;
  private final InventoryQueries queries;
  private final DesignationService designations;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final TaskCompletion completion;

  DataCallController(DataCallService dataCalls, InventoryQueries queries, DesignationService designations,
      TaskService taskService, IdentityService identityService, TaskCompletion completion) {
    this.dataCalls = dataCalls;
    this.queries = queries;
    this.designations = designations;
    this.taskService = taskService;
    this.identityService = identityService;
    this.completion = completion;
  }

  record IssueRequest(String title, String instructions, LocalDate dueDate, List<String> agencyCodes) {
  }

  record LinesRequest(String lines) {
  }

  record DataCallView(String id, String designationId, String title, String instructions, LocalDate dueDate,
      String createdBy, Instant createdAt, DataCallService.Progress progress,
      List<DataCallService.AgencyStatus> agencies) {
  }

  /** A data call in a QSMO's list: where it stands; its agencies one by one at {@code href}. */
  record DataCallItem(String id, String designationId, String title, LocalDate dueDate, String createdBy,
      Instant createdAt, DataCallService.Progress progress, String href, String page) {
  }

  record SubmittedView(String dataCallId, String agencyCode, int version, int systems) {
  }

  @PostMapping("/api/designations/{id}/data-calls")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue a systems inventory data call (the QSMO's directors)",
      description = "title, instructions (optional), dueDate (a business day within a year), agencyCodes (optional: "
          + "all active agencies when empty). Each agency's points of contact get \"Submit systems inventory\".")
  DataCallView issue(@PathVariable String id, @RequestBody(required = false) IssueRequest request,
      Authentication authentication) {
    if (request == null) {
      throw new InvalidRequestException("title", "Send the data call as JSON: title, dueDate, agencyCodes.");
    }
    DataCall call = dataCalls.issue(id, new DataCallService.Request(request.title(), request.instructions(),
        request.dueDate(), request.agencyCodes()), Caller.of(authentication));
    return view(call, Caller.of(authentication), 0, 100);
  }

  @GetMapping("/api/designations/{id}/data-calls")
  @Operation(summary = "A QSMO's data calls, newest first: where each stands, its record (href) and its page with charts")
  List<DataCallItem> list(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Designation designation = designations.find(id).orElse(null);
    if (designation == null || !oversees(caller, designation)) {
      throw new NotFoundException("No designation with id '" + id + "'.");
    }
    return dataCalls.of(designation.getId(), 0, 50).stream()
        .map(call -> new DataCallItem(call.getId(), call.getDesignationId(), call.getTitle(), call.getDueDate(),
            call.getCreatedBy(), call.getCreatedAt(), dataCalls.progress(call.getId()),
            "/api/data-calls/" + call.getId(), "/inventory/?dataCall=" + call.getId()))
        .toList();
  }

  @GetMapping("/api/data-calls/{dataCallId}")
  @Operation(summary = "A data call: what it asks, how many agencies answered and are late, and a page of the agencies "
      + "(a point of contact sees their own agency only)")
  DataCallView get(@PathVariable String dataCallId, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size, Authentication authentication) {
    return view(dataCalls.require(dataCallId), Caller.of(authentication), checkedPage(page), checkedSize(size));
  }

  @GetMapping("/api/data-calls/{dataCallId}/agencies/{agencyCode}/inventory")
  @Operation(summary = "An agency's inventory: its latest version, or ?version=n (the agency's points of contact, the "
      + "QSMO's directors, OMB, auditors)")
  List<InventoryQueries.SystemRow> agencyInventory(@PathVariable String dataCallId, @PathVariable String agencyCode,
      @RequestParam(required = false) Integer version, Authentication authentication) {
    DataCall call = dataCalls.require(dataCallId);
    String agency = agencyCode.toUpperCase(java.util.Locale.ROOT);
    requireAgencyReader(call, agency, Caller.of(authentication));
    DataCallService.AgencyStatus status = dataCalls.agency(call.getId(), agency);
    if (version != null && (status.latestVersion() == null || version < 1 || version > status.latestVersion())) {
      throw new NotFoundException(agency + " has no version " + version + " of its inventory in " + call.getId()
          + (status.latestVersion() == null ? "; it has not answered yet." : "; its versions are 1 to "
              + status.latestVersion() + "."));
    }
    return queries.ofAgency(call.getId(), agency, version);
  }

  @PostMapping(path = "/api/data-calls/{dataCallId}/agencies/{agencyCode}/inventory",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Submit an agency's inventory as a CSV file (the agency's points of contact)",
      description = "Multipart field 'file': UTF-8 CSV with the header system_name, functions, provider, hosting, "
          + "contract_end_date, annual_cost, modernization_plan, modernization_target_date. Checked row by row: "
          + "the answer names every bad row and column, and nothing of a refused file is stored.")
  SubmittedView uploadCsv(@PathVariable String dataCallId, @PathVariable String agencyCode,
      @RequestPart(name = "file", required = false) MultipartFile file, Authentication authentication)
      throws IOException {
    DataCall call = requireSubmission(dataCallId, agencyCode, Caller.of(authentication));
    if (file == null) {
      throw new InvalidRequestException("file", "Send the CSV file as the multipart field 'file'.");
    }
    if (file.getSize() > InventoryCsv.MAX_BYTES) {
      throw new InvalidRequestException("file", "The file is " + file.getSize() + " bytes; at most "
          + InventoryCsv.MAX_BYTES + " are accepted.");
    }
    return submit(call.getId(), agencyCode, InventoryCsv.parseCsv(file.getBytes()), "CSV", authentication);
  }

  @PostMapping(path = "/api/data-calls/{dataCallId}/agencies/{agencyCode}/inventory",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Submit an agency's inventory as lines (the agency's points of contact)",
      description = "lines: one system per line, the eight values separated by |, as in the form.")
  SubmittedView submitLines(@PathVariable String dataCallId, @PathVariable String agencyCode,
      @RequestBody(required = false) LinesRequest request, Authentication authentication) {
    requireSubmission(dataCallId, agencyCode, Caller.of(authentication));
    String lines = request == null ? null : request.lines();
    if (lines == null || lines.isBlank()) {
      throw new InvalidRequestException("lines", "List the agency's systems, one per line.");
    }
    return submit(dataCallId, agencyCode, InventoryCsv.parseLines(lines), "API", authentication);
  }

  @GetMapping("/api/data-calls/{dataCallId}/inventory")
  @Operation(summary = "The consolidated inventory: every agency's latest version, by agency and row, paged "
      + "(the QSMO's directors, OMB, auditors)")
  List<InventoryQueries.SystemRow> consolidated(@PathVariable String dataCallId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
      Authentication authentication) {
    DataCall call = requireOverseen(dataCallId, Caller.of(authentication));
    return queries.consolidated(call.getId(), checkedPage(page), checkedSize(size));
  }

  @GetMapping("/api/data-calls/{dataCallId}/inventory.csv")
  @Operation(summary = "The consolidated inventory as CSV (UTF-8, for spreadsheets), streamed agency by agency")
  void csv(@PathVariable String dataCallId, Authentication authentication, HttpServletResponse response)
      throws IOException {
    DataCall call = requireOverseen(dataCallId, Caller.of(authentication));
    response.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8).toString());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(call.getId() + "-inventory.csv").build().toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    queries.csv(call.getId(), response.getOutputStream());
  }

  @GetMapping("/api/data-calls/{dataCallId}/summary")
  @Operation(summary = "The consolidated inventory in figures: systems by provider, function and hosting, contracts "
      + "ending by fiscal year, the yearly cost")
  InventoryQueries.Summary summary(@PathVariable String dataCallId, Authentication authentication) {
    DataCall call = requireOverseen(dataCallId, Caller.of(authentication));
    return queries.summary(call.getId(), dataCalls.progress(call.getId()));
  }

  /** The agency's next version; its open task (if any) completes with it, in one transaction. */
  private SubmittedView submit(String dataCallId, String agencyCode, List<InventoryCsv.SystemLine> lines,
      String source, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    DataCall call = dataCalls.require(dataCallId);
    String agency = agencyCode.toUpperCase(java.util.Locale.ROOT);
    int version = dataCalls.submitAndCloseTask(call.getId(), agency, lines, source, caller,
        () -> openTask(call, agency));
    return new SubmittedView(call.getId(), agency, version, lines.size());
  }

  private Task openTask(DataCall call, String agency) {
    return Privileged.run(identityService, () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(call.getId())
        .processDefinitionKey(InventoryProcess.RESPONSE_KEY)
        .processVariableValueEquals(InventoryProcess.Variables.AGENCY_CODE, agency)
        .taskDefinitionKey(InventoryProcess.Elements.TASK_SUBMIT_INVENTORY).singleResult());
  }

  private DataCallView view(DataCall call, Caller caller, int page, int size) {
    Designation designation = designations.require(call.getDesignationId());
    List<DataCallService.AgencyStatus> agencies;
    if (oversees(caller, designation)) {
      agencies = dataCalls.agencies(call.getId(), page, size);
    } else {
      agencies = Roles.agenciesContacted(caller.groups()).stream().sorted()
          .filter(code -> dataCalls.asks(call.getId(), code)).map(code -> dataCalls.agency(call.getId(), code))
          .toList();
      if (agencies.isEmpty()) {
        throw new NotFoundException("No data call with id '" + call.getId() + "'.");
      }
      // A point of contact's figures are their own agency's, like the list.
      return new DataCallView(call.getId(), call.getDesignationId(), call.getTitle(), call.getInstructions(),
          call.getDueDate(), call.getCreatedBy(), call.getCreatedAt(), new DataCallService.Progress(agencies.size(),
              agencies.stream().filter(a -> a.latestVersion() != null).count(),
              agencies.stream().filter(DataCallService.AgencyStatus::late).count()), agencies);
    }
    return new DataCallView(call.getId(), call.getDesignationId(), call.getTitle(), call.getInstructions(),
        call.getDueDate(), call.getCreatedBy(), call.getCreatedAt(), dataCalls.progress(call.getId()), agencies);
  }

  private boolean oversees(Caller caller, Designation designation) {
    return caller.groups().stream().anyMatch(OVERSIGHT::contains) || caller.directs(designation.getAgencyCode());
  }

  /**
   * As GET /api/data-calls/{id} answers: a call that asks none of the caller's agencies, and that the caller does not
   * oversee, is not theirs to know (404 on every endpoint, whatever else is wrong with the request).
   */
  private void requireKnown(DataCall call, Caller caller) {
    if (!oversees(caller, designations.require(call.getDesignationId()))
        && Roles.agenciesContacted(caller.groups()).stream().noneMatch(code -> dataCalls.asks(call.getId(), code))) {
      throw new NotFoundException("No data call with id '" + call.getId() + "'.");
    }
  }

  /** Before a submission's body is read: the call is known to the caller, they answer for the agency, it is asked. */
  private DataCall requireSubmission(String dataCallId, String agencyCode, Caller caller) {
    DataCall call = dataCalls.require(dataCallId);
    requireKnown(call, caller);
    String agency = agencyCode.toUpperCase(java.util.Locale.ROOT);
    dataCalls.requireSubmitter(agency, caller);
    dataCalls.agency(call.getId(), agency);
    return call;
  }

  private DataCall requireOverseen(String dataCallId, Caller caller) {
    DataCall call = dataCalls.require(dataCallId);
    requireKnown(call, caller);
    if (!oversees(caller, designations.require(call.getDesignationId()))) {
      throw new ForbiddenException("The consolidated inventory of " + call.getId() + " is for the QSMO's directors, "
          + "OMB and auditors; an agency reads its own inventory.");
    }
    return call;
  }

  private void requireAgencyReader(DataCall call, String agency, Caller caller) {
    requireKnown(call, caller);
    if (!oversees(caller, designations.require(call.getDesignationId()))
        && !caller.in(Roles.inventoryContactsOf(agency))) {
      throw new ForbiddenException("An agency's inventory is for its points of contact, the QSMO's directors, OMB and "
          + "auditors.");
    }
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
}
