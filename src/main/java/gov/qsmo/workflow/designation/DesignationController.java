package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/designations")
@Tag(name = "Designations", description = "QSMO designations, their plan versions and audit trail")
class DesignationController {

  private final DesignationService designations;
  private final BoardReviewService boardReview;
  private final RedesignationService redesignation;
  private final PlanSubmissionService planSubmission;
  private final DecisionPackage decisionPackage;

  DesignationController(DesignationService designations, BoardReviewService boardReview,
      RedesignationService redesignation, PlanSubmissionService planSubmission, DecisionPackage decisionPackage) {
    this.designations = designations;
    this.boardReview = boardReview;
    this.redesignation = redesignation;
    this.planSubmission = planSubmission;
    this.decisionPackage = decisionPackage;
  }

  record RedesignationRequest(String successorAgencyCode, LocalDate planDueDate, String reason) {
  }

  @PostMapping("/{id}/redesignation")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Order a designation moved to another agency (OMB deciders)",
      description = "Creates the successor's designation, pre-designated, and starts its process: the successor's "
          + "director owes a plan by planDueDate, the board reviews it, OMB decides. When the successor is "
          + "designated, this designation becomes SUPERSEDED and links to it.")
  DesignationView orderRedesignation(@PathVariable String id, @RequestBody RedesignationRequest request,
      Authentication caller) {
    if (request == null || request.successorAgencyCode() == null || request.successorAgencyCode().isBlank()) {
      throw new InvalidRequestException("successorAgencyCode", "Name the successor agency (successorAgencyCode).");
    }
    if (request.planDueDate() == null) {
      throw new InvalidRequestException("planDueDate", "Give the successor's plan due date (planDueDate, yyyy-mm-dd).");
    }
    String reason = request.reason() == null ? null
        : Inputs.checkedText("reason", "Reason", request.reason(), Inputs.MAX_TEXT);
    return DesignationView.of(redesignation.order(requireVisible(id, caller).getId(),
        Inputs.checkedText("successorAgencyCode", "Successor agency", request.successorAgencyCode(), 16),
        request.planDueDate(), reason, caller.getName()));
  }

  record VoteView(String memberId, BoardRecommendation recommendation, String proposedConditions, String comments,
      Map<String, String> sectionComments, Instant submittedAt) {

    static VoteView of(BoardVote vote) {
      return new VoteView(vote.getMemberId(), vote.getRecommendation(), vote.getProposedConditions(),
          vote.getComments(), vote.getSectionComments(), vote.getSubmittedAt());
    }
  }

  record RoundView(int roundNumber, int planVersionNumber, Instant openedAt, Instant closesAt, Instant closedAt,
      List<BoardRound.RosterEntry> roster, BoardRecommendation recommendation, String recommendationComments,
      String consolidatedBy, Instant consolidatedAt, int votesCast, String votesShown, List<VoteView> votes) {
  }

  record DesignationView(String id, String functionalAreaCode, String agencyCode, String scope,
      LocalDate planDueDate, DesignationStatus status, String designatedScope, LocalDate effectiveDate,
      Integer designatedPlanVersion, String supersedesId, String supersededById, String processInstanceId,
      String createdBy, Instant createdAt, Instant updatedAt) {

    static DesignationView of(Designation d) {
      return new DesignationView(d.getId(), d.getFunctionalAreaCode(), d.getAgencyCode(), d.getScope(),
          d.getPlanDueDate(), d.getStatus(), d.getDesignatedScope(), d.getEffectiveDate(),
          d.getDesignatedPlanVersion(), d.getSupersedesId(), d.getSupersededById(), d.getProcessInstanceId(),
          d.getCreatedBy(), d.getCreatedAt(), d.getUpdatedAt());
    }
  }

  record EventView(Instant occurredAt, String actor, String action, DesignationStatus status, String reason) {
  }

  record ServiceOfferingView(String name, ServiceOffering.ProviderType providerType, String provider,
      String contractVehicle) {

    static ServiceOfferingView of(ServiceOffering offering) {
      return new ServiceOfferingView(offering.name(), offering.providerType(), offering.provider(),
          offering.contractVehicle());
    }
  }

  record PlanVersionView(int versionNumber, String submittedBy, Instant submittedAt, Map<String, String> sections,
      List<ServiceOfferingView> serviceOfferings) {

    static PlanVersionView of(PlanVersion plan) {
      Map<String, String> sections = new LinkedHashMap<>();
      plan.sections().forEach((section, text) -> sections.put(section.key(), text));
      return new PlanVersionView(plan.getVersionNumber(), plan.getSubmittedBy(), plan.getSubmittedAt(), sections,
          plan.serviceOfferings().stream().map(ServiceOfferingView::of).toList());
    }
  }

  @GetMapping
  @Operation(summary = "List designations, newest first (a QSMO director sees their own agencies' only)")
  List<DesignationView> list(Authentication caller) {
    return designations.all().stream().filter(d -> visible(d, caller)).map(DesignationView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one designation")
  DesignationView get(@PathVariable String id, Authentication caller) {
    return DesignationView.of(requireVisible(id, caller));
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "The designation's audit trail: who did what, when and why")
  List<EventView> history(@PathVariable String id, Authentication caller) {
    return designations.history(requireVisible(id, caller).getId()).stream()
        .map(e -> new EventView(e.getOccurredAt(), e.getActor(), e.getAction(), e.getStatus(), e.getReason()))
        .toList();
  }

  @GetMapping("/{id}/plan-versions")
  @Operation(summary = "Every submitted version of the Marketplace Implementation Plan",
      description = "Each version's sections as written, and its proposed service offerings one by one (empty for "
          + "versions stored before offerings were kept as rows).")
  List<PlanVersionView> planVersions(@PathVariable String id, Authentication caller) {
    return designations.planVersions(requireVisible(id, caller).getId()).stream().map(PlanVersionView::of).toList();
  }

  record PlanVersionRequest(
      @Schema(description = "The plan's sections by key (serviceOfferings, acquisitionStrategy, governance, "
          + "financialInfrastructure, organization; optional: customerEngagement, standardsAlignment, "
          + "performanceMeasures, legacyProviderTransition, risks), each text of at most 4,000 characters. "
          + "serviceOfferings holds one offering per line: name | federal or commercial | provider | contract vehicle.",
          example = "{\"serviceOfferings\": \"Payroll processing | federal | Interior Business Center | Interagency "
              + "agreement\\nTime and attendance | commercial | Schedule vendors | GSA MAS special item number\", "
              + "\"acquisitionStrategy\": \"...\", \"governance\": \"...\", \"financialInfrastructure\": \"...\", "
              + "\"organization\": \"...\"}")
      Map<String, Object> sections) {
  }

  record SubmittedPlanView(String designationId, int versionNumber, String submittedBy, Instant submittedAt,
      boolean complete, List<String> missingSections, DesignationStatus designationStatus, String outcome,
      Map<String, String> sections, List<ServiceOfferingView> serviceOfferings) {

    static SubmittedPlanView of(PlanSubmissionService.Result result) {
      PlanVersionView plan = PlanVersionView.of(result.plan());
      String titles = result.missing().stream().map(PlanSection::title).collect(Collectors.joining(", "));
      String outcome = result.complete()
          ? "Plan version " + plan.versionNumber() + " is complete and goes to the governance board's review."
          : "Plan version " + plan.versionNumber() + " lacks required sections (" + titles + "), so it went back to "
              + "the director: submit a version that has them.";
      return new SubmittedPlanView(result.designation().getId(), plan.versionNumber(), plan.submittedBy(),
          plan.submittedAt(), result.complete(), result.missing().stream().map(PlanSection::key).toList(),
          result.designation().getStatus(), outcome, plan.sections(), plan.serviceOfferings());
    }
  }

  @PostMapping("/{id}/plan-versions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Submit a plan version (the QSMO directors of the designation's agency)",
      description = "Completes the open task \"Prepare Marketplace Implementation Plan\" as the caller, as Tasklist "
          + "would: the sections are checked, stored as a new plan version with its service offerings, and the "
          + "completeness check runs. The version holds exactly the sections sent (the previous version's text is "
          + "not carried over). A complete plan goes to the board; one that lacks required sections goes back to "
          + "the director, and the answer names them.",
      responses = {
          @ApiResponse(responseCode = "201", description = "Stored: the version, and whether it is complete"),
          @ApiResponse(responseCode = "400", description = "A section key that does not exist, a value that is "
              + "not text, a text that is too long, or a service-offering line that is not name | federal or "
              + "commercial | provider | contract vehicle; the answer names the field (sections.<key>)"),
          @ApiResponse(responseCode = "403", description = "The caller is not a QSMO director of this agency"),
          @ApiResponse(responseCode = "404", description = "No such designation, or another agency's"),
          @ApiResponse(responseCode = "409", description = "The designation is not waiting for its plan (the "
              + "answer says where it stands), or another director has claimed the plan task")})
  SubmittedPlanView submitPlanVersion(@PathVariable String id, @RequestBody PlanVersionRequest request,
      Authentication caller) {
    Designation designation = requireVisible(id, caller);
    String directors = Roles.directorsOf(designation.getAgencyCode());
    Set<String> groups = groups(caller);
    if (!groups.contains(directors)) {
      throw new AccessDeniedException("Only the QSMO directors of " + designation.getAgencyCode() + " (group "
          + directors + ") submit the plan of " + designation.getId() + ".");
    }
    return SubmittedPlanView.of(planSubmission.submit(designation.getId(), sections(request), caller.getName(),
        List.copyOf(groups)));
  }

  /** The request's sections by plan section; text rules (length, characters, offering lines) are the form's. */
  private static Map<PlanSection, String> sections(PlanVersionRequest request) {
    if (request == null || request.sections() == null) {
      throw new InvalidRequestException("sections", "Send the plan's sections: {\"sections\": {\"serviceOfferings\": "
          + "\"...\", \"governance\": \"...\", ...}}.");
    }
    Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
    request.sections().forEach((key, value) -> {
      PlanSection section = java.util.Arrays.stream(PlanSection.values()).filter(s -> s.key().equals(key))
          .findFirst().orElseThrow(() -> new InvalidRequestException("sections." + key, "'" + key
              + "' is not a plan section; use " + java.util.Arrays.stream(PlanSection.values()).map(PlanSection::key)
              .collect(Collectors.joining(", ")) + "."));
      if (value != null && !(value instanceof String)) {
        throw new InvalidRequestException("sections." + key, section.title() + " must be text (a JSON string).");
      }
      if (value != null) {
        sections.put(section, (String) value);
      }
    });
    return sections;
  }

  record SectionChange(String section, String title, boolean required, String from, String to, boolean changed) {
  }

  @GetMapping("/{id}/plan-versions/compare")
  @Operation(summary = "Compare two plan versions section by section")
  List<SectionChange> comparePlanVersions(@PathVariable String id, @RequestParam int from, @RequestParam int to,
      Authentication caller) {
    List<PlanVersion> versions = designations.planVersions(requireVisible(id, caller).getId());
    Map<PlanSection, String> older = version(versions, from, "from").sections();
    Map<PlanSection, String> newer = version(versions, to, "to").sections();
    return java.util.Arrays.stream(PlanSection.values())
        .map(section -> new SectionChange(section.key(), section.title(), section.required(), older.get(section),
            newer.get(section), !java.util.Objects.equals(older.get(section), newer.get(section))))
        .toList();
  }

  private static PlanVersion version(List<PlanVersion> versions, int number, String parameter) {
    return versions.stream().filter(v -> v.getVersionNumber() == number).findFirst()
        .orElseThrow(() -> new InvalidRequestException(parameter, "Plan version " + number + " does not exist; "
            + "versions: " + versions.stream().map(v -> String.valueOf(v.getVersionNumber())).toList() + "."));
  }

  @GetMapping("/{id}/board-rounds")
  @Operation(summary = "The board's review rounds: roster with recusals, recommendation and the votes the caller may see",
      description = "A member on the round's roster sees only their own vote while the round is open, and the "
          + "others' once the chair has consolidated it (the chair once it has closed); a recused member sees "
          + "none. OMB, chairs, auditors and administrators who are not on the roster see every vote. A QSMO "
          + "director sees the board's recommendation, not individual votes.")
  List<RoundView> boardRounds(@PathVariable String id, Authentication caller) {
    Designation designation = requireVisible(id, caller);
    return boardReview.rounds(designation.getId()).stream().map(round -> {
      DecisionPackagePdf.Round visible = visibleVotes(round, caller);
      return new RoundView(round.getRoundNumber(), round.getPlanVersionNumber(), round.getOpenedAt(),
          round.getClosesAt(), round.getClosedAt(), round.getRoster(), round.getRecommendation(),
          round.getRecommendationComments(), round.getConsolidatedBy(), round.getConsolidatedAt(), visible.votesCast(),
          visible.votesShown(), visible.votes().stream().map(VoteView::of).toList());
    }).toList();
  }

  @GetMapping(path = "/{id}/decision-package.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "OMB's decision package as an accessible, archival PDF (PDF/UA-1, PDF/A-2a)",
      description = "The plan version under decision section by section, every board round with its roster and "
          + "recusals, the votes and section comments (as GET /board-rounds shows them to the caller: OMB, chairs "
          + "and auditors see every vote), the board's recommendation and conditions, and the designation's "
          + "history. Readable by whoever may read the designation.")
  ResponseEntity<byte[]> decisionPackage(@PathVariable String id, Authentication caller) {
    Designation designation = requireVisible(id, caller);
    byte[] pdf = decisionPackage.render(designation, round -> visibleVotes(round, caller));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(designation.getId() + "-decision-package.pdf").build().toString())
        .body(pdf);
  }

  /** The votes of a round that the caller may see, and which those are (blind voting, recusal, role). */
  private DecisionPackagePdf.Round visibleVotes(BoardRound round, Authentication caller) {
    Set<String> groups = groups(caller);
    List<BoardVote> votes = boardReview.votes(round);
    BoardRound.RosterEntry onRoster = round.getRoster().stream()
        .filter(entry -> entry.memberId().equals(caller.getName())).findFirst().orElse(null);
    String shown;
    List<BoardVote> visible;
    if (onRoster != null && onRoster.recused()) {
      shown = "none (you are recused from this designation)";
      visible = List.of();
    } else if (onRoster != null && round.isOpen()) {
      shown = "your own (voting is blind while the round is open)";
      visible = own(votes, caller);
    } else if (onRoster != null && round.getRecommendation() == null && !groups.contains(Roles.SSGB_CHAIRS)) {
      shown = "your own (the others' once the chair has consolidated the round)";
      visible = own(votes, caller);
    } else if (onRoster != null || groups.stream().anyMatch(VOTES_READERS::contains)) {
      shown = "all";
      visible = votes;
    } else {
      shown = "none (individual votes are for OMB, the board and auditors)";
      visible = List.of();
    }
    return new DecisionPackagePdf.Round(round, visible, votes.size(), shown);
  }

  private static List<BoardVote> own(List<BoardVote> votes, Authentication caller) {
    return votes.stream().filter(v -> v.getMemberId().equals(caller.getName())).toList();
  }

  /** Groups that see every vote of every round, unless they sit on its roster. */
  private static final Set<String> VOTES_READERS = Set.of(Roles.OMB_ANALYSTS, Roles.OMB_DECIDERS, Roles.SSGB_CHAIRS,
      Roles.AUDITORS, Roles.CAMUNDA_ADMIN);

  private static Set<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  /** The designation, or 404 for a caller who may not know it (another agency's director). */
  private Designation requireVisible(String id, Authentication caller) {
    Designation designation = designations.require(id);
    if (!visible(designation, caller)) {
      throw new NotFoundException("No designation with id '" + id + "'.");
    }
    return designation;
  }

  private static boolean visible(Designation designation, Authentication caller) {
    return Roles.readsDesignationOf(groups(caller), designation.getAgencyCode());
  }
}
