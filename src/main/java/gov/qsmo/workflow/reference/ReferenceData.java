package gov.qsmo.workflow.reference;

import gov.qsmo.workflow.reference.ReferenceDataChange.Action;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agencies and functional areas: the lookups every other capability validates against, and the
 * changes OMB makes to them (ADR 0020). A change takes effect at once, in the same transaction: an
 * added agency's Camunda groups exist, and every form that offers agencies or areas offers the new
 * set, without a release or a restart. Codes never change; a code that live records use cannot be
 * retired.
 */
@Service
@Transactional(readOnly = true)
public class ReferenceData {

  /** Upper-case letters and digits, 2 to 16, starting with a letter: the tables' own check. */
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,15}");
  private static final int MAX_NAME = 200;
  private static final int MAX_SHORT_NAME = 40;
  /** How many live records a refused retirement names. */
  private static final int NAMED_RECORDS = 10;

  private final AgencyRepository agencies;
  private final FunctionalAreaRepository areas;
  private final ReferenceDataChangeRepository changes;
  private final List<ReferenceUsage> usages;
  private final AgencyGroups agencyGroups;
  private final StartFormOptions formOptions;
  private final Clock clock;

  ReferenceData(AgencyRepository agencies, FunctionalAreaRepository areas, ReferenceDataChangeRepository changes,
      List<ReferenceUsage> usages, AgencyGroups agencyGroups, StartFormOptions formOptions, Clock clock) {
    this.agencies = agencies;
    this.areas = areas;
    this.changes = changes;
    this.usages = usages;
    this.agencyGroups = agencyGroups;
    this.formOptions = formOptions;
    this.clock = clock;
  }

  /** Every agency, active and retired, by code. */
  public List<Agency> agencies() {
    return agencies.findAll(Sort.by("code"));
  }

  /** Every functional area, active and retired, by code. */
  public List<FunctionalArea> functionalAreas() {
    return areas.findAll(Sort.by("code"));
  }

  /** The agency with this code, active or retired (records that name it), or a 400 that lists the known codes. */
  public Agency requireAgency(String field, String code) {
    return agencies.findById(code).orElseThrow(() -> new InvalidRequestException(field,
        "Unknown agency '" + code + "'. Known agencies: " + codes(agencies().stream().map(Agency::getCode).toList())));
  }

  /** The functional area with this code, active or retired, or a 400 that lists the known codes. */
  public FunctionalArea requireFunctionalArea(String field, String code) {
    return areas.findById(code).orElseThrow(() -> new InvalidRequestException(field,
        "Unknown functional area '" + code + "'. Known areas: "
            + codes(functionalAreas().stream().map(FunctionalArea::getCode).toList())));
  }

  /** An agency for new work: known and not retired, or a 400 that says so. */
  public Agency requireActiveAgency(String field, String code) {
    Agency agency = requireAgency(field, code);
    if (!agency.isActive()) {
      throw new InvalidRequestException(field, "The agency '" + code + "' (" + agency.getName()
          + ") was retired and takes no new work. Active agencies: "
          + codes(agencies().stream().filter(Agency::isActive).map(Agency::getCode).toList()));
    }
    return agency;
  }

  /** A functional area for a new designation: known and not retired, or a 400 that says so. */
  public FunctionalArea requireActiveFunctionalArea(String field, String code) {
    FunctionalArea area = requireFunctionalArea(field, code);
    if (!area.isActive()) {
      throw new InvalidRequestException(field, "The functional area '" + code + "' (" + area.getName()
          + ") was retired and takes no new designations. Active areas: "
          + codes(functionalAreas().stream().filter(FunctionalArea::isActive).map(FunctionalArea::getCode).toList()));
    }
    return area;
  }

  /** The latest changes to one agency or area, newest first. */
  public List<ReferenceDataChange> history(ReferenceKind kind, String code, int page, int size) {
    return changes.findByKindAndCodeOrderByChangedAtDescIdDesc(kind, code, PageRequest.of(page, size)).getContent();
  }

  // ---------------------------------------------------------------- agencies

  public record AgencyInput(String code, String name, String shortName) {
  }

  @Transactional
  public Agency addAgency(AgencyInput input, String actor) {
    changes.lockForChange();
    String code = newCode(input.code());
    if (agencies.existsById(code)) {
      throw new ConflictException("An agency with the code " + code + " exists already ("
          + agencies.findById(code).map(Agency::getName).orElse("") + "); choose another code, or change that one.");
    }
    String name = agencyName(input.name(), code);
    Agency agency = agencies.save(new Agency(code, name, shortName(input.shortName())));
    agencyGroups.ensure(agency);
    record(ReferenceKind.AGENCY, code, Action.ADDED, name + " (" + agency.getShortName() + ")", actor);
    formOptions.refresh();
    return agency;
  }

  @Transactional
  public Agency changeAgency(String code, AgencyInput input, String actor) {
    changes.lockForChange();
    Agency agency = agency(code);
    if (input.code() != null && !input.code().isBlank() && !input.code().strip().equals(code)) {
      throw new InvalidRequestException("code", "An agency's code never changes (records name it); to use "
          + input.code().strip() + ", add a new agency and retire " + code + ".");
    }
    String name = agencyName(input.name(), code);
    String shortName = shortName(input.shortName());
    String before = agency.getName() + " (" + agency.getShortName() + ")";
    agency.rename(name, shortName);
    agencyGroups.ensure(agency);
    record(ReferenceKind.AGENCY, code, Action.CHANGED, before + " -> " + name + " (" + shortName + ")", actor);
    formOptions.refresh();
    return agency;
  }

  @Transactional
  public Agency retireAgency(String code, String actor) {
    changes.lockForChange();
    Agency agency = agency(code);
    if (!agency.isActive()) {
      throw new ConflictException("The agency " + code + " was retired already, on " + agency.getRetiredAt() + ".");
    }
    refuseWhileInUse(ReferenceKind.AGENCY, code, agency.getName());
    List<String> leading = areas.findAll(Sort.by("code")).stream()
        .filter(a -> a.isActive() && code.equals(a.getLeadAgencyCode())).map(FunctionalArea::getCode).toList();
    if (!leading.isEmpty()) {
      throw new ConflictException("The agency " + code + " leads the active functional area(s) " + codes(leading)
          + "; give those areas another lead agency, or retire them, first.");
    }
    agency.retire(clock.instant());
    record(ReferenceKind.AGENCY, code, Action.RETIRED, agency.getName(), actor);
    formOptions.refresh();
    return agency;
  }

  @Transactional
  public Agency restoreAgency(String code, String actor) {
    changes.lockForChange();
    Agency agency = agency(code);
    if (agency.isActive()) {
      throw new ConflictException("The agency " + code + " is active; there is nothing to restore.");
    }
    agency.restore();
    agencyGroups.ensure(agency);
    record(ReferenceKind.AGENCY, code, Action.RESTORED, agency.getName(), actor);
    formOptions.refresh();
    return agency;
  }

  // ---------------------------------------------------------------- functional areas

  public record FunctionalAreaInput(String code, String name, String description, String leadAgencyCode) {
  }

  @Transactional
  public FunctionalArea addFunctionalArea(FunctionalAreaInput input, String actor) {
    changes.lockForChange();
    String code = newCode(input.code());
    if (areas.existsById(code)) {
      throw new ConflictException("A functional area with the code " + code + " exists already ("
          + areas.findById(code).map(FunctionalArea::getName).orElse("") + "); choose another code, or change that one.");
    }
    String name = areaName(input.name(), code);
    FunctionalArea area = areas.save(new FunctionalArea(code, name, description(input.description()),
        leadAgency(input.leadAgencyCode())));
    record(ReferenceKind.FUNCTIONAL_AREA, code, Action.ADDED, name, actor);
    formOptions.refresh();
    return area;
  }

  @Transactional
  public FunctionalArea changeFunctionalArea(String code, FunctionalAreaInput input, String actor) {
    changes.lockForChange();
    FunctionalArea area = area(code);
    if (input.code() != null && !input.code().isBlank() && !input.code().strip().equals(code)) {
      throw new InvalidRequestException("code", "A functional area's code never changes (records name it); to use "
          + input.code().strip() + ", add a new area and retire " + code + ".");
    }
    String name = areaName(input.name(), code);
    String before = area.getName();
    area.change(name, description(input.description()), leadAgency(input.leadAgencyCode()));
    record(ReferenceKind.FUNCTIONAL_AREA, code, Action.CHANGED,
        before.equals(name) ? name + " (description or lead agency)" : before + " -> " + name, actor);
    formOptions.refresh();
    return area;
  }

  @Transactional
  public FunctionalArea retireFunctionalArea(String code, String actor) {
    changes.lockForChange();
    FunctionalArea area = area(code);
    if (!area.isActive()) {
      throw new ConflictException("The functional area " + code + " was retired already, on " + area.getRetiredAt()
          + ".");
    }
    refuseWhileInUse(ReferenceKind.FUNCTIONAL_AREA, code, area.getName());
    area.retire(clock.instant());
    record(ReferenceKind.FUNCTIONAL_AREA, code, Action.RETIRED, area.getName(), actor);
    formOptions.refresh();
    return area;
  }

  @Transactional
  public FunctionalArea restoreFunctionalArea(String code, String actor) {
    changes.lockForChange();
    FunctionalArea area = area(code);
    if (area.isActive()) {
      throw new ConflictException("The functional area " + code + " is active; there is nothing to restore.");
    }
    area.restore();
    record(ReferenceKind.FUNCTIONAL_AREA, code, Action.RESTORED, area.getName(), actor);
    formOptions.refresh();
    return area;
  }

  // ---------------------------------------------------------------- rules

  private void refuseWhileInUse(ReferenceKind kind, String code, String name) {
    long total = 0;
    List<String> named = new ArrayList<>();
    for (ReferenceUsage usage : usages) {
      total += usage.countLiveRecordsNaming(kind, code);
      if (named.size() < NAMED_RECORDS) {
        named.addAll(usage.liveRecordsNaming(kind, code, NAMED_RECORDS - named.size()));
      }
    }
    if (total > 0) {
      throw new ConflictException("The " + kind.label() + " " + code + " (" + name + ") is used by " + total
          + " live record(s): " + codes(named) + (total > named.size() ? ", ..." : "")
          + ". Retire it once they have ended (or moved to another " + kind.label() + ").");
    }
  }

  Agency agency(String code) {
    return agencies.findById(Objects.requireNonNullElse(code, ""))
        .orElseThrow(() -> new NotFoundException("No agency with the code '" + code + "'."));
  }

  FunctionalArea area(String code) {
    return areas.findById(Objects.requireNonNullElse(code, ""))
        .orElseThrow(() -> new NotFoundException("No functional area with the code '" + code + "'."));
  }

  private static String newCode(String raw) {
    String code = Inputs.checkedText("code", "Code", Objects.requireNonNullElse(raw, ""), 40);
    if (code == null) {
      throw new InvalidRequestException("code", "Code is required: 2 to 16 upper-case letters and digits, such as TRAVEL.");
    }
    if (!CODE.matcher(code).matches()) {
      throw new InvalidRequestException("code", "Code '" + code + "' must be 2 to 16 upper-case letters and digits, "
          + "starting with a letter (such as TRAVEL or DOT).");
    }
    return code;
  }

  private String agencyName(String raw, String code) {
    String name = required("name", "Name", raw, MAX_NAME);
    agencies.findFirstByNameIgnoreCaseAndCodeNot(name, code).ifPresent(other -> {
      throw new ConflictException("The agency " + other.getCode() + " has this name already: " + other.getName()
          + ". Two agencies cannot share a name.");
    });
    return name;
  }

  private String areaName(String raw, String code) {
    String name = required("name", "Name", raw, MAX_NAME);
    areas.findFirstByNameIgnoreCaseAndCodeNot(name, code).ifPresent(other -> {
      throw new ConflictException("The functional area " + other.getCode() + " has this name already: "
          + other.getName() + ". Two areas cannot share a name.");
    });
    return name;
  }

  private static String shortName(String raw) {
    return required("shortName", "Short name", raw, MAX_SHORT_NAME);
  }

  private static String description(String raw) {
    return required("description", "Description", raw, Inputs.MAX_TEXT);
  }

  private String leadAgency(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return requireActiveAgency("leadAgencyCode", raw.strip()).getCode();
  }

  private static String required(String field, String label, String raw, int max) {
    String text = Inputs.checkedText(field, label, Objects.requireNonNullElse(raw, ""), max);
    if (text == null) {
      throw new InvalidRequestException(field, label + " is required.");
    }
    if (text.contains("\n") || text.contains("\r") || text.contains("\t")) {
      if (!"description".equals(field)) {
        throw new InvalidRequestException(field, label + " must be one line; remove the line breaks.");
      }
    }
    return text;
  }

  private void record(ReferenceKind kind, String code, Action action, String detail, String actor) {
    changes.save(new ReferenceDataChange(kind, code, action, detail, actor, clock.instant()));
  }

  private static String codes(List<String> codes) {
    return codes.stream().collect(Collectors.joining(", "));
  }
}
