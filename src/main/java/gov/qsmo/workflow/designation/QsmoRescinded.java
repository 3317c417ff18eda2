package gov.qsmo.workflow.designation;

/**
 * OMB rescinded a designated QSMO after its assessment: published in the decision's transaction, for the parts of the
 * program that end with it (the marketplace retires its offerings and drops its pending decisions).
 */
public record QsmoRescinded(String designationId, String reason, String actor) {
}
