/**
 * Step 3, the panel: the chair forms it, each member signs the conflict-of-interest attestation
 * (recusing themselves from responses), reviewers are assigned to responses, and a shortfall is
 * resolved by reassignment.
 */
package gov.qsmo.workflow.rfi.panel;
