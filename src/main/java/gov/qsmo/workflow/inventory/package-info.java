/**
 * Systems inventory data calls (ADR 0028): a designated QSMO asks customer agencies for the systems they run; each
 * agency's points of contact answer (form lines or a CSV file, versions kept); the QSMO reads the consolidated
 * inventory, as data, CSV and a summary.
 */
package gov.qsmo.workflow.inventory;
