package gov.qsmo.workflow.designation.condition;

import gov.qsmo.workflow.designation.Designation;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.condition.ConditionProcess.TaskDisplay;
import gov.qsmo.workflow.process.FormJson;
import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.process.People;
import gov.qsmo.workflow.reference.ReferenceData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of every condition task: names the task after its designation and puts what the person needs to
 * read into task-local variables: the condition, its facts (who set it, owner, due date, status, OMB's last
 * words), its latest steps (at most {@value ConditionService#HISTORY_SHOWN}) and its files of evidence.
 */
@Component("conditionTaskCreatedListener")
class ConditionTaskCreatedListener implements TaskListener {

  private final ConditionService conditions;
  private final DesignationService designations;
  private final ReferenceData referenceData;
  private final OfficeTime time;
  private final People people;

  ConditionTaskCreatedListener(ConditionService conditions, DesignationService designations,
      ReferenceData referenceData, OfficeTime time, People people) {
    this.conditions = conditions;
    this.designations = designations;
    this.referenceData = referenceData;
    this.time = time;
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    Object id = task.getVariable(ConditionProcess.Variables.CONDITION_ID);
    DesignationCondition condition = conditions.require(id instanceof Number n ? n.longValue() : null);
    Designation designation = designations.require(condition.getDesignationId());
    String area = referenceData.requireFunctionalArea("functionalAreaCode", designation.getFunctionalAreaCode())
        .getName();
    String agency = referenceData.requireAgency("agencyCode", designation.getAgencyCode()).getShortName();
    task.setName(task.getName() + ": " + area + ", " + agency + " (" + designation.getId() + ")");
    task.setVariableLocal(TaskDisplay.CONDITION_TEXT, MarkdownText.literal(condition.getText()));
    List<ConditionEvent> steps = conditions.latestSteps(condition.getId(), ConditionService.HISTORY_SHOWN);
    task.setVariableLocal(TaskDisplay.CONDITION_FACTS, facts(condition, designation, area, agency, steps));
    task.setVariableLocal(TaskDisplay.CONDITION_HISTORY, history(steps));
    task.setVariableLocal(TaskDisplay.CONDITION_EVIDENCE, evidence(condition));
    task.setVariableLocal(TaskDisplay.LATEST_REPORT, steps.stream().filter(s -> "PROGRESS_REPORTED".equals(s.getAction()))
        .findFirst().map(s -> "**Latest progress report** (" + name(s.getActor()) + ", "
            + time.dateTime(s.getOccurredAt()) + "):\n\n" + MarkdownText.literal(s.getText()))
        .orElse("The director has not reported progress yet."));
  }

  private String facts(DesignationCondition condition, Designation designation, String area, String agency,
      List<ConditionEvent> steps) {
    StringBuilder text = new StringBuilder();
    text.append("**Designation:** ").append(designation.getId()).append(", the ").append(MarkdownText.literal(area))
        .append(" QSMO at ").append(MarkdownText.literal(agency)).append("  \n");
    text.append("**Set by:** ").append(switch (condition.getSource()) {
      case OMB -> "OMB, with its designation";
      case BOARD -> "the board, with its endorsement";
      case CORRECTIVE_ACTION -> "OMB, as a corrective action of assessment " + condition.getAssessmentId();
    }).append("  \n");
    text.append("**Owner:** the QSMO directors of ").append(MarkdownText.literal(agency)).append("  \n");
    text.append("**Due:** ").append(condition.getDueDate() == null ? "not set" : time.date(condition.getDueDate())
        + " (end of the business day)").append("  \n");
    text.append("**Status:** ").append(condition.getStatus().words());
    steps.stream().filter(s -> "MORE_PROGRESS_NEEDED".equals(s.getAction())).findFirst()
        .filter(s -> condition.getStatus() == DesignationCondition.Status.OPEN)
        .ifPresent(s -> text.append("  \n**OMB asked for more** (").append(time.dateTime(s.getOccurredAt()))
            .append("): ").append(MarkdownText.literal(s.getText())));
    return text.toString();
  }

  private String name(String userId) {
    String name = people.name(userId);
    return name == null ? userId : name;
  }

  private Object history(List<ConditionEvent> steps) {
    Map<String, String> names = people.names(steps.stream().map(ConditionEvent::getActor).distinct().toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ConditionEvent step : steps) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("when", time.dateTime(step.getOccurredAt()));
      row.put("who", names.getOrDefault(step.getActor(), step.getActor()));
      row.put("what", step.getAction().replace('_', ' ').toLowerCase());
      row.put("words", step.getText() == null ? "" : step.getText());
      rows.add(row);
    }
    return FormJson.of(rows);
  }

  private String evidence(DesignationCondition condition) {
    List<ConditionEvidenceRepository.Described> files = conditions.evidenceOf(condition.getId());
    String base = "/api/designations/" + condition.getDesignationId() + "/conditions/" + condition.getId() + "/evidence";
    StringBuilder text = new StringBuilder(files.isEmpty() ? "No files of evidence attached yet."
        : "**Files of evidence** (" + files.size() + "):\n\n");
    for (ConditionEvidenceRepository.Described file : files) {
      text.append("- [").append(MarkdownText.literal(file.fileName())).append("](").append(base).append('/')
          .append(file.id()).append(") (").append(file.sizeBytes() / 1024 + 1).append(" KiB, ")
          .append(MarkdownText.literal(name(file.uploadedBy()))).append(", ")
          .append(time.dateTime(file.uploadedAt())).append(")\n");
    }
    text.append("\nThe QSMO's directors attach files with `POST ").append(base)
        .append("` (a multipart form with the field `file`, at most 10 MiB), for example from the agency's records "
            + "system; links to documents can be given in the progress report.");
    return text.toString();
  }
}
