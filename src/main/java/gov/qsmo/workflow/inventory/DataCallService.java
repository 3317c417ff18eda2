package gov.qsmo.workflow.inventory;

import gov.qsmo.workflow.calendar.BusinessCalendar;
import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.inventory.InventoryCsv.SystemLine;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.reference.Agency;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Systems inventory data calls (ADR 0028): a designated QSMO's directors ask customer agencies (all active ones, or
 * those chosen) for the systems they run, due on a business day; each agency's points of contact
 * ({@code inventory-contacts-<code>}) submit its inventory, each submission a new version (the old ones kept); the
 * consolidated inventory is the latest version of every agency. Named {@code dataCalls} for the models' expressions.
 */
@Service("dataCalls")
@Transactional
public class DataCallService {

  /** Agencies one data call asks at most (the program's agencies are about a hundred). */
  static final int MAX_AGENCIES = 300;

  private final DataCallRepository calls;
  private final DataCallAgencyRepository agencies;
  private final DesignationService designations;
  private final ReferenceData referenceData;
  private final BusinessCalendar calendar;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final OfficeTime officeTime;
  private final gov.qsmo.workflow.process.TaskCompletion completion;

  DataCallService(DataCallRepository calls, DataCallAgencyRepository agencies, DesignationService designations,
      ReferenceData referenceData, BusinessCalendar calendar, RuntimeService runtimeService,
      IdentityService identityService, JdbcTemplate jdbc, Clock clock,
      gov.qsmo.workflow.process.TaskCompletion completion, OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.completion = completion;
    this.calls = calls;
    this.agencies = agencies;
    this.designations = designations;
    this.referenceData = referenceData;
    this.calendar = calendar;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What a director asks for. */
  public record Request(String title, String instructions, LocalDate dueDate, List<String> agencyCodes) {
  }

  /**
   * A QSMO's director issues a data call: every agency asked gets its task (one instance each, started in jobs of
   * their own), due at the end of the due date, a business day within a year.
   */
  public DataCall issue(String designationId, Request request, Caller caller) {
    Designation designation = designations.find(designationId)
        .orElseThrow(() -> new NotFoundException("No designation with id '" + designationId + "'."));
    if (!caller.directs(designation.getAgencyCode())) {
      throw new ForbiddenException("Only the QSMO directors of " + designation.getAgencyCode() + " issue the data "
          + "calls of " + designationId + ".");
    }
    if (designation.getStatus() != DesignationStatus.DESIGNATED) {
      throw new ConflictException("Designation " + designationId + " is "
          + designation.getStatus().wordsInSentence() + "; a designated QSMO issues data calls.");
    }
    String title = gov.qsmo.workflow.shared.Inputs.checkedText("title", "Title", required("title", request.title(),
        "Give the data call a title."), 200);
    String instructions = request.instructions() == null ? null
        : gov.qsmo.workflow.shared.Inputs.checkedText("instructions", "Instructions", request.instructions(), 4000);
    LocalDate due = request.dueDate();
    if (due == null) {
      throw new InvalidRequestException("dueDate", "Give the due date (yyyy-mm-dd), a business day after today and "
          + "within a year.");
    }
    if (!due.isAfter(calendar.today())) {
      throw new InvalidRequestException("dueDate", "The due date " + officeTime.date(due) + " is not after today ("
          + officeTime.date(calendar.today()) + "); give a later business day.");
    }
    if (due.isAfter(calendar.today().plusYears(1))) {
      throw new InvalidRequestException("dueDate", "The due date " + officeTime.date(due) + " is more than a year "
          + "away; give a business day on or before " + officeTime.date(calendar.today().plusYears(1)) + ".");
    }
    calendar.requireBusinessDay("dueDate", "Due date", due);
    List<String> asked = agenciesAsked(request.agencyCodes());
    String id = "DC-" + Year.now(clock) + "-" + String.format("%04d", calls.nextNumber());
    DataCall call = calls.save(new DataCall(id, designationId, title, instructions, due, caller.userId(),
        clock.instant()));
    agencies.saveAll(asked.stream().map(code -> new DataCallAgency(id, code)).toList());
    agencies.flush();
    String instance = Privileged.run(identityService, () -> runtimeService.startProcessInstanceByKey(
        InventoryProcess.DATA_CALL_KEY, id, Map.of(
            InventoryProcess.Variables.DATA_CALL_ID, id,
            InventoryProcess.Variables.DUE_DATE, due.toString())).getId());
    call.attachProcess(instance);
    designations.note(designationId, caller.userId(), "DATA_CALL_ISSUED", id + ": " + title + ", to " + asked.size()
        + (asked.size() == 1 ? " agency" : " agencies") + ", due " + officeTime.date(due) + ".");
    return call;
  }

  private List<String> agenciesAsked(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      List<String> active = referenceData.agencies().stream().filter(Agency::isActive).map(Agency::getCode).sorted()
          .toList();
      if (active.size() > MAX_AGENCIES) {
        throw new InvalidRequestException("agencyCodes", active.size() + " agencies are active and a data call asks "
            + "at most " + MAX_AGENCIES + ": name the agencies to ask, or split the call.");
      }
      return active;
    }
    if (codes.size() > MAX_AGENCIES) {
      throw new InvalidRequestException("agencyCodes", "Ask at most " + MAX_AGENCIES + " agencies.");
    }
    Set<String> asked = new LinkedHashSet<>();
    for (String code : codes) {
      if (code == null || code.isBlank()) {
        throw new InvalidRequestException("agencyCodes", "An agency code is empty; list codes such as DOL.");
      }
      asked.add(referenceData.requireActiveAgency("agencyCodes", code.strip().toUpperCase(Locale.ROOT)).getCode());
    }
    return List.copyOf(asked);
  }

