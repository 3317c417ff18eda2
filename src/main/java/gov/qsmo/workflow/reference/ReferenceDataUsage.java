package gov.qsmo.workflow.reference;

import java.util.List;
import org.springframework.stereotype.Component;

/** The reference data's own form: the lead agency of a functional area is chosen among the active agencies. */
@Component
class ReferenceDataUsage implements ReferenceUsage {

  @Override
  public List<String> liveRecordsNaming(ReferenceKind kind, String code, int limit) {
    return List.of();
  }

  @Override
  public long countLiveRecordsNaming(ReferenceKind kind, String code) {
    return 0;
  }

  @Override
  public List<ReferenceSelect> selects() {
    return List.of(new ReferenceSelect(ReferenceDataProcess.KEY, "change-reference-data",
        ReferenceDataProcess.Variables.LEAD_AGENCY_CODE, ReferenceKind.AGENCY));
  }
}
