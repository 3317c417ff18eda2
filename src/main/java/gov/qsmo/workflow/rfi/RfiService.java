package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads RFIs, moves their status and writes the audit trail. */
@Service
@Transactional
public class RfiService {

  private final RfiRepository rfis;
  private final RfiEventRepository events;
  private final Clock clock;

  RfiService(RfiRepository rfis, RfiEventRepository events, Clock clock) {
    this.rfis = rfis;
    this.events = events;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public Clock clock() {
    return clock;
  }

  public String nextRfiId() {
    return "RFI-" + Year.now(clock) + "-" + String.format("%04d", rfis.nextNumber());
  }

  public String nextResponseId() {
    return "RSP-" + Year.now(clock) + "-" + String.format("%04d", rfis.nextResponseNumber());
  }

  @Transactional(readOnly = true)
  public Rfi require(String id) {
    return rfis.findById(id == null ? "" : id).orElseThrow(() -> new NotFoundException("No RFI with id '" + id + "'."));
  }

  /**
   * The RFI a process instance works on (its business key), refusing an instance it does not own: the RFI's
   * evaluation, a response's scoring instance (ADR 0014) or a consensus batch (ADR 0034) that the evaluation
   * called. The caller is read by its id (one execution), never the evaluation's execution tree.
   */
  @Transactional(readOnly = true)
  public Rfi ofInstance(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
    Rfi rfi = require(execution.getProcessBusinessKey());
    String definition = execution.getProcessDefinitionId();
    if (definition != null && (definition.startsWith(RfiProcess.SCORING_KEY + ":")
        || definition.startsWith(RfiProcess.CONSENSUS_BATCH_KEY + ":"))) {
      // Called by the RFI's instance, directly (before ADR 0030) or through a batch: the RFI's is the root.
      String root = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution)
          .getRootProcessInstanceId();
      if (root == null || !root.equals(rfi.processInstanceId)) {
        throw new ConflictException("Process instance " + execution.getProcessInstanceId()
            + " was not started by the evaluation of RFI " + rfi.id + ".");
      }
      return rfi;
    }
    if (!execution.getProcessInstanceId().equals(rfi.processInstanceId)) {
      throw new ConflictException("Process instance " + execution.getProcessInstanceId()
          + " does not belong to RFI " + rfi.id + ".");
    }
    return rfi;
  }

  @Transactional(readOnly = true)
  java.util.Optional<Rfi> find(String id) {
    return id == null ? java.util.Optional.empty() : rfis.findById(id);
  }

  /** The RFI, locked for the rest of the transaction. */
  public Rfi lock(String id) {
    return rfis.lockById(id == null ? "" : id).orElseThrow(() -> new NotFoundException("No RFI with id '" + id + "'."));
  }

  @Transactional(readOnly = true)
  List<Rfi> all() {
    return rfis.findAllByOrderByCreatedAtDesc();
  }

  public Rfi save(Rfi rfi) {
    rfi.updatedAt = now();
    return rfis.save(rfi);
  }

  public void moveTo(Rfi rfi, RfiStatus status, String actor, String action, String detail) {
    rfi.status = status;
    save(rfi);
    record(rfi.id, actor, action, detail);
  }

  public void record(String rfiId, String actor, String action, String detail) {
    events.save(new RfiEvent(rfiId, now(), actor, action, detail));
  }

  @Transactional(readOnly = true)
  public List<RfiEvent> history(String rfiId) {
    return events.findByRfiIdOrderByOccurredAtAscIdAsc(rfiId);
  }
}
