package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.reference.ReferenceKind;
import gov.qsmo.workflow.reference.ReferenceUsage;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The RFIs' use of agencies: an RFI that has not ended keeps its issuing agency from being retired; the
 * start form (drafting the evaluation plan) offers the active agencies.
 */
@Component
class RfiReferenceUsage implements ReferenceUsage {

  /** The statuses in which an RFI has ended. */
  private static final String ENDED = "('COMPLETED', 'CLOSED_NO_RESPONSES', 'CANCELLED')";

  private final JdbcTemplate jdbc;

  RfiReferenceUsage(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> liveRecordsNaming(ReferenceKind kind, String code, int limit) {
    if (kind != ReferenceKind.AGENCY) {
      return List.of();
    }
    return jdbc.queryForList("select id || ' (RFI)' from qsmo.rfi where agency_code = ? and status not in " + ENDED
        + " order by id limit ?", String.class, code, Math.max(limit, 1));
  }

  @Override
  public long countLiveRecordsNaming(ReferenceKind kind, String code) {
    if (kind != ReferenceKind.AGENCY) {
      return 0;
    }
    Long count = jdbc.queryForObject("select count(*) from qsmo.rfi where agency_code = ? and status not in " + ENDED,
        Long.class, code);
    return count == null ? 0 : count;
  }

  @Override
  public List<ReferenceSelect> selects() {
    return List.of(new ReferenceSelect(RfiProcess.KEY, "draft-evaluation-plan", RfiProcess.Variables.AGENCY_CODE,
        ReferenceKind.AGENCY));
  }
}
