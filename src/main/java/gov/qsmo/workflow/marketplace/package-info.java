/**
 * The marketplace of each designated QSMO: the offerings agencies choose from (federal providers and commercial
 * solutions), seeded from the plan OMB designated and kept by the QSMO's directors, every change recorded; and the
 * catalog across QSMOs that any federal user browses (the API and the page under {@code /marketplace/}). ADR 0025.
 */
package gov.qsmo.workflow.marketplace;
