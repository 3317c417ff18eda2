/**
 * Step 4, blind scoring: each reviewer's score sheet per assigned response (every version kept, a
 * correction adds one), reminders before the deadline and the chair's decision on missing scores.
 */
package gov.qsmo.workflow.rfi.scoring;
