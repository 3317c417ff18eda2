package gov.qsmo.workflow.rfi;

import java.util.List;

/**
 * Kinds of rating scale. Each comes with default levels and definitions; a plan may write its own
 * definitions, but every level must have one.
 */
public enum ScaleType {
  NUMERIC(List.of(
      new Level(1, "1", "Does not address the criterion, or the approach is not credible."),
      new Level(2, "2", "Addresses the criterion in part; significant weaknesses outweigh the strengths."),
      new Level(3, "3", "Addresses the criterion adequately; strengths and weaknesses are in balance."),
      new Level(4, "4", "Addresses the criterion well; strengths outweigh minor weaknesses."),
      new Level(5, "5", "Addresses the criterion fully and convincingly; significant strengths, no real weakness."))),
  ADJECTIVAL(List.of(
      new Level(1, "Unsatisfactory", "Fails to address the criterion; weaknesses are not correctable."),
      new Level(2, "Marginal", "Addresses the criterion in part; weaknesses outweigh strengths."),
      new Level(3, "Satisfactory", "Adequate approach and understanding; strengths and weaknesses offset."),
      new Level(4, "Good", "A thorough approach; strengths outweigh weaknesses."),
      new Level(5, "Exceptional", "An exceptional approach with significant strengths and no weaknesses of note."))),
  CONFIDENCE(List.of(
      new Level(1, "Low confidence", "Little confidence that the approach would meet the government's needs."),
      new Level(2, "Some confidence", "Some confidence that the approach would meet the government's needs."),
      new Level(3, "High confidence", "High confidence that the approach would meet the government's needs.")));

  /** A level as the plan states it. */
  public record Level(int value, String label, String definition) {
  }

  private final List<Level> defaults;

  ScaleType(List<Level> defaults) {
    this.defaults = defaults;
  }

  public List<Level> defaults() {
    return defaults;
  }
}
