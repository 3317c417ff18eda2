package gov.qsmo.workflow.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's read model: aggregate and bounded queries over the designation and RFI records (ADR
 * 0021). Every list has a limit; every figure is a count, a date or an id, never a vote or a score.
 */
@Component
@Transactional(readOnly = true)
class DashboardQueries {

  /** How many items a list of the dashboard shows at most; the figures beside it count them all. */
  static final int LIST_LIMIT = 20;

  private final NamedParameterJdbcTemplate jdbc;

  DashboardQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record Stage(String status, long count, Long oldestDaysInStage) {
  }

  record OverduePlan(String designationId, String functionalAreaCode, String agencyCode, LocalDate planDueDate,
      long daysOverdue) {
  }

  /** {@code assessmentId}: the assessment the round reviews; null when it reviews the plan. */
  record OpenRound(long roundId, String designationId, int roundNumber, Instant closesAt, long eligible,
      long recused, long voted, Long assessmentId) {
  }

  /** An assessment of a designated QSMO that has started and is not decided or cancelled. */
  record AssessmentUnderWay(long assessmentId, String designationId, String functionalAreaCode, String agencyCode,
      String kind, String status, LocalDate asOf) {
  }

  /** A data call and how its agencies stand: asked, answered, late (not answered by the due date, or after it). */
  record DataCallProgress(String dataCallId, String designationId, String agencyCode, String title, LocalDate dueDate,
      long asked, long answered, long late) {
  }

  record Count(String key, long count) {
  }

  record RosterEntry(long roundId, String memberId, String agencyCode, boolean recused, boolean voted) {
  }

  record PanelRfi(String rfiId, String title, String status, Instant scoringDueAt, long members, long attested) {
  }

  record ReviewerProgress(String rfiId, String reviewerId, long assigned, long scored, long open, long overdue) {
  }

  record DayCount(LocalDate day, long count) {
  }

  record DirectorDesignation(String designationId, String functionalAreaCode, String status, LocalDate planDueDate,
      long openConditions) {
  }

  record DirectorRfi(String rfiId, String title, String status, Instant closesAt, Instant scoringDueAt) {
  }

  List<Stage> designationStages() {
    return jdbc.query("""
        select d.status, count(*) as n,
               max(extract(epoch from (now() - coalesce(e.last_at, d.created_at))) / 86400)::bigint as oldest
        from qsmo.designation d
        left join lateral (select max(occurred_at) as last_at from qsmo.designation_event e
                           where e.designation_id = d.id) e on true
        group by d.status""", (rs, i) -> new Stage(rs.getString(1), rs.getLong(2), rs.getLong(3)));
  }

  long overduePlanCount() {
    return count("select count(*) from qsmo.designation where status = 'PRE_DESIGNATED' and plan_due_date < current_date",
        new MapSqlParameterSource());
  }

  List<OverduePlan> overduePlans() {
    return jdbc.query("""
        select id, functional_area_code, agency_code, plan_due_date, current_date - plan_due_date
        from qsmo.designation where status = 'PRE_DESIGNATED' and plan_due_date < current_date
        order by plan_due_date, id limit :limit""", new MapSqlParameterSource("limit", LIST_LIMIT),
        (rs, i) -> new OverduePlan(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getLong(5)));
  }

  long openRoundCount() {
    return count("select count(*) from qsmo.board_round where closed_at is null", new MapSqlParameterSource());
  }

  List<OpenRound> openRounds() {
    return jdbc.query("""
        select r.id, r.designation_id, r.round_number, r.closes_at,
               (select count(*) from qsmo.board_round_member m where m.round_id = r.id and not m.recused),
               (select count(*) from qsmo.board_round_member m where m.round_id = r.id and m.recused),
               (select count(*) from qsmo.board_vote v where v.round_id = r.id),
               r.assessment_id
        from qsmo.board_round r where r.closed_at is null
        order by r.closes_at, r.id limit :limit""", new MapSqlParameterSource("limit", LIST_LIMIT),
        (rs, i) -> new OpenRound(rs.getLong(1), rs.getString(2), rs.getInt(3), instant(rs.getTimestamp(4)),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getObject(8, Long.class)));
  }

