package gov.qsmo.workflow.reference;

/** The two kinds of reference data OMB maintains. */
public enum ReferenceKind {
  AGENCY("agency"),
  FUNCTIONAL_AREA("functional area");

  private final String label;

  ReferenceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