  /** The agencies a data call asks, by code: the collection of its model's multi-instance. */
  @Transactional(readOnly = true)
  public List<String> agencyCodes(String dataCallId) {
    return agencies.agencyCodes(dataCallId);
  }

  /** Whether the data call asks this agency. */
  @Transactional(readOnly = true)
  public boolean asks(String dataCallId, String agencyCode) {
    return agencies.existsById(new DataCallAgency.Key(dataCallId, agencyCode));
  }

  /** The group of an agency's points of contact: candidates of its inventory task. */
  public String contactsOf(String agencyCode) {
    return Roles.inventoryContactsOf(agencyCode);
  }

  /**
   * An agency's inventory, as a new version (the earlier ones stay). Only the agency's points of contact submit it;
   * the systems are stored in one batch. Returns the version.
   */
  public int submit(String dataCallId, String agencyCode, List<SystemLine> systems, String source, Caller caller) {
    DataCall call = require(dataCallId);
    requireSubmitter(agencyCode, caller);
    DataCallAgency agency = agencies.lock(call.getId(), agencyCode)
        .orElseThrow(() -> new NotFoundException("Data call " + dataCallId + " does not ask " + agencyCode + "."));
    if (systems.isEmpty()) {
      throw new InvalidRequestException(InventoryProcess.Variables.INVENTORY_LINES, "List the agency's systems: "
          + "one per line, or a CSV file.");
    }
    int version = agency.getLatestVersion() == null ? 1 : agency.getLatestVersion() + 1;
    Instant now = clock.instant();
    Long submission = jdbc.queryForObject("""
        insert into qsmo.inventory_submission (data_call_id, agency_code, version, source, systems, submitted_by,
            submitted_at) values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, call.getId(), agencyCode, version,
        source, systems.size(), caller.userId(), java.sql.Timestamp.from(now));
    jdbc.batchUpdate("""
        insert into qsmo.inventory_system (submission_id, row_number, system_name, functions, provider, hosting,
            contract_end_date, annual_cost, modernization_plan, modernization_target_date)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", systems, 500, (ps, line) -> {
          ps.setLong(1, submission);
          ps.setInt(2, line.row());
          ps.setString(3, line.systemName());
          ps.setString(4, String.join("; ", line.functions()));
          ps.setString(5, line.provider());
          ps.setString(6, line.hosting().name());
          ps.setDate(7, line.contractEndDate() == null ? null : Date.valueOf(line.contractEndDate()));
          ps.setBigDecimal(8, line.annualCost());
          ps.setString(9, line.modernizationPlan());
          ps.setDate(10, line.modernizationTargetDate() == null ? null : Date.valueOf(line.modernizationTargetDate()));
        });
    agency.submitted(version, systems.size(), now);
    return version;
  }

  /** Only the agency's points of contact submit its inventory: a 403 that names the agency in words. */
  public void requireSubmitter(String agencyCode, Caller caller) {
    if (!caller.isSystem() && !caller.in(Roles.inventoryContactsOf(agencyCode))) {
      String agency = referenceData.agencies().stream().filter(a -> a.getCode().equals(agencyCode))
          .map(a -> a.getName() + " (" + a.getCode() + ")").findFirst().orElse(agencyCode);
      throw new ForbiddenException("Only the points of contact for systems inventories of " + agency
          + " submit its inventory.");
    }
  }

  /**
   * An agency's inventory from the API: its next version and, when its task is still open, that task completed by the
   * caller (as Tasklist would), in one transaction: a refused completion stores nothing.
   */
  public int submitAndCloseTask(String dataCallId, String agencyCode, List<SystemLine> systems, String source,
      Caller caller, java.util.function.Supplier<org.camunda.bpm.engine.task.Task> openTask) {
    int version = submit(dataCallId, agencyCode, systems, source, caller);
    org.camunda.bpm.engine.task.Task task = openTask.get();
    if (task != null) {
      completion.completeAs(task, caller.userId(), caller.groups(), Map.of(), "The inventory of " + agencyCode
          + " in " + dataCallId, field -> field);
    }
    return version;
  }

  /** An agency's answer as the data call's record shows it. */
  public record AgencyStatus(String agencyCode, String agencyName, Integer latestVersion, Integer systems,
      Instant firstSubmittedAt, Instant lastSubmittedAt, boolean late) {
  }

  /** A page of the agencies asked, by code, with where each stands. */
  @Transactional(readOnly = true)
  public List<AgencyStatus> agencies(String dataCallId, int page, int size) {
    DataCall call = require(dataCallId);
    Instant dueAt = calendar.endOf(call.getDueDate());
    Instant now = clock.instant();
    Map<String, String> names = new java.util.HashMap<>();
    referenceData.agencies().forEach(a -> names.put(a.getCode(), a.getName()));
    return agencies.findByDataCallIdOrderByAgencyCode(dataCallId, PageRequest.of(page, size)).stream()
        .map(a -> new AgencyStatus(a.getAgencyCode(), names.get(a.getAgencyCode()), a.getLatestVersion(),
            a.getSystems(), a.getFirstSubmittedAt(), a.getLastSubmittedAt(), late(a, dueAt, now))).toList();
  }

  @Transactional(readOnly = true)
  public AgencyStatus agency(String dataCallId, String agencyCode) {
    DataCall call = require(dataCallId);
    DataCallAgency a = agencies.findById(new DataCallAgency.Key(dataCallId, agencyCode))
        .orElseThrow(() -> new NotFoundException("Data call " + dataCallId + " does not ask " + agencyCode + "."));
    return new AgencyStatus(a.getAgencyCode(), referenceData.requireAgency("agencyCode", agencyCode).getName(),
        a.getLatestVersion(), a.getSystems(), a.getFirstSubmittedAt(), a.getLastSubmittedAt(),
        late(a, calendar.endOf(call.getDueDate()), clock.instant()));
  }

  /** Late: not answered by the end of the due date, or first answered after it. */
  private static boolean late(DataCallAgency a, Instant dueAt, Instant now) {
    return a.getFirstSubmittedAt() == null ? now.isAfter(dueAt) : a.getFirstSubmittedAt().isAfter(dueAt);
  }

  /** How many agencies were asked, answered, and are late. */
  public record Progress(long asked, long answered, long late) {
  }

  @Transactional(readOnly = true)
  public Progress progress(String dataCallId) {
    DataCall call = require(dataCallId);
    java.sql.Timestamp dueAt = java.sql.Timestamp.from(calendar.endOf(call.getDueDate()));
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
    return jdbc.queryForObject("""
        select count(*), count(latest_version),
               count(*) filter (where (first_submitted_at is null and ? > ?) or first_submitted_at > ?)
        from qsmo.data_call_agency where data_call_id = ?""", (rs, n) -> new Progress(rs.getLong(1), rs.getLong(2),
        rs.getLong(3)), now, dueAt, dueAt, dataCallId);
  }

  @Transactional(readOnly = true)
  public DataCall require(String dataCallId) {
    return calls.findById(dataCallId == null ? "" : dataCallId.toUpperCase(Locale.ROOT))
        .orElseThrow(() -> new NotFoundException("No data call with id '" + dataCallId + "'."));
  }

  @Transactional(readOnly = true)
  public List<DataCall> of(String designationId, int page, int size) {
    return calls.findByDesignationIdOrderByIdDesc(designationId, PageRequest.of(page, size));
  }

  private static String required(String field, String value, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field, message);
    }
    return value;
  }
}
