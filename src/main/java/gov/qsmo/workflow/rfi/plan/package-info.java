/**
 * Step 1 of an RFI's evaluation, the plan: drafting it (topics, criteria and weights, the rating
 * scale), the director's approval or return, revision, and publication once approved.
 */
package gov.qsmo.workflow.rfi.plan;
