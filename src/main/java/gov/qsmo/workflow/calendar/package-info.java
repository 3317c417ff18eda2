/**
 * The federal business calendar (ADR 0017): federal holidays with the observed-day rules, closure
 * days administrators add, periods in business days, deadlines in the office's time zone, and the
 * due and follow-up dates the process models give their user tasks ({@code ${deadlines...}}).
 */
package gov.qsmo.workflow.calendar;
