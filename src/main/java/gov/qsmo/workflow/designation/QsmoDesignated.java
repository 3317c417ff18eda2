package gov.qsmo.workflow.designation;

/**
 * OMB designated a QSMO: published in the transaction of the decision, for the parts of the program that start
 * with it (the marketplace seeds its catalog from the plan designated).
 */
public record QsmoDesignated(String designationId, int planVersion, String actor) {
}
