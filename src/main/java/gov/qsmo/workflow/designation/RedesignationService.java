package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.Privileged;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** OMB's order to move a designation to another agency: the successor's designation and its own process. */
@Service
public class RedesignationService {

  private final DesignationService designations;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  RedesignationService(DesignationService designations, RuntimeService runtimeService, IdentityService identityService) {
    this.designations = designations;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** One transaction: the successor record and its process start together, or neither. */
  @Transactional
  public Designation order(String designationId, String successorAgencyCode, LocalDate planDueDate, String reason,
      String actor) {
    Designation successor = designations.orderRedesignation(designationId, successorAgencyCode, planDueDate, reason,
        actor);
    // The API has checked that the caller is an OMB decider; the engine starts the successor's process.
    Privileged.run(identityService, () -> runtimeService
        .createMessageCorrelation(DesignationProcess.Messages.REDESIGNATION_ORDERED)
        .processInstanceBusinessKey(successor.getId())
        .correlateStartMessage());
    return successor;
  }
}
