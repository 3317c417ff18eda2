package gov.qsmo.workflow.rfi;

import static gov.qsmo.workflow.rfi.RfiScenario.CHAIR;
import static gov.qsmo.workflow.rfi.RfiScenario.DIRECTOR;
import static gov.qsmo.workflow.rfi.RfiScenario.REVIEWERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.designation.TestDesignations;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.marketplace.CandidateDecision;
import gov.qsmo.workflow.marketplace.CandidatesProcess;
import gov.qsmo.workflow.marketplace.MarketplaceCandidates;
import gov.qsmo.workflow.marketplace.Offering;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * An RFI serves a designated QSMO and feeds its marketplace (ADR 0027): the QSMO it names (or its agency's), what is
 * refused at drafting, and after the final report the directors' decision on the ranked responses: candidates added as
 * planned offerings from the RFI, wrong ids and another agency's director refused, nothing decided twice.
 */
@ProcessEngineTest
@Import(RfiScenario.class)
class RfiMarketplaceCandidatesTests {

  /** HHS's grants QSMO, designated in January 2021 (on record): its agency's first designated QSMO. */
  static final String GRANTS_QSMO = "DSG-2021-0001";
  static final String OTHER_DIRECTOR = "test.candidates.director.dhs";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RfiScenario scenario;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  MarketplaceCandidates candidates;
  @Autowired
  gov.qsmo.workflow.marketplace.MarketplaceService marketplace;
  @Autowired
  gov.qsmo.workflow.designation.DesignationService designations;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    scenario.ensureUsers();
    identitySetup.ensureUser(OTHER_DIRECTOR, "Test", "Director DHS", "pw", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("DHS"));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void anRfiServesTheQsmoItNamesWhichMustBeDesignatedAndTheIssuingAgencys() {
    ProcessInstance byDefault = scenario.draft(false);
    assertThat(scenario.rfi(byDefault).designationId).isEqualTo(GRANTS_QSMO);

    Map<String, Object> named = new HashMap<>(scenario.planForm(false));
    named.put("designationId", "dsg-2021-0001");
    assertThat(scenario.rfi(start(named)).designationId).isEqualTo(GRANTS_QSMO);

    String dhs = TestDesignations.designated(jdbc, "CYBER", "DHS", null);
    Map<String, Object> otherAgencys = new HashMap<>(scenario.planForm(false));
    otherAgencys.put("designationId", dhs);
    assertThatThrownBy(() -> start(otherAgencys)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(dhs + " is the QSMO of DHS, not of the issuing agency HHS");
    String old = TestDesignations.designated(jdbc, "ACQ", "HHS", null);
    TestDesignations.designated(jdbc, "ACQ", "GSA", old);
    Map<String, Object> superseded = new HashMap<>(scenario.planForm(false));
    superseded.put("designationId", old);
    assertThatThrownBy(() -> start(superseded)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining(old + " is SUPERSEDED; an RFI serves a designated QSMO");
  }

  @Test
  void afterTheFinalReportTheQsmosDirectorsChooseWhichRankedResponsesBecomeCandidateOfferings() {
    ProcessInstance rfi = completed("Acme Grants", "Civic Systems");
    String rfiId = rfi.getBusinessKey();
    List<RfiRanking.Ranked> ranking = candidates.topRanked(rfiId);
    assertThat(ranking).hasSize(2);

    CandidateDecision decision = candidates.require(rfiId);
    assertThat(decision.getDesignationId()).isEqualTo(GRANTS_QSMO);
    assertThat(decision.getStatus()).isEqualTo(CandidateDecision.Status.PENDING);
    Task task = taskService.createTaskQuery().processInstanceId(decision.getProcessInstanceId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(CandidatesProcess.Elements.TASK_DECIDE_CANDIDATES);
    assertThat(task.getName()).contains(rfiId).contains(GRANTS_QSMO);
    assertThat(taskService.getVariableLocal(task.getId(), CandidatesProcess.TaskDisplay.RANKING).toString())
        .contains(ranking.get(0).responseId()).contains("Acme Grants").contains("Civic Systems");
    assertThat(taskService.getVariableLocal(task.getId(), CandidatesProcess.TaskDisplay.FACTS).toString())
        .contains("/api/rfis/" + rfiId + "/report.pdf")
        .as("the QSMO in words, not an agency code").contains("Grants management").contains(GRANTS_QSMO);

    // Another agency's director is no candidate of the task; an id outside the ranking refuses the whole decision.
    assertThatThrownBy(() -> completeAs(OTHER_DIRECTOR, List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("DHS")),
        task, Map.of("candidateResponses", ranking.get(0).responseId())))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> completeAs(DIRECTOR, List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS")), task,
        Map.of("candidateResponses", ranking.get(0).responseId() + "\nRSP-1999-0001-001")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("'RSP-1999-0001-001' is not a ranked");
    assertThat(candidates.candidatesOf(rfiId)).isEmpty();

    String best = ranking.get(0).responseId();
    completeAs(DIRECTOR, List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS")), task,
        Map.of("candidateResponses", best.toLowerCase(), "candidateNote", "Pilot with two agencies first."));

    assertThat(candidates.require(rfiId).getStatus()).isEqualTo(CandidateDecision.Status.DECIDED);
    assertThat(candidates.require(rfiId).getCandidates()).isEqualTo(1);
    assertThat(candidates.require(rfiId).getDecidedBy()).isEqualTo(DIRECTOR);
    assertThat(candidates.candidatesOf(rfiId)).singleElement().satisfies(offering -> {
      assertThat(offering.getDesignationId()).isEqualTo(GRANTS_QSMO);
      assertThat(offering.getSource()).isEqualTo(Offering.Source.RFI);
      assertThat(offering.getResponseId()).isEqualTo(best);
      assertThat(offering.getStatus()).isEqualTo(Offering.Status.PLANNED);
      assertThat(offering.getProvider()).isEqualTo(ranking.get(0).organization());
      assertThat(offering.getDescription()).contains("ranked 1 of 2").contains("Pilot with two agencies first.");
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(decision.getProcessInstanceId()).count())
        .isZero();
    assertThatThrownBy(() -> candidates.decide(rfiId, null, null, gov.qsmo.workflow.process.Caller.SYSTEM))
        .hasMessageContaining("were decided by " + DIRECTOR)
        .as("when, in the office's time and in words").hasMessageMatching(".* on [A-Z][a-z]{2} \\d{1,2}, \\d{4}, "
            + "\\d{1,2}:\\d{2} [AP]M E[SD]T\\.");
  }

  @Test
  void anRfiWhoseQsmoWasRedesignatedFeedsItsSuccessorsMarketplace() {
    String served = TestDesignations.designated(jdbc, "ACQ", "HHS", null);
    Map<String, Object> form = new HashMap<>(scenario.planForm(false));
    form.put("designationId", served);
    ProcessInstance rfi = scenario.approved(start(form));
    String successor = TestDesignations.designated(jdbc, "ACQ", "GSA", served);

    completed(rfi, "Acme Grants", "Civic Systems");

    CandidateDecision decision = candidates.require(rfi.getBusinessKey());
    assertThat(decision.getDesignationId()).isEqualTo(successor);
    Task task = taskService.createTaskQuery().processInstanceId(decision.getProcessInstanceId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId())
        .contains(Roles.directorsOf("GSA"));
  }

  @Test
  void whenTheQsmoIsRescindedItsPendingDecisionEndsAndItsOfferingsAreRetired() {
    String served = TestDesignations.designated(jdbc, "ACQ", "HHS", null);
    Map<String, Object> form = new HashMap<>(scenario.planForm(false));
    form.put("designationId", served);
    ProcessInstance rfi = completed(scenario.approved(start(form)), "Acme Grants");
    CandidateDecision pending = candidates.require(rfi.getBusinessKey());
    Offering offering = marketplace.add(served, new gov.qsmo.workflow.marketplace.OfferingInput("Grants help desk",
        null, gov.qsmo.workflow.designation.ServiceOffering.ProviderType.FEDERAL, "HHS", "IAA",
        Offering.Status.AVAILABLE, java.util.Set.of()), new gov.qsmo.workflow.process.Caller(DIRECTOR,
        java.util.Set.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"))));

    designations.rescind(served, "No customers left.", "test.omb");

    assertThat(candidates.require(rfi.getBusinessKey()).getStatus()).isEqualTo(CandidateDecision.Status.CANCELLED);
    assertThatThrownBy(() -> candidates.decide(rfi.getBusinessKey(), null, null,
        gov.qsmo.workflow.process.Caller.SYSTEM)).as("a late decision is told why there is none to make")
        .hasMessageContaining("was cancelled on").hasMessageNotContaining("null");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pending.getProcessInstanceId()).count())
        .isZero();
    assertThat(marketplace.require(offering.getId()).getStatus()).isEqualTo(Offering.Status.RETIRED);
    assertThat(marketplace.changes(offering.getId(), 0, 10)).extracting(c -> c.getSummary())
        .anySatisfy(summary -> assertThat(summary).contains("The QSMO was rescinded: No customers left."));
  }

  // ---------------------------------------------------------------- set-up

  private ProcessInstance start(Map<String, Object> form) {
    return scenario.as(DIRECTOR, () -> runtimeService.startProcessInstanceByKey(RfiProcess.KEY, form));
  }

  /** An RFI with these responses, scored by three reviewers, its consensus recorded and its report approved. */
  private ProcessInstance completed(String... organizations) {
    return completed(scenario.open(false), organizations);
  }

  /** This open RFI: these responses, scored by three reviewers, its consensus recorded and its report approved. */
  private ProcessInstance completed(ProcessInstance open, String... organizations) {
    ProcessInstance instance = scenario.withPanel(open, REVIEWERS.subList(0, 3), null, organizations);
    scenario.attestAll(instance, Map.of());
    int rating = 5;
    for (Task task : scenario.tasks(instance, RfiProcess.Elements.TASK_SCORE_RESPONSE)) {
      scenario.score(task, 3, 3, 3);
    }
    scenario.runJobs(instance);
    for (Task consensus : scenario.tasks(instance, RfiProcess.Elements.TASK_HOLD_CONSENSUS)) {
      Map<String, Object> form = new HashMap<>();
      for (int c = 1; c <= 3; c++) {
        form.put("consensusRating" + c, rating);
      }
      rating--;
      scenario.as(CHAIR, () -> {
        taskService.complete(consensus.getId(), form);
        return null;
      });
      scenario.runJobs(instance);
    }
    scenario.complete(instance, RfiProcess.Elements.TASK_APPROVE_REPORT, DIRECTOR,
        Map.of("reportDecision", "APPROVE"));
    scenario.runJobs(instance);
    assertThat(scenario.rfi(instance).status).isEqualTo(RfiStatus.COMPLETED);
    return instance;
  }

  private void completeAs(String user, List<String> groups, Task task, Map<String, Object> values) {
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(task.getId(), new HashMap<>(values));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
