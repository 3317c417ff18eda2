package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_REVIEW_PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.designation.ServiceOffering.ProviderType;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan's proposed service offerings, one per line of the form: stored as rows of the plan version,
 * shown to the board as a table, and a line that is no offering refused with its number.
 */
@ProcessEngineTest
class ServiceOfferingsProcessTests {

  static final String MEMBER = "test.board.offerings";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  DesignationService designations;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(MEMBER, "Test", "Board (DHS)", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("DHS"));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aStructuredPlanStoresOneRowPerOfferingAndShowsThemToReviewersAsATable() {
    ProcessInstance instance = preDesignated();

    complete(task(instance), plan("""
          Grants management system |  FEDERAL | HHS GrantSolutions | Interagency agreement

        Commercial grants SaaS | commercial | Schedule vendors | GSA MAS special item number  \s
        """));

    PlanVersion version = designations.latestPlan(instance.getBusinessKey()).orElseThrow();
    assertThat(version.serviceOfferings()).containsExactly(
        new ServiceOffering("Grants management system", ProviderType.FEDERAL, "HHS GrantSolutions",
            "Interagency agreement"),
        new ServiceOffering("Commercial grants SaaS", ProviderType.COMMERCIAL, "Schedule vendors",
            "GSA MAS special item number"));
    assertThat(jdbc.queryForList("select position, name, provider_type, provider, contract_vehicle "
        + "from qsmo.plan_service_offering where plan_version_id = ? order by position", version.getId()))
        .containsExactly(
            Map.of("position", 1, "name", "Grants management system", "provider_type", "FEDERAL",
                "provider", "HHS GrantSolutions", "contract_vehicle", "Interagency agreement"),
            Map.of("position", 2, "name", "Commercial grants SaaS", "provider_type", "COMMERCIAL",
                "provider", "Schedule vendors", "contract_vehicle", "GSA MAS special item number"));
    // The section's text stays as written (trimmed) for the completeness check and version comparison.
    assertThat(version.sections().get(PlanSection.SERVICE_OFFERINGS))
        .startsWith("Grants management system |  FEDERAL |").endsWith("GSA MAS special item number");

    runAsyncContinuations(instance);
    assertThat(instance).isWaitingAt(TASK_REVIEW_PLAN);
    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).taskAssignee(MEMBER)
        .singleResult();
    assertThat(taskService.getVariableLocal(review.getId(), "planServiceOfferings")).isEqualTo("""
        | # | Offering | Provider type | Provider | Contract vehicle |
        |---|---|---|---|---|
        | 1 | Grants management system | Federal | HHS GrantSolutions | Interagency agreement |
        | 2 | Commercial grants SaaS | Commercial | Schedule vendors | GSA MAS special item number |""");
    assertThat(taskService.getVariableLocal(review.getId(), "planGovernance")).isEqualTo("Customer council.");
  }

  @Test
  void aLineThatIsNoOfferingIsRefusedWithItsNumberAndNothingIsStored() {
    ProcessInstance instance = preDesignated();
    Task task = task(instance);

    assertThatThrownBy(() -> taskService.complete(task.getId(), plan("""
        Grants management system | federal | HHS GrantSolutions | Interagency agreement

        Commercial grants SaaS | commercial | Schedule vendors""")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage("Proposed service offerings, line 3 has 3 parts separated by '|'; write four: "
            + "name | federal or commercial | provider | contract vehicle.")
        .satisfies(e -> assertThat(((FormFieldValidationException) e).<String>getDetail())
            .isEqualTo("serviceOfferings"));
    assertThatThrownBy(() -> taskService.complete(task.getId(), plan(
        "Grants management system | state | HHS GrantSolutions | Interagency agreement")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage("Proposed service offerings, line 1: the provider type 'state' must be federal or commercial.");
    assertThatThrownBy(() -> taskService.complete(task.getId(), plan(
        "Two federal providers and a commercial one.")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("line 1 is not an offering: write it as name | federal or commercial | provider");
    assertThatThrownBy(() -> taskService.complete(task.getId(), plan(
        "Grants system | federal |  | Interagency agreement")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("line 1: the provider is missing");

    assertThat(instance).isWaitingAt(TASK_PREPARE_MARKETPLACE_PLAN);
    assertThat(designations.planVersions(instance.getBusinessKey())).isEmpty();
    assertThat(designations.require(instance.getBusinessKey()).getStatus())
        .isEqualTo(DesignationStatus.PRE_DESIGNATED);
  }

  @Test
  void aPlanWithoutOfferingsHasNoRowsAndGoesBackForTheMissingSection() {
    ProcessInstance instance = preDesignated();
    complete(task(instance), plan("  "));

    assertThat(instance).isWaitingAt(TASK_PREPARE_MARKETPLACE_PLAN);
    PlanVersion version = designations.latestPlan(instance.getBusinessKey()).orElseThrow();
    assertThat(version.serviceOfferings()).isEmpty();
    assertThat(taskService.getVariableLocal(task(instance).getId(), "missingSectionsText"))
        .isEqualTo("Proposed service offerings");
  }

  /** A plan with every required section; the offerings as the form's textarea holds them. */
  private static Map<String, Object> plan(String offerings) {
    return PlanBuilder.complete().offerings(offerings).build();
  }

  private ProcessInstance preDesignated() {
    identityService.setAuthentication("test.analyst", List.of(Roles.OMB_ANALYSTS));
    ProcessInstance instance;
    try {
      instance = runtimeService.startProcessInstanceByKey(DesignationProcess.KEY, Map.of(
          "functionalAreaCode", "GRANTS", "agencyCode", "HHS", "scope", "Grants management.",
          "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()));
    } finally {
      identityService.clearAuthentication();
    }
    complete(task(instance), Map.of("decision", "PRE_DESIGNATE"));
    return instance;
  }

  /** Runs the due asynchronous continuations (the round's opening), as the job executor would. */
  private void runAsyncContinuations(ProcessInstance instance) {
    managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }
}