  private static final String UNDER_WAY = "a.status in ('AWAITING_SUBMISSION', 'UNDER_BOARD_REVIEW', "
      + "'AWAITING_OMB_DECISION')";

  long assessmentsUnderWayCount() {
    return count("select count(*) from qsmo.qsmo_assessment a where " + UNDER_WAY, new MapSqlParameterSource());
  }

  /** Assessments under way, oldest first: of every QSMO ({@code agencies} null) or of these agencies' QSMOs. */
  List<AssessmentUnderWay> assessmentsUnderWay(Collection<String> agencies) {
    if (agencies != null && agencies.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        select a.id, a.designation_id, d.functional_area_code, d.agency_code, a.kind, a.status, a.as_of
        from qsmo.qsmo_assessment a join qsmo.designation d on d.id = a.designation_id""" + " where " + UNDER_WAY
        + (agencies == null ? "" : " and d.agency_code in (:agencies)") + " order by a.as_of, a.id limit :limit",
        new MapSqlParameterSource("limit", LIST_LIMIT).addValue("agencies", agencies),
        (rs, i) -> new AssessmentUnderWay(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)));
  }

  /**
   * The latest data calls, most recently due first, with their agencies counted: of every QSMO ({@code agencies}
   * null) or of these agencies' QSMOs. {@code today} and {@code zone}: the office's, in which a due date ends.
   */
  List<DataCallProgress> dataCalls(Collection<String> agencies, LocalDate today, String zone) {
    if (agencies != null && agencies.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        with latest as (
          select c.id, c.designation_id, d.agency_code, c.title, c.due_date, c.created_at
          from qsmo.data_call c join qsmo.designation d on d.id = c.designation_id""" + (agencies == null ? ""
        : " where d.agency_code in (:agencies)") + """
          order by c.due_date desc, c.id desc limit :limit)
        select l.id, l.designation_id, l.agency_code, l.title, l.due_date, count(*), count(a.latest_version),
               count(*) filter (where (a.first_submitted_at is null and l.due_date < :today)
                                   or (a.first_submitted_at at time zone :zone)::date > l.due_date)
        from latest l join qsmo.data_call_agency a on a.data_call_id = l.id
        group by l.id, l.designation_id, l.agency_code, l.title, l.due_date
        order by l.due_date desc, l.id desc""",
        new MapSqlParameterSource("limit", LIST_LIMIT).addValue("agencies", agencies).addValue("today", today)
            .addValue("zone", zone),
        (rs, i) -> new DataCallProgress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
  }

  List<RosterEntry> rosters(Collection<Long> roundIds) {
    if (roundIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        select m.round_id, m.member_id, m.agency_code, m.recused,
               exists (select 1 from qsmo.board_vote v where v.round_id = m.round_id and v.member_id = m.member_id)
        from qsmo.board_round_member m where m.round_id in (:rounds)
        order by m.round_id, m.member_id""", new MapSqlParameterSource("rounds", roundIds),
        (rs, i) -> new RosterEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
  }

  /** Conditions not yet closed: open, reported to OMB, or overdue. */
  long openConditionCount() {
    return count("select count(*) from qsmo.designation_condition where status in ('OPEN', 'REPORTED', 'OVERDUE')",
        new MapSqlParameterSource());
  }

  List<Count> rfiStages() {
    return jdbc.query("select status, count(*) from qsmo.rfi group by status order by status",
        (rs, i) -> new Count(rs.getString(1), rs.getLong(2)));
  }

  /** RFIs whose panel is at work: of this chair, or every one when {@code chair} is null. */
  List<PanelRfi> panelRfis(String chair) {
    return jdbc.query("""
        select r.id, r.title, r.status, r.scoring_due_at,
               (select count(*) from qsmo.rfi_panel_member p where p.rfi_id = r.id),
               (select count(*) from qsmo.rfi_panel_member p where p.rfi_id = r.id and p.attested_at is not null)
        from qsmo.rfi r
        where r.status in ('PANEL_FORMING', 'ATTESTATION', 'SCORING', 'CONSENSUS')
          and (cast(:chair as varchar) is null or r.panel_chair_id = :chair)
        order by r.scoring_due_at nulls last, r.id limit :limit""",
        new MapSqlParameterSource("chair", chair).addValue("limit", LIST_LIMIT),
        (rs, i) -> new PanelRfi(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
            rs.getLong(5), rs.getLong(6)));
  }

  List<ReviewerProgress> reviewerProgress(Collection<String> rfiIds) {
    if (rfiIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        select a.rfi_id, a.reviewer_id,
               count(*) filter (where a.status <> 'REASSIGNED'),
               count(*) filter (where a.status = 'SCORED'),
               count(*) filter (where a.status = 'ASSIGNED'),
               count(*) filter (where a.status = 'ASSIGNED' and r.scoring_due_at < now())
        from qsmo.rfi_assignment a join qsmo.rfi r on r.id = a.rfi_id
        where a.rfi_id in (:rfis)
        group by a.rfi_id, a.reviewer_id order by a.rfi_id, a.reviewer_id""",
        new MapSqlParameterSource("rfis", rfiIds),
        (rs, i) -> new ReviewerProgress(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6)));
  }

