package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.rfi.RfiEvaluationCompleted;
import gov.qsmo.workflow.rfi.RfiRanking;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An RFI feeds its QSMO's marketplace (ADR 0027): when its final report is issued, the QSMO's directors get "Decide
 * marketplace candidates", listing the ranking with the report linked; each ranked response they choose becomes a
 * candidate offering (planned, from the RFI), available once its contract vehicle is recorded.
 */
@Service
public class MarketplaceCandidates {

  /** Characters of the note added to each candidate's description (which holds 4,000). */
  static final int MAX_NOTE = 3000;

  private final CandidateDecisionRepository decisions;
  private final OfferingRepository offerings;
  private final MarketplaceService marketplace;
  private final DesignationService designations;
  private final RfiRanking rankings;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;
  private final OfficeTime officeTime;

  MarketplaceCandidates(CandidateDecisionRepository decisions, OfferingRepository offerings,
      MarketplaceService marketplace, DesignationService designations, RfiRanking rankings,
      RuntimeService runtimeService, IdentityService identityService, Clock clock,
      OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.decisions = decisions;
    this.offerings = offerings;
    this.marketplace = marketplace;
    this.designations = designations;
    this.rankings = rankings;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The refusal of a second decision: who decided, and when, in the office's time. */
  ConflictException alreadyDecided(CandidateDecision decision) {
    if (decision.getStatus() == CandidateDecision.Status.CANCELLED) {
      return new ConflictException("The marketplace decision of " + decision.getRfiId() + " was cancelled on "
          + officeTime.dateTime(decision.getDecidedAt()) + (decision.getNote() == null ? "." : ": "
          + decision.getNote()));
    }
    return new ConflictException("The marketplace candidates of " + decision.getRfiId() + " were decided by "
        + decision.getDecidedBy() + " on " + officeTime.dateTime(decision.getDecidedAt()) + ".");
  }

  /** The RFI's final report was issued: its QSMO's directors decide the candidates (once per RFI). */
  @EventListener
  @Transactional
  public void evaluationCompleted(RfiEvaluationCompleted completed) {
    if (completed.designationId() == null || decisions.existsById(completed.rfiId())) {
      return;
    }
    // The QSMO the RFI served, or its successor once it has been redesignated.
    Designation designation = servingQsmo(completed.designationId());
    CandidateDecision decision = decisions.save(new CandidateDecision(completed.rfiId(), designation.getId(),
        clock.instant()));
    if (designation.getStatus() != DesignationStatus.DESIGNATED) {
      decision.cancel("The QSMO " + designation.getId() + " is " + designation.getStatus() + ": it has no marketplace "
          + "to add candidates to.", clock.instant());
      return;
    }
    String instance = Privileged.run(identityService, () -> runtimeService.startProcessInstanceByKey(
        CandidatesProcess.KEY, completed.rfiId(), Map.of(
            CandidatesProcess.Variables.RFI_ID, completed.rfiId(),
            CandidatesProcess.Variables.DESIGNATION_ID, designation.getId(),
            CandidatesProcess.Variables.DIRECTOR_GROUP_ID, Roles.directorsOf(designation.getAgencyCode())))
        .getId());
    decision.attachProcess(instance);
  }

  /** The QSMO, or the successor it was redesignated to (and theirs, a few at most). */
  private Designation servingQsmo(String designationId) {
    Designation designation = designations.require(designationId);
    for (int hops = 0; designation.getStatus() == DesignationStatus.SUPERSEDED && designation.getSupersededById() != null
        && hops < 10; hops++) {
      designation = designations.require(designation.getSupersededById());
    }
    return designation;
  }

  /**
   * The directors' decision: the chosen responses (ids, one per line, each among the RFI's ranked responses; none is
   * a decision too) become candidate offerings. Refused as a whole when one id is wrong.
   */
  @Transactional
  public List<Offering> decide(String rfiId, String chosenText, String note, Caller caller) {
    CandidateDecision decision = decisions.lock(rfiId)
        .orElseThrow(() -> new NotFoundException("RFI " + rfiId + " has no marketplace decision to make."));
    if (decision.getStatus() != CandidateDecision.Status.PENDING) {
      throw alreadyDecided(decision);
    }
    List<String> chosen = chosen(chosenText);
    if (note != null) {
      Inputs.checkedText(CandidatesProcess.Variables.CANDIDATE_NOTE, "Note", note, MAX_NOTE);
    }
    Map<String, RfiRanking.Ranked> ranked = rankings.ranking(rfiId).stream()
        .collect(Collectors.toMap(RfiRanking.Ranked::responseId, Function.identity()));
    for (String id : chosen) {
      if (!ranked.containsKey(id)) {
        throw new InvalidRequestException(CandidatesProcess.Variables.CANDIDATE_RESPONSES, "'" + id + "' is not a "
            + "ranked response of " + rfiId + "; give the ids the ranking lists (RSP-...).");
      }
    }
    List<Offering> added = new ArrayList<>();
    for (String id : chosen) {
      RfiRanking.Ranked response = ranked.get(id);
      added.add(marketplace.addCandidate(decision.getDesignationId(), rfiId, id, response.organization(),
          "Candidate from " + rfiId + ": ranked " + response.rank() + " of " + ranked.size() + ", weighted total "
              + String.format(Locale.US, "%.2f", response.weightedTotal()) + " (response " + id + ")."
              + (note == null ? "" : " " + note), caller));
    }
    decision.decide(added.size(), note, caller.userId(), clock.instant());
    return added;
  }

  /** Response ids, one per line (or separated by commas), each once, at most {@value CandidatesProcess#MAX_CANDIDATES}. */
  static List<String> chosen(String text) {
    if (text == null) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String part : text.split("[\\n,;]")) {
      String id = part.strip().toUpperCase(Locale.ROOT);
      if (!id.isEmpty()) {
        ids.add(Inputs.checkedText(CandidatesProcess.Variables.CANDIDATE_RESPONSES, "A response id", id, 20));
      }
    }
    if (ids.size() > CandidatesProcess.MAX_CANDIDATES) {
      throw new InvalidRequestException(CandidatesProcess.Variables.CANDIDATE_RESPONSES, "Choose at most "
          + CandidatesProcess.MAX_CANDIDATES + " candidates at once (" + ids.size() + " given).");
    }
    return List.copyOf(ids);
  }

