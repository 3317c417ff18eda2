package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.reference.ReferenceKind;
import gov.qsmo.workflow.reference.ReferenceUsage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The designations' use of agencies and areas: a designation that has not ended (or stands designated)
 * keeps its area and agency from being retired; the start form offers the active ones.
 */
@Component
class DesignationReferenceUsage implements ReferenceUsage {

  /** Designations still under way, or in force. */
  static final Set<DesignationStatus> LIVE = EnumSet.of(DesignationStatus.IDENTIFIED, DesignationStatus.PRE_DESIGNATED,
      DesignationStatus.PLAN_SUBMITTED, DesignationStatus.UNDER_BOARD_REVIEW, DesignationStatus.AWAITING_OMB_DECISION,
      DesignationStatus.DESIGNATED);

  private final DesignationRepository designations;

  DesignationReferenceUsage(DesignationRepository designations) {
    this.designations = designations;
  }

  @Override
  public List<String> liveRecordsNaming(ReferenceKind kind, String code, int limit) {
    PageRequest page = PageRequest.of(0, Math.max(limit, 1));
    return (kind == ReferenceKind.AGENCY
        ? designations.findByAgencyCodeAndStatusInOrderById(code, LIVE, page)
        : designations.findByFunctionalAreaCodeAndStatusInOrderById(code, LIVE, page))
        .stream().map(d -> d.getId() + " (" + d.getStatus().name().toLowerCase().replace('_', ' ') + ")").toList();
  }

  @Override
  public long countLiveRecordsNaming(ReferenceKind kind, String code) {
    return kind == ReferenceKind.AGENCY
        ? designations.countByAgencyCodeAndStatusIn(code, LIVE)
        : designations.countByFunctionalAreaCodeAndStatusIn(code, LIVE);
  }

  @Override
  public List<ReferenceSelect> selects() {
    return List.of(
        new ReferenceSelect(DesignationProcess.KEY, "request-designation",
            DesignationProcess.Variables.FUNCTIONAL_AREA_CODE, ReferenceKind.FUNCTIONAL_AREA),
        new ReferenceSelect(DesignationProcess.KEY, "request-designation",
            DesignationProcess.Variables.AGENCY_CODE, ReferenceKind.AGENCY));
  }
}
