package gov.qsmo.workflow.designation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the records put statuses and the board's conditions into words. */
class RecordWordsTests {

  @Test
  void aStatusReadsAsWordsWithItsHyphenAndOmbInCapitals() {
    assertThat(DecisionPackagePdf.status(DesignationStatus.PRE_DESIGNATED)).isEqualTo("Pre-designated");
    assertThat(DecisionPackagePdf.status(DesignationStatus.UNDER_BOARD_REVIEW)).isEqualTo("Under board review");
    assertThat(DecisionPackagePdf.status("AWAITING_OMB_DECISION")).isEqualTo("Awaiting OMB decision");
  }

  @Test
  void aConditionInAListLosesItsOwnFinalStopSoTheListEndsWithOne() {
    assertThat(BoardReviewService.withoutFinalStop("Report customer satisfaction yearly. ")).isEqualTo(
        "Report customer satisfaction yearly");
    assertThat(BoardReviewService.withoutFinalStop("Migrate one legacy provider by 2028..;"))
        .isEqualTo("Migrate one legacy provider by 2028");
    assertThat(BoardReviewService.withoutFinalStop("Keep v2.1 of the plan")).isEqualTo("Keep v2.1 of the plan");
  }
}
