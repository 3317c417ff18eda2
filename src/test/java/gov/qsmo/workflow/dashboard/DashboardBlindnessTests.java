package gov.qsmo.workflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.ProcessEngineTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blindness: while a board round is open the chair's and OMB's views say who has voted, never how, nor
 * anything a vote said. The round here is written straight into the records (and rolled back after).
 */
@ProcessEngineTest
@Transactional
class DashboardBlindnessTests {

  private static final String SECRET = "Sealed comment: the governance section is weak";

  @Autowired
  DashboardController dashboard;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ObjectMapper json;

  @Test
  void anOpenRoundShowsWhoVotedButNeverHowOrWhat() throws Exception {
    Instant now = Instant.now();
    jdbc.update("""
        insert into qsmo.designation (id, functional_area_code, agency_code, scope, plan_due_date, status, created_by,
            created_at, updated_at)
        values ('DSG-1999-0001', 'ACQ', 'GSA', 'Blindness test.', current_date + 30, 'UNDER_BOARD_REVIEW', 'test', now(), now())""");
    Long round = jdbc.queryForObject("""
        insert into qsmo.board_round (designation_id, round_number, plan_version_number, opened_at, closes_at)
        values ('DSG-1999-0001', 1, 1, ?, ?) returning id""", Long.class,
        java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(5, ChronoUnit.DAYS)));
    jdbc.update("insert into qsmo.board_round_member values (?, 'board.dhs', 'DHS', false, null), "
        + "(?, 'board.opm', 'OPM', false, null), (?, 'board.chair', 'GSA', true, 'Member of the candidate agency (GSA).')",
        round, round, round);
    jdbc.update("insert into qsmo.board_vote (round_id, member_id, recommendation, comments, proposed_conditions, "
        + "submitted_at) values (?, 'board.dhs', 'RETURN_FOR_REVISION', ?, ?, now())", round, SECRET, SECRET);

    var rounds = dashboard.boardRounds();
    var ours = rounds.stream().filter(r -> r.round().roundId() == round).findFirst().orElseThrow();
    assertThat(ours.members()).extracting(DashboardController.Member::memberId, DashboardController.Member::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("board.chair", "RECUSED"),
            org.assertj.core.groups.Tuple.tuple("board.dhs", "VOTED"),
            org.assertj.core.groups.Tuple.tuple("board.opm", "NOT_VOTED"));
    assertThat(ours.round().voted()).isEqualTo(1);
    assertThat(ours.round().recused()).isEqualTo(1);
    assertThat(ours.round().eligible()).isEqualTo(2);

    String chairView = json.writeValueAsString(rounds);
    String ombView = json.writeValueAsString(dashboard.program());
    for (String view : new String[] {chairView, ombView}) {
      assertThat(view).contains("DSG-1999-0001")
          .doesNotContain("RETURN_FOR_REVISION").doesNotContain(SECRET).doesNotContain("recommendation");
    }
  }
}
