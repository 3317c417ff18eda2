package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CONFLICT_RESPONSE_IDS;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.CONFLICT_STATEMENT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.REVIEWERS;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review panel: the chair names at least three reviewers; every member attests before seeing
 * any response; a declared conflict recuses the member from that response. Reviewers are then
 * assigned to responses, the least loaded first, and a response left short goes back to the chair.
 */
@Service("rfiPanel")
@Transactional
public class RfiPanelService {

  static final int MIN_REVIEWERS = 3;

  private final RfiService records;
  private final PanelMemberRepository members;
  private final AssignmentRepository assignments;
  private final RfiResponseService responses;
  private final IdentityService identityService;
  private final Attestation attestation;

  RfiPanelService(RfiService records, PanelMemberRepository members, AssignmentRepository assignments,
      RfiResponseService responses, IdentityService identityService) {
    this.records = records;
    this.members = members;
    this.assignments = assignments;
    this.responses = responses;
    this.identityService = identityService;
    this.attestation = Attestation.load();
  }

  /** The version of the attestation text, recorded with each signature. */
  public String attestationVersion() {
    return attestation.version();
  }

  /** The attestation text panel members sign. */
  public String attestationText() {
    return attestation.text();
  }

  /** User ids, one per line or separated by commas or spaces. */
  static List<String> userIds(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[\\s,;]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  void form(String rfiId, List<String> reviewers, Integer perResponse, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    if (!members.findByRfiIdOrderByRoleAscUserIdAsc(rfiId).isEmpty()) {
      throw new ConflictException("The panel of " + rfiId + " is already formed.");
    }
    if (reviewers.size() < MIN_REVIEWERS) {
      throw new InvalidRequestException(REVIEWERS, "A panel has at least " + MIN_REVIEWERS + " reviewers ("
          + reviewers.size() + " named); add reviewers from the group " + Roles.RFI_REVIEWERS + ".");
    }
    checkReviewers(rfi, reviewers, REVIEWERS);
    if (perResponse != null && perResponse > reviewers.size()) {
      throw new InvalidRequestException(RfiProcess.Variables.REVIEWERS_PER_RESPONSE, "Each response can get at "
          + "most the " + reviewers.size() + " reviewers of the panel (" + perResponse + " asked).");
    }
    // "Every reviewer" means the panel as formed: reviewers added later fill gaps, they do not raise the number.
    rfi.reviewersPerResponse = perResponse == null ? reviewers.size() : perResponse;
    members.save(new PanelMember(rfiId, rfi.panelChairId, PanelMember.Role.CHAIR, caller.userId(), records.now()));
    for (String reviewer : reviewers) {
      members.save(new PanelMember(rfiId, reviewer, PanelMember.Role.REVIEWER, caller.userId(), records.now()));
    }
    records.moveTo(rfi, RfiStatus.ATTESTATION, caller.userId(), "PANEL_FORMED", "Chair " + rfi.panelChairId
        + "; reviewers " + String.join(", ", reviewers) + "; "
        + (perResponse == null ? "every reviewer scores every response" : perResponse + " reviewers per response"));
  }

  /** Adds reviewers to a panel that fell short; they attest before they are assigned. */
  void add(String rfiId, List<String> reviewers, String field, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    if (reviewers.isEmpty()) {
      throw new InvalidRequestException(field, "Name at least one reviewer to add (user ids from the group "
          + Roles.RFI_REVIEWERS + ").");
    }
    checkReviewers(rfi, reviewers, field);
    for (String reviewer : reviewers) {
      if (members.findByRfiIdAndUserId(rfiId, reviewer).isPresent()) {
        throw new InvalidRequestException(field, reviewer + " is on the panel already.");
      }
      members.save(new PanelMember(rfiId, reviewer, PanelMember.Role.REVIEWER, caller.userId(), records.now()));
    }
    records.moveTo(rfi, RfiStatus.ATTESTATION, caller.userId(), "REVIEWERS_ADDED", String.join(", ", reviewers));
  }

  /** Each is an RFI reviewer (group {@code rfi-reviewers}) and not the chair; 400 naming the field otherwise. */
  void checkReviewers(Rfi rfi, List<String> reviewers, String field) {
    for (String reviewer : reviewers) {
      if (reviewer.equals(rfi.panelChairId)) {
        throw new InvalidRequestException(field, "The chair (" + reviewer + ") leads the panel and does not score; "
            + "name other reviewers.");
      }
      if (Privileged.run(identityService, () -> identityService.createUserQuery().userId(reviewer)
          .memberOfGroup(Roles.RFI_REVIEWERS).count()) == 0) {
        throw new InvalidRequestException(field, "'" + reviewer + "' is not an RFI reviewer (a member of the group "
            + Roles.RFI_REVIEWERS + ").");
      }
    }
  }

  @Transactional(readOnly = true)
  public List<PanelMember> roster(String rfiId) {
    return members.findByRfiIdOrderByRoleAscUserIdAsc(rfiId);
  }

  @Transactional(readOnly = true)
  public PanelMember member(String rfiId, String userId) {
    return members.findByRfiIdAndUserId(rfiId, userId).orElse(null);
  }

  /** The members who have not attested yet: one "Sign attestation" task each. */
  @Transactional(readOnly = true)
  public List<String> membersToAttest(String rfiId) {
    return roster(rfiId).stream().filter(m -> !m.attested()).map(m -> m.userId).toList();
  }

  void attest(String rfiId, String userId, boolean attest, String conflictIds, String statement) {
    PanelMember member = members.findByRfiIdAndUserId(rfiId, userId).orElseThrow(() ->
        new ConflictException(userId + " is not on the panel of " + rfiId + "."));
    if (member.attested()) {
      throw new ConflictException(userId + " attested on " + member.attestedAt + " already.");
    }
    if (!attest) {
      throw new InvalidRequestException(RfiProcess.Variables.ATTEST, "Tick the attestation to sign it. If you "
          + "cannot sign, tell the panel chair; you cannot see or score any response without it.");
    }
    Set<String> known = responses.eligible(rfiId).stream().map(r -> r.id).collect(Collectors.toSet());
    Set<String> conflicts = new LinkedHashSet<>();
    for (String id : userIds(conflictIds)) {
      String normalized = id.toUpperCase(java.util.Locale.ROOT);
      if (!known.contains(normalized)) {
        throw new InvalidRequestException(CONFLICT_RESPONSE_IDS, "'" + id + "' is not a response of " + rfiId
            + " under evaluation; name responses by their id, e.g. " + known.stream().sorted().findFirst()
                .orElse("RSP-2026-0001") + ".");
      }
      conflicts.add(normalized);
    }
    String text = statement == null ? null : Inputs.checkedText(CONFLICT_STATEMENT, "Conflict statement", statement,
        Inputs.MAX_TEXT);
    if (!conflicts.isEmpty() && text == null) {
      throw new InvalidRequestException(CONFLICT_STATEMENT, "Describe the nature of your conflict with "
          + String.join(", ", conflicts) + ".");
    }
    member.attestedAt = records.now();
    member.attestationVersion = attestation.version();
    member.conflictStatement = text;
    member.conflicts.addAll(conflicts);
    members.save(member);
    records.record(rfiId, userId, "ATTESTATION_SIGNED", "Attestation " + attestation.version()
        + (conflicts.isEmpty() ? "; no conflict declared" : "; recused from " + String.join(", ", conflicts)));
  }

  /** A response that has fewer reviewers than the panel wants. */
  record Shortfall(String responseId, String organization, int wanted, int assigned) {
  }

  /**
   * Assigns attested, unconflicted reviewers to every response until each has its number, the least
   * loaded reviewer first. Returns the responses that remain short.
   */
  List<Shortfall> assign(String rfiId, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    List<PanelMember> reviewers = roster(rfiId).stream()
        .filter(m -> m.role == PanelMember.Role.REVIEWER && m.attested()).toList();
    int panelSize = (int) roster(rfiId).stream().filter(m -> m.role == PanelMember.Role.REVIEWER).count();
    int wanted = rfi.reviewersPerResponse == null ? panelSize : rfi.reviewersPerResponse;
    Map<String, Integer> load = new HashMap<>();
    List<Assignment> existing = assignments.findByRfiIdOrderById(rfiId);
    for (Assignment a : existing) {
      load.merge(a.reviewerId, 1, Integer::sum);
    }
    List<Shortfall> shortfalls = new ArrayList<>();
    int created = 0;
    for (RfiResponse response : responses.eligible(rfiId)) {
      List<Assignment> active = existing.stream().filter(a -> a.responseId.equals(response.id)
          && a.status != Assignment.Status.REASSIGNED).toList();
      Set<String> already = existing.stream().filter(a -> a.responseId.equals(response.id)).map(a -> a.reviewerId)
          .collect(Collectors.toSet());
      int have = active.size();
      List<PanelMember> candidates = reviewers.stream()
          .filter(m -> !m.conflicts.contains(response.id) && !already.contains(m.userId))
          .sorted(Comparator.comparingInt((PanelMember m) -> load.getOrDefault(m.userId, 0))
              .thenComparing(m -> m.userId))
          .toList();
      for (PanelMember reviewer : candidates) {
        if (have >= wanted) {
          break;
        }
        assignments.save(new Assignment(rfiId, response.id, reviewer.userId, records.now()));
        load.merge(reviewer.userId, 1, Integer::sum);
        have++;
        created++;
      }
      if (have < wanted) {
        shortfalls.add(new Shortfall(response.id, response.organization, wanted, have));
      }
    }
    records.record(rfiId, caller.userId(), "REVIEWERS_ASSIGNED", created + " assignments"
        + (shortfalls.isEmpty() ? "" : "; short of reviewers: " + shortfalls.stream()
            .map(s -> s.responseId() + " (" + s.assigned() + " of " + s.wanted() + ")")
            .collect(Collectors.joining(", "))));
    return shortfalls;
  }

  /** Per response: the reviewers recused from it. */
  @Transactional(readOnly = true)
  public Map<String, List<String>> recusals(String rfiId) {
    Map<String, List<String>> recused = new LinkedHashMap<>();
    for (PanelMember member : roster(rfiId)) {
      for (String response : member.conflicts) {
        recused.computeIfAbsent(response, r -> new ArrayList<>()).add(member.userId);
      }
    }
    return recused;
  }

  boolean recused(String rfiId, String userId, String responseId) {
    PanelMember member = member(rfiId, userId);
    return member != null && member.conflicts.contains(responseId);
  }

  @Transactional(readOnly = true)
  public List<Assignment> assignments(String rfiId) {
    return assignments.findByRfiIdOrderById(rfiId);
  }

  /** Per response, how many reviewers it is assigned to (assignments moved to someone else not counted). */
  @Transactional(readOnly = true)
  public Map<String, Long> assignedPerResponse(String rfiId) {
    Map<String, Long> counts = new HashMap<>();
    assignments.countByResponseExcept(rfiId, Assignment.Status.REASSIGNED)
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /** Each reviewer's open assignments: count and the first {@code shown} responses, a row per reviewer. */
  @Transactional(readOnly = true)
  public List<AssignmentRepository.Backlog> openByReviewer(String rfiId, int shown) {
    return assignments.openByReviewer(rfiId, shown);
  }

  /** The scored assignments of one response: as many as its reviewers, whatever the RFI's size. */
  @Transactional(readOnly = true)
  public List<Assignment> scoredAssignments(String rfiId, String responseId) {
    return assignments.findByRfiIdAndResponseIdAndStatusOrderById(rfiId, responseId, Assignment.Status.SCORED);
  }

}
