package gov.qsmo.workflow.rfi.results;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.DISSENT;
import static gov.qsmo.workflow.rfi.RfiProcess.Variables.RESPONSE_ID;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.SubjectTaskListener;
import gov.qsmo.workflow.rfi.TaskSubjects;
import gov.qsmo.workflow.shared.Inputs;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** End of one "Hold consensus review" task: the chair's consensus rating and rationale per criterion. */
@Component("consensusRecordedListener")
public class ConsensusRecordedListener extends SubjectTaskListener {

  public static final String KIND = "response";

  private final RfiResultsService results;
  private final IdentityService identityService;

  ConsensusRecordedListener(RfiService records, RfiResultsService results, TaskSubjects subjects, IdentityService identityService) {
    super(records, subjects, RESPONSE_ID, KIND);
    this.results = results;
    this.identityService = identityService;
  }

  @Override
  protected void completed(Rfi rfi, String responseId, Map<String, Object> values) {
    Map<Integer, RfiResultsService.ConsensusInput> inputs = new TreeMap<>();
    for (int slot = 1; slot <= RfiProcess.MAX_CRITERIA; slot++) {
      inputs.put(slot, new RfiResultsService.ConsensusInput(
          Inputs.optionalWholeNumber(values, RfiProcess.Variables.consensusRating(slot),
              rfi.ratingLabel(slot, "consensus rating"), -100, 100, rfi.onTheScale()),
          Inputs.optionalText(values, RfiProcess.Variables.consensusRationale(slot), "Rationale", Inputs.MAX_TEXT)));
    }
    results.recordConsensus(rfi.id, responseId, inputs, Inputs.optionalText(values, DISSENT, "Dissent", Inputs.MAX_TEXT),
        Caller.current(identityService));
  }
}
