package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.designation.condition.DesignationCondition;
import gov.qsmo.workflow.designation.condition.DesignationConditionRepository;
import gov.qsmo.workflow.reference.ReferenceData;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a designation's decision package (plan version under decision, rounds with the votes the
 * caller may see, conditions, history) and renders it with {@link DecisionPackagePdf}. Who may read it
 * and which votes they see is decided by the caller (the API applies the designation's read rules).
 * A handful of queries per package, whatever the designation's age.
 */
@Component
class DecisionPackage {

  private final DesignationService designations;
  private final BoardReviewService boardReview;
  private final DesignationConditionRepository conditions;
  private final ReferenceData referenceData;
  private final Clock clock;

  DecisionPackage(DesignationService designations, BoardReviewService boardReview,
      DesignationConditionRepository conditions, ReferenceData referenceData, Clock clock) {
    this.designations = designations;
    this.boardReview = boardReview;
    this.conditions = conditions;
    this.referenceData = referenceData;
    this.clock = clock;
  }

  /** The PDF; {@code visibleVotes} turns a round into the votes this reader may see. */
  @Transactional(readOnly = true)
  byte[] render(Designation designation, Function<BoardRound, DecisionPackagePdf.Round> visibleVotes) {
    String id = designation.getId();
    PlanVersion plan = null;
    List<PlanVersion> versions = designations.planVersions(id);
    Integer designated = designation.getDesignatedPlanVersion();
    for (PlanVersion version : versions) {
      if (designated != null ? version.getVersionNumber() == designated
          : plan == null || version.getVersionNumber() > plan.getVersionNumber()) {
        plan = version;
      }
    }
    List<DecisionPackagePdf.Round> rounds = boardReview.rounds(id).stream().map(visibleVotes).toList();
    return DecisionPackagePdf.render(new DecisionPackagePdf.Contents(designation,
        referenceData.requireFunctionalArea("functionalAreaCode", designation.getFunctionalAreaCode()).getName(),
        referenceData.requireAgency("agencyCode", designation.getAgencyCode()).getName(), plan, rounds,
        conditions.findByDesignationIdOrderByIdAsc(id), designations.history(id), clock.instant()));
  }
}
