package gov.qsmo.workflow.process;

import gov.qsmo.workflow.shared.AdvisoryLock;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstanceQuery;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The records policy for the engine's history (ADR 0011): every deployed process and decision
 * definition, of every version, keeps its history for {@code qsmo.records.history-ttl-days} days
 * after an instance ends; then Camunda's history cleanup removes it. The models carry the same
 * value, but the configuration decides: at start-up a definition with another value is updated, and
 * the removal time of its finished instances is computed again (a batch on the job executor), so a
 * longer period also protects history that is already there. The application's own records (schema
 * {@code qsmo}) are not Camunda's and no cleanup touches them.
 */
@Component
class RecordsRetention implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(RecordsRetention.class);

  private final RepositoryService repository;
  private final HistoryService history;
  private final AdvisoryLock startupLock;
  private final int days;

  RecordsRetention(RepositoryService repository, HistoryService history, AdvisoryLock startupLock,
      @Value("${qsmo.records.history-ttl-days}") int days) {
    if (days < 1) {
      throw new IllegalStateException("QSMO_HISTORY_TTL_DAYS is " + days + "; the history must be kept at least "
          + "one day (the records policy says how many).");
    }
    this.repository = repository;
    this.history = history;
    this.startupLock = startupLock;
    this.days = days;
  }

  int days() {
    return days;
  }

  @Override
  public void afterSingletonsInstantiated() {
    startupLock.runExclusively(() -> apply(days));
  }

  /** Gives every definition {@code ttlDays}; the number of definitions that had another value. */
  int apply(int ttlDays) {
    int changed = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      if (!Objects.equals(definition.getHistoryTimeToLive(), ttlDays)) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), ttlDays);
        HistoricProcessInstanceQuery instances = history.createHistoricProcessInstanceQuery()
            .processDefinitionId(definition.getId()).finished();
        if (instances.count() > 0) {
          history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime().byQuery(instances)
              .executeAsync();
        }
        changed++;
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
      if (!Objects.equals(definition.getHistoryTimeToLive(), ttlDays)) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), ttlDays);
        HistoricDecisionInstanceQuery instances = history.createHistoricDecisionInstanceQuery()
            .decisionDefinitionId(definition.getId());
        if (instances.count() > 0) {
          history.setRemovalTimeToHistoricDecisionInstances().calculatedRemovalTime().byQuery(instances)
              .executeAsync();
        }
        changed++;
      }
    }
    if (changed > 0) {
      log.info("Records policy: the history of {} process and decision definition(s) is now kept {} days after an "
          + "instance ends; the removal time of their finished instances is being computed again.", changed, ttlDays);
    }
    return changed;
  }
}
