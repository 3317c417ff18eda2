package gov.qsmo.workflow.inventory;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.process.CompletedTask;
import gov.qsmo.workflow.process.FormCompletionListener;
import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The agency's inventory task: what it shows, and its submission. */
final class InventoryListeners {

  private InventoryListeners() {
  }

  /** One agency's answer in a data call, as its task's instance carries it. */
  record AgencyAnswer(String dataCallId, String agencyCode) {

    static AgencyAnswer of(DelegateExecution execution) {
      return new AgencyAnswer((String) execution.getVariable(InventoryProcess.Variables.DATA_CALL_ID),
          (String) execution.getVariable(InventoryProcess.Variables.AGENCY_CODE));
    }
  }

  /** "Submit systems inventory" created: named after the agency and the data call; what is asked and by when. */
  @Component("inventoryTaskCreatedListener")
  static class Created implements TaskListener {

    private final DataCallService dataCalls;
    private final InventoryQueries queries;
    private final DesignationService designations;
    private final ReferenceData referenceData;
    private final OfficeTime time;

    Created(DataCallService dataCalls, InventoryQueries queries, DesignationService designations,
        ReferenceData referenceData, OfficeTime time) {
      this.dataCalls = dataCalls;
      this.queries = queries;
      this.designations = designations;
      this.referenceData = referenceData;
      this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
      AgencyAnswer answer = AgencyAnswer.of(task.getExecution());
      DataCall call = dataCalls.require(answer.dataCallId());
      Designation qsmo = designations.require(call.getDesignationId());
      String agency = referenceData.requireAgency("agencyCode", answer.agencyCode()).getShortName();
      String area = referenceData.requireFunctionalArea("functionalAreaCode", qsmo.getFunctionalAreaCode()).getName();
      task.setName(task.getName() + ": " + agency + " (" + call.getId() + ")");
      task.setVariableLocal(InventoryProcess.TaskDisplay.DATA_CALL_FACTS, "**" + MarkdownText.literal(call.getTitle())
          + "** (" + call.getId() + "), from the " + MarkdownText.literal(area) + " QSMO (" + qsmo.getId() + ")  \n"
          + "**For:** " + MarkdownText.literal(agency) + "  \n"
          + "**Due:** " + time.date(call.getDueDate()) + " (end of the business day)"
          + (call.getInstructions() == null ? "" : "\n\n" + MarkdownText.literal(call.getInstructions())));
      List<InventoryQueries.SystemRow> latest = queries.ofAgency(call.getId(), answer.agencyCode(), null);
      if (!latest.isEmpty()) {
        task.setVariableLocal(InventoryProcess.TaskDisplay.LATEST_TEXT, "Version " + latest.get(0).version()
            + " is on record with " + latest.size() + " systems; what you submit now becomes the next version.");
      }
    }
  }

  /**
   * End of "Submit systems inventory": the lines of the form, checked row by row, become the agency's next version.
   * Without lines, the task closes only if a version came through the API since the data call was issued.
   */
  @Component("inventorySubmittedListener")
  static class Submitted extends FormCompletionListener<AgencyAnswer> {

    private final DataCallService dataCalls;

    Submitted(DataCallService dataCalls, IdentityService identityService) {
      super(AgencyAnswer::of, identityService);
      this.dataCalls = dataCalls;
    }

    @Override
    protected void completed(AgencyAnswer answer, CompletedTask task) {
      String lines = Inputs.optionalText(task.values(), InventoryProcess.Variables.INVENTORY_LINES, "Systems",
          InventoryCsv.MAX_BYTES);
      if (lines == null) {
        if (dataCalls.agency(answer.dataCallId(), answer.agencyCode()).latestVersion() == null) {
          throw new InvalidRequestException(InventoryProcess.Variables.INVENTORY_LINES, "List the agency's systems, "
              + "one per line (" + InventoryCsv.COLUMNS.stream().collect(Collectors.joining(" | "))
              + "), or upload a CSV file through the API.");
        }
      } else {
        dataCalls.submit(answer.dataCallId(), answer.agencyCode(), InventoryCsv.parseLines(lines), "FORM",
            task.caller());
      }
      task.remove(InventoryProcess.Variables.INVENTORY_LINES);
    }
  }
}
