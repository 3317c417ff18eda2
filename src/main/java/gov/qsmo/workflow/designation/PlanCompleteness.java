package gov.qsmo.workflow.designation;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * Reads the result of {@code bpmn/plan-completeness.dmn} in the business rule task's output mapping:
 * {@code ${planCompleteness.missingKeys(decisionResult)}}. The rules themselves live in the table.
 */
@Component("planCompleteness")
public class PlanCompleteness {

  /** The missing required sections as the process keeps them: comma-separated keys, empty when complete. */
  public String missingKeys(DmnDecisionResult decisionResult) {
    List<String> keys = decisionResult.collectEntries("missingSection");
    return PlanSection.toKeys(keys.stream().map(PlanSection::ofKey).toList());
  }
}
