/**
 * Step 6, the report: {@link gov.qsmo.workflow.rfi.report.RfiReportService} generates it once the
 * consensus is in (every version kept), the director approves or returns it, and approval finalizes
 * the RFI.
 *
 * <p>The final evaluation report of an RFI is rendered from an {@link
 * gov.qsmo.workflow.rfi.report.EvaluationReportData} that the caller has gathered and ranked:
 * {@link gov.qsmo.workflow.rfi.report.EvaluationReportPdf} for the report itself and {@link
 * gov.qsmo.workflow.rfi.report.EvaluationReportCsv} for every individual score as a spreadsheet.
 *
 * <p>The PDFs are tagged and conform to PDF/UA-1 and PDF/A-2a ({@link
 * gov.qsmo.workflow.documents.PdfLayout}); {@link gov.qsmo.workflow.documents.AccessiblePdf} offers
 * the same layout to other records (the designation decision package). The renderers are pure code: no
 * Spring, no database, no state between calls, so renders may run in parallel. The embedded fonts are read and
 * measured once per JVM, each PDF embeds their subsets and keeps one page's content stream open at a
 * time; the whole document is held in memory until it is saved (about 4.8 MB and 1,570 pages for 200
 * responses x 7 reviewers x 6 criteria with a few sentences per worksheet; the CSV is about 4.5 MB).
 */
package gov.qsmo.workflow.rfi.report;