  /** Its process was deleted before the directors decided: the decision is recorded as cancelled. */
  @Transactional
  public void processEnded(String rfiId, String why) {
    decisions.lock(rfiId).filter(d -> d.getStatus() == CandidateDecision.Status.PENDING)
        .ifPresent(d -> d.cancel(why, clock.instant()));
  }

  /**
   * OMB rescinded the QSMO: its pending candidate decisions end (their processes too); its offerings are retired by
   * the marketplace ({@link MarketplaceService#retireAll}).
   */
  @EventListener
  @Transactional
  public void rescinded(gov.qsmo.workflow.designation.QsmoRescinded rescinded) {
    for (CandidateDecision decision : decisions.findByDesignationIdAndStatus(rescinded.designationId(),
        CandidateDecision.Status.PENDING)) {
      decision.cancel("The QSMO " + rescinded.designationId() + " was rescinded.", clock.instant());
      String instance = decision.getProcessInstanceId();
      if (instance != null) {
        Privileged.run(identityService, () -> {
          if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            runtimeService.deleteProcessInstance(instance, "The QSMO was rescinded.", true, true);
          }
          return null;
        });
      }
    }
  }

  /** The decision a process instance works on, refusing an instance it does not own. */
  @Transactional(readOnly = true)
  public CandidateDecision ofInstance(DelegateExecution execution) {
    CandidateDecision decision = require(execution.getProcessBusinessKey());
    if (!execution.getProcessInstanceId().equals(decision.getProcessInstanceId())) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " does not belong to the marketplace decision of " + decision.getRfiId() + ".");
    }
    return decision;
  }

  @Transactional(readOnly = true)
  public CandidateDecision require(String rfiId) {
    return decisions.findById(rfiId == null ? "" : rfiId)
        .orElseThrow(() -> new NotFoundException("RFI " + rfiId + " has no marketplace decision."));
  }

  /** Only the directors of the QSMO the RFI serves decide its candidates: a 403 that says whose decision it is. */
  public void requireDecider(CandidateDecision decision, Caller caller) {
    Designation designation = designations.require(decision.getDesignationId());
    if (!caller.isSystem() && !caller.directs(designation.getAgencyCode())) {
      throw new gov.qsmo.workflow.shared.ForbiddenException("Only the QSMO directors of "
          + designation.getAgencyCode() + " decide the marketplace candidates of " + decision.getRfiId()
          + ", which serves their QSMO " + designation.getId() + ".");
    }
  }

  /** The first ranked responses, as the form lists them. */
  @Transactional(readOnly = true)
  public List<RfiRanking.Ranked> topRanked(String rfiId) {
    return rankings.ranking(rfiId).stream().limit(CandidatesProcess.RANKING_SHOWN).toList();
  }

  /** The candidates an RFI brought (a few: at most {@value CandidatesProcess#MAX_CANDIDATES}). */
  @Transactional(readOnly = true)
  public List<Offering> candidatesOf(String rfiId) {
    return offerings.findByRfiIdOrderByIdAsc(rfiId);
  }
}
