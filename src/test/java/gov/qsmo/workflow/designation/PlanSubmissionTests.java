package gov.qsmo.workflow.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.shared.ConflictException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A plan version submitted through the API while a director is working on the plan task in Tasklist. */
@ProcessEngineTest
class PlanSubmissionTests {

  static final String FIRST = "test.director.hhs1";
  static final String SECOND = "test.director.hhs2";
  static final List<String> HHS_DIRECTORS = List.of(Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"));

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  DesignationService designations;
  @Autowired
  PlanSubmissionService planSubmission;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(FIRST, "Test", "HHS director", "pw", HHS_DIRECTORS.toArray(String[]::new));
    identitySetup.ensureUser(SECOND, "Test", "HHS director", "pw", HHS_DIRECTORS.toArray(String[]::new));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void aPlanTaskClaimedByAnotherDirectorIsLeftToThemAndItsClaimantSubmitsAsThemselves() {
    ProcessInstance instance = preDesignated();
    String taskId = task(instance).getId();
    taskService.claim(taskId, FIRST);
    Map<PlanSection, String> plan = Map.of(PlanSection.SERVICE_OFFERINGS, DesignationProcessTests.OFFERING,
        PlanSection.ACQUISITION_STRATEGY, "GSA schedule.", PlanSection.GOVERNANCE, "Customer council.",
        PlanSection.FINANCIAL_INFRASTRUCTURE, "Fee for service.", PlanSection.ORGANIZATION, "Program office.");

    assertThatThrownBy(() -> planSubmission.submit(instance.getBusinessKey(), plan, SECOND, HHS_DIRECTORS))
        .isInstanceOf(ConflictException.class)
        .hasMessage("The plan of designation " + instance.getBusinessKey() + " is claimed by " + FIRST
            + " in Tasklist; they submit it there or unclaim it first.");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(FIRST);
    assertThat(designations.planVersions(instance.getBusinessKey())).isEmpty();

    PlanSubmissionService.Result result = planSubmission.submit(instance.getBusinessKey(), plan, FIRST, HHS_DIRECTORS);

    assertThat(result.complete()).isTrue();
    assertThat(result.plan().getSubmittedBy()).isEqualTo(FIRST);
    assertThat(result.plan().serviceOfferings()).hasSize(1);
    assertThat(identityService.getCurrentAuthentication()).as("the caller's Camunda authentication is undone")
        .isNull();
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
}
