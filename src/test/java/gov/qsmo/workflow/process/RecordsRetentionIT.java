package gov.qsmo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records policy: every deployed process and decision definition carries the configured history
 * time to live (QSMO_HISTORY_TTL_DAYS, 3650 days by default), a changed policy reaches every definition
 * and the removal time of finished instances, and Camunda's history cleanup removes only the engine's
 * history: the application's records of a designation stay.
 */
@RunningApplicationTest
class RecordsRetentionIT {

  private static final List<String> PROCESSES = List.of("qsmo-designation", "rfi-evaluation");
  private static final List<String> DECISIONS = List.of("plan-completeness", "board-recommendation", "score-outliers");

  @LocalServerPort
  int port;
  @Autowired
  RecordsRetention retention;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void everyDeployedDefinitionCarriesTheConfiguredHistoryTimeToLive() {
    assertThat(retention.days()).as("QSMO_HISTORY_TTL_DAYS is not set in tests: the default").isEqualTo(3650);

    assertThat(repository.createProcessDefinitionQuery().list()).extracting(ProcessDefinition::getKey)
        .containsAll(PROCESSES);
    assertThat(repository.createDecisionDefinitionQuery().list()).extracting(DecisionDefinition::getKey)
        .containsAll(DECISIONS);
    assertThat(repository.createProcessDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getId()).isEqualTo(retention.days()));
    assertThat(repository.createDecisionDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getId()).isEqualTo(retention.days()));

    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryTimeToLive()).as("the engine's default for any other model").isEqualTo("3650");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.isHistoryCleanupEnabled()).isTrue();
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
  }

  @Test
  void aChangedPolicyReachesEveryDefinitionAndTheRemovalTimeOfFinishedInstances() {
    String instance = declinedDesignation();
    HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(instance)
        .singleResult();
    assertThat(ended.getRemovalTime()).isEqualTo(daysAfter(ended.getEndTime(), 3650));
    try {
      assertThat(retention.apply(2555)).isPositive();
      runBatches();
      assertThat(repository.createProcessDefinitionQuery().list())
          .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(2555));
      assertThat(repository.createDecisionDefinitionQuery().list())
          .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(2555));
      assertThat(removalTime(instance)).isEqualTo(daysAfter(ended.getEndTime(), 2555));
      assertThat(retention.apply(2555)).as("nothing left to change").isZero();
    } finally {
      retention.apply(retention.days());
      runBatches();
    }
    assertThat(removalTime(instance)).isEqualTo(ended.getRemovalTime());
  }

  @Test
  void historyCleanupRemovesTheEnginesHistoryButNeverTheApplicationsRecords() {
    String instance = declinedDesignation();
    String designation = history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey();
    List<String> trail = http.get("auditor", "/api/designations/" + designation + "/history").json()
        .findValuesAsText("action");
    int rows = jdbc.sql("select count(*) from qsmo.designation_event where designation_id = ?").param(designation)
        .query(Integer.class).single();

    // The instance's history is due for removal (as if its time to live had passed) and the cleanup runs.
    history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(new Date(System.currentTimeMillis()
        - Duration.ofDays(1).toMillis())).byIds(instance).executeAsync();
    runBatches();
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .as("the engine's history of the instance is gone").isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).count()).isZero();
    Response record = http.get("auditor", "/api/designations/" + designation);
    assertThat(record.status()).isEqualTo(200);
    assertThat(record.json().path("status").asText()).isEqualTo("DECLINED");
    assertThat(http.get("auditor", "/api/designations/" + designation + "/history").json().findValuesAsText("action"))
        .isEqualTo(trail);
    assertThat(jdbc.sql("select count(*) from qsmo.designation_event where designation_id = ?").param(designation)
        .query(Integer.class).single()).isEqualTo(rows);
  }

  /** A designation OMB declined: its process instance has ended. */
  private String declinedDesignation() {
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("functionalAreaCode", Map.of("value", "CYBER"));
    start.put("agencyCode", Map.of("value", "DHS"));
    start.put("scope", Map.of("value", "Cybersecurity services."));
    start.put("planDueDate", Map.of("value", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()));
    Response started = http.post("omb.analyst", "/engine-rest/process-definition/key/qsmo-designation/submit-form",
        Map.of("variables", start));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    String task = http.get("omb.decider", "/engine-rest/task?processInstanceId=" + instance).json().get(0).path("id")
        .asText();
    Response declined = http.post("omb.decider", "/engine-rest/task/" + task + "/submit-form", Map.of("variables",
        Map.of("decision", Map.of("value", "DECLINE"), "decisionReason", Map.of("value", "Out of scope."))));
    assertThat(declined.status()).as(declined.body()).isEqualTo(204);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isOne();
    return instance;
  }

  /** Calendar days later, in the server's time zone, as the engine computes a removal time. */
  private static Date daysAfter(Date end, int days) {
    return Date.from(end.toInstant().atZone(java.time.ZoneId.systemDefault()).plusDays(days).toInstant());
  }

  private Date removalTime(String instance) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getRemovalTime();
  }

  /** The job executor is off in tests: runs every batch's seed, execution and monitor jobs as it would. */
  private void runBatches() {
    for (int round = 0; round < 1000 && management.createBatchQuery().count() > 0; round++) {
      for (Batch batch : management.createBatchQuery().list()) {
        for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
            batch.getMonitorJobDefinitionId())) {
          management.createJobQuery().jobDefinitionId(definition).list()
              .forEach(job -> management.executeJob(job.getId()));
        }
      }
    }
    assertThat(management.createBatchQuery().count()).as("every batch done").isZero();
  }
}
