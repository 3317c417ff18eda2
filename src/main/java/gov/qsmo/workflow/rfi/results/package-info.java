/**
 * Step 5, the results: each criterion's figures and outlier flags, the panel's consensus per
 * response, and the ranking by weighted total.
 */
package gov.qsmo.workflow.rfi.results;
