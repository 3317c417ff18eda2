/**
 * The program's documents as accessible, archival federal records: tagged PDF/UA-1 and PDF/A-2a
 * layout ({@link gov.qsmo.workflow.documents.PdfLayout}), embedded open-licence fonts with missing
 * characters listed rather than replaced ({@link gov.qsmo.workflow.documents.ReportFonts}), and a small
 * document API for other records ({@link gov.qsmo.workflow.documents.AccessiblePdf}). Used by the RFI
 * evaluation report and the designation decision package; depends on no other module.
 */
package gov.qsmo.workflow.documents;
