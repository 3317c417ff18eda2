package gov.qsmo.workflow.rfi.report;

import gov.qsmo.workflow.process.OfficeTime;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_APPROVE_REPORT;

import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import gov.qsmo.workflow.rfi.RfiSummaries;
import gov.qsmo.workflow.rfi.RfiTaskForm;
import gov.qsmo.workflow.rfi.results.RfiResultsService;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The report's approval task: the ranking and links to the latest report. */
@Component
class ReportTaskForm implements RfiTaskForm {

  private final RfiResultsService results;
  private final RfiReportService reports;
  private final OfficeTime time;

  ReportTaskForm(RfiResultsService results, RfiReportService reports, OfficeTime time) {
    this.time = time;
    this.results = results;
    this.reports = reports;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_APPROVE_REPORT);
  }

  @Override
  public void prepare(DelegateTask task, Rfi rfi, String base) {
    task.setVariableLocal(TaskDisplay.REPORT_SUMMARY, reportSummary(rfi));
  }

  private String reportSummary(Rfi rfi) {
    // The report's links first: the text is cut to the field's length, and a long ranking is cut before them.
    StringBuilder text = new StringBuilder();
    reports.latestVersion(rfi.id).ifPresent(report -> {
      text.append("Report version ").append(report.number()).append(", generated ")
          .append(time.dateTime(report.generatedAt())).append(": [PDF](/api/rfis/").append(rfi.id)
          .append("/report.pdf) · [CSV of every score](/api/rfis/").append(rfi.id).append("/report.csv)");
      int parts = reports.appendixParts(rfi.id, report.number());
      if (parts > 0) {
        text.append("  \nAppendix A (individual scores) in ").append(parts).append(parts == 1 ? " part:" : " parts:");
        for (int part = 1; part <= parts; part++) {
          text.append(part == 1 ? " " : " · ").append("[").append(part).append("](/api/rfis/").append(rfi.id)
              .append("/report/appendix/").append(part).append(".pdf)");
        }
      }
      text.append("\n\n");
    });
    text.append("| Rank | Response | Organization | Weighted total |\n|---|---|---|---|\n");
    for (RfiResultsService.Standing standing : results.ranking(rfi.id)) {
      text.append("| ").append(standing.rank()).append(" | ").append(standing.responseId()).append(" | ")
          .append(RfiSummaries.literal(standing.organization())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", standing.weightedTotal())).append(" |\n");
    }
    return RfiSummaries.fit(text.toString());
  }
}