  /** Open assignments of each reviewer across all RFIs: their workload. */
  List<Count> workload(Collection<String> reviewers) {
    if (reviewers.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        select reviewer_id, count(*) from qsmo.rfi_assignment
        where status = 'ASSIGNED' and reviewer_id in (:reviewers) group by reviewer_id order by reviewer_id""",
        new MapSqlParameterSource("reviewers", reviewers), (rs, i) -> new Count(rs.getString(1), rs.getLong(2)));
  }

  /** First submissions per day of one RFI: how the scoring burns down. */
  List<DayCount> scoredPerDay(String rfiId) {
    return jdbc.query("""
        select cast(s.submitted_at at time zone 'UTC' as date) as day, count(*)
        from qsmo.rfi_score_sheet s join qsmo.rfi_assignment a on a.id = s.assignment_id
        where a.rfi_id = :rfi and s.version = 1 group by day order by day""",
        new MapSqlParameterSource("rfi", rfiId), (rs, i) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2)));
  }

  List<DirectorDesignation> designationsOf(Collection<String> agencies) {
    if (agencies.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        select d.id, d.functional_area_code, d.status, d.plan_due_date,
               (select count(*) from qsmo.designation_condition c where c.designation_id = d.id
                 and c.status in ('OPEN', 'REPORTED', 'OVERDUE'))
        from qsmo.designation d where d.agency_code in (:agencies)
        order by d.created_at desc limit :limit""",
        new MapSqlParameterSource("agencies", agencies).addValue("limit", LIST_LIMIT),
        (rs, i) -> new DirectorDesignation(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getLong(5)));
  }

  List<DirectorRfi> rfisOf(Collection<String> agencies) {
    if (agencies.isEmpty()) {
      return List.of();
    }
    return jdbc.query("""
        select id, title, status, closes_at, scoring_due_at from qsmo.rfi where agency_code in (:agencies)
        order by created_at desc limit :limit""",
        new MapSqlParameterSource("agencies", agencies).addValue("limit", LIST_LIMIT),
        (rs, i) -> new DirectorRfi(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
            instant(rs.getTimestamp(5))));
  }

  private long count(String sql, MapSqlParameterSource parameters) {
    Long count = jdbc.queryForObject(sql, parameters, Long.class);
    return count == null ? 0 : count;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
