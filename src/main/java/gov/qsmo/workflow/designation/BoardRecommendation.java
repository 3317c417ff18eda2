package gov.qsmo.workflow.designation;

/** What a board member recommends on a plan, and what the board recommends as a whole. */
public enum BoardRecommendation {
  ENDORSE("Endorse"),
  ENDORSE_WITH_CONDITIONS("Endorse with conditions"),
  RETURN_FOR_REVISION("Return for revision"),
  NOT_ENDORSE("Do not endorse");

  private final String label;

  BoardRecommendation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
