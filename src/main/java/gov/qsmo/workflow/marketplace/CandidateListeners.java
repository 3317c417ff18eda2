package gov.qsmo.workflow.marketplace;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.process.FormJson;
import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The marketplace candidates process's listeners. */
final class CandidateListeners {

  private CandidateListeners() {
  }

  /** One ranked response as the form lists it. */
  record RankRow(int rank, String responseId, String organization, String weightedTotal) {
  }

  /** "Decide marketplace candidates" created: the RFI, its QSMO, the report's link and the top of the ranking. */
  @Component("candidatesTaskCreatedListener")
  static class Created implements TaskListener {

    private final MarketplaceCandidates candidates;
    private final DesignationService designations;
    private final ReferenceData referenceData;

    Created(MarketplaceCandidates candidates, DesignationService designations, ReferenceData referenceData) {
      this.candidates = candidates;
      this.designations = designations;
      this.referenceData = referenceData;
    }

    @Override
    public void notify(DelegateTask task) {
      String rfiId = (String) task.getVariable(CandidatesProcess.Variables.RFI_ID);
      CandidateDecision decision = candidates.require(rfiId);
      Designation designation = designations.require(decision.getDesignationId());
      // The QSMO in words, as its own tasks name it: "Grants management, HHS (DSG-2026-0005)".
      String qsmo = referenceData.requireFunctionalArea("functionalAreaCode", designation.getFunctionalAreaCode())
          .getName() + ", " + referenceData.requireAgency("agencyCode", designation.getAgencyCode()).getShortName()
          + " (" + designation.getId() + ")";
      task.setName(task.getName() + ": " + rfiId + " for " + qsmo);
      var ranking = candidates.topRanked(rfiId);
      task.setVariableLocal(CandidatesProcess.TaskDisplay.FACTS, "**RFI:** " + rfiId + ", which serves the QSMO "
          + MarkdownText.literal(qsmo) + "  \n"
          + "**Evidence:** [the final evaluation report (PDF)](/api/rfis/" + rfiId + "/report.pdf): ranking, "
          + "consensus and every score  \n"
          + "**Ranked responses:** the first " + ranking.size() + " below; give the ids of those that become "
          + "candidates.");
      task.setVariableLocal(CandidatesProcess.TaskDisplay.RANKING, FormJson.of(ranking.stream()
          .map(r -> new RankRow(r.rank(), r.responseId(), r.organization(),
              String.format(Locale.US, "%.2f", r.weightedTotal()))).toList()));
    }
  }

  /** The process ended: when it was deleted before the directors decided, the decision is recorded as cancelled. */
  @Component("candidatesEndedListener")
  static class Ended implements org.camunda.bpm.engine.delegate.ExecutionListener {

    private final MarketplaceCandidates candidates;

    Ended(MarketplaceCandidates candidates) {
      this.candidates = candidates;
    }

    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      if (execution.isCanceled()) {
        candidates.processEnded(execution.getProcessBusinessKey(), "Its process was deleted before the directors "
            + "decided.");
      }
    }
  }

  /** End of "Decide marketplace candidates": the chosen responses become candidate offerings. */
  @Component("candidatesDecidedListener")
  static class Decided extends FormCompletionListener<CandidateDecision> {

    private final MarketplaceCandidates candidates;

    Decided(MarketplaceCandidates candidates, IdentityService identityService) {
      super(candidates::ofInstance, identityService);
      this.candidates = candidates;
    }

    @Override
    protected void completed(CandidateDecision decision, CompletedTask task) {
      Map<String, Object> form = task.values();
      candidates.decide(decision.getRfiId(),
          Inputs.optionalText(form, CandidatesProcess.Variables.CANDIDATE_RESPONSES, "Candidates", Inputs.MAX_TEXT),
          Inputs.optionalText(form, CandidatesProcess.Variables.CANDIDATE_NOTE, "Note", Inputs.MAX_TEXT),
          task.caller());
      task.remove(CandidatesProcess.Variables.CANDIDATE_RESPONSES, CandidatesProcess.Variables.CANDIDATE_NOTE);
    }
  }
}
