/**
 * Where the program stands, at a glance: read-only views for OMB and auditors (the program), board chairs
 * (open rounds: who has voted, never how), panel chairs (scoring progress as counts, never scores),
 * QSMO directors (their own designations and RFIs) and everyone (their own open work). Bounded queries
 * over the program's records (ADR 0021); the page under {@code /dashboard/} draws them without any CDN.
 */
package gov.qsmo.workflow.dashboard;
