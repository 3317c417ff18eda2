package gov.qsmo.workflow.rfi;

import java.util.List;

/** A completed RFI's ranking, for the parts of the program that act on it (the marketplace's candidates). */
public interface RfiRanking {

  /** A response's place: rank (equal totals share one), organization and weighted total on the rating scale. */
  record Ranked(int rank, String responseId, String organization, double weightedTotal) {
  }

  /** Every ranked response of the RFI, best first. */
  List<Ranked> ranking(String rfiId);
}
