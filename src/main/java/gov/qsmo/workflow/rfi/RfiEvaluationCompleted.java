package gov.qsmo.workflow.rfi;

/**
 * An RFI's final report was issued: published in that step's transaction, for the parts of the program that act on
 * the ranking (the QSMO's marketplace decides its candidates, ADR 0027). {@code designationId} is the QSMO the RFI
 * serves, null for an RFI of an agency without one.
 */
public record RfiEvaluationCompleted(String rfiId, String designationId, String agencyCode, String title) {
}
