package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiAccess;
import gov.qsmo.workflow.rfi.RfiApi;
import gov.qsmo.workflow.rfi.panel.PanelMember;
import gov.qsmo.workflow.shared.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The report step's API: the latest evaluation report as PDF, every score as CSV. */
@RestController
@RequestMapping(RfiApi.PATH)
@Tag(name = RfiApi.TAG, description = RfiApi.TAG_DESCRIPTION)
class RfiReportController {

  private final RfiReportService reports;
  private final RfiAccess access;

  RfiReportController(RfiReportService reports, RfiAccess access) {
    this.reports = reports;
    this.access = access;
  }

  @GetMapping(path = "/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The latest evaluation report as PDF (the issuing agency's directors, the chair, oversight)")
  ResponseEntity<byte[]> reportPdf(@PathVariable String id, Authentication authentication) {
    Rfi rfi = reportReader(id, Caller.of(authentication));
    RfiReport report = reports.requireLatest(rfi.id);
    return RfiApi.download(report.pdf, rfi.id + "-evaluation-report-v" + report.version + ".pdf",
        MediaType.APPLICATION_PDF);
  }

  @GetMapping(path = "/{id}/report.csv", produces = "text/csv")
  @Operation(summary = "Every score of the evaluation as CSV")
  ResponseEntity<byte[]> reportCsv(@PathVariable String id, Authentication authentication) {
    Rfi rfi = reportReader(id, Caller.of(authentication));
    RfiReport report = reports.requireLatest(rfi.id);
    return RfiApi.download(report.csv, rfi.id + "-scores-v" + report.version + ".csv",
        MediaType.parseMediaType("text/csv; charset=UTF-8"));
  }

  @GetMapping(path = "/{id}/report/appendix/{part}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "A part of the latest report's Appendix A (individual scores), as PDF, when the report has "
      + "more individual scores than it holds itself (404 otherwise, saying how many parts there are)")
  ResponseEntity<byte[]> appendixPart(@PathVariable String id, @PathVariable int part,
      Authentication authentication) {
    Rfi rfi = reportReader(id, Caller.of(authentication));
    int version = reports.requireLatestVersion(rfi.id);
    return RfiApi.download(reports.requireAppendixPart(rfi.id, version, part), rfi.id
        + "-evaluation-report-v" + version + "-appendix-a-part-" + part + ".pdf", MediaType.APPLICATION_PDF);
  }

  private Rfi reportReader(String id, Caller caller) {
    Rfi rfi = access.record(id, caller);
    PanelMember member = access.membership(caller, rfi);
    if (!RfiAccess.oversight(caller, rfi) && !(member != null && member.role == PanelMember.Role.CHAIR)) {
      throw new ForbiddenException("The evaluation report of " + id
          + " is for the issuing agency's QSMO directors, the panel chair, contracting officers and auditors.");
    }
    return rfi;
  }
}
