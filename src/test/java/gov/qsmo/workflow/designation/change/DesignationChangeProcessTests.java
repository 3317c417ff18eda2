package gov.qsmo.workflow.designation.change;

import static gov.qsmo.workflow.designation.change.TransitionProcess.Elements.END_TRANSITION_CLOSED;
import static gov.qsmo.workflow.designation.change.TransitionProcess.Elements.TASK_CLOSE_TRANSITION;
import static gov.qsmo.workflow.designation.change.TransitionProcess.Elements.TASK_REPORT_MILESTONES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.calendar.TestDates;
import gov.qsmo.workflow.designation.DesignationEvent;
import gov.qsmo.workflow.designation.DesignationService;
import gov.qsmo.workflow.designation.DesignationStatus;
import gov.qsmo.workflow.designation.ScopeVersion;
import gov.qsmo.workflow.designation.TestDesignations;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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
 * OMB's changes of a designation through the start form (a scope amendment as a new version, a redesignation) and
 * the transition after a redesignation: milestones reported over several reports, one that stays reached, OMB sending
 * it back and closing it.
 */
@ProcessEngineTest
class DesignationChangeProcessTests {

  static final String OMB = "test.change.omb";
  static final String SUCCESSOR_DIRECTOR = "test.change.director.opm";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  FormService formService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  DesignationService designations;
  @Autowired
  TransitionService transitions;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(OMB, "Test", "OMB", "pw", Roles.OMB_DECIDERS);
    identitySetup.ensureUser(SUCCESSOR_DIRECTOR, "Test", "Director OPM", "pw", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("OPM"));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void ombAmendsADesignatedScopeAsANewVersionWithItsReason() {
    String designation = designated("GSA", null);

    ProcessInstance change = startChange(Map.of("designationId", designation.toLowerCase(), "change", "AMEND_SCOPE",
        "newScope", "HR transaction services and HR IT modernization.", "reason", "The board's annual review."));

    assertThat(change).isEnded();
    assertThat(change.getBusinessKey()).isEqualTo(designation);
    assertThat(designations.require(designation).getDesignatedScope())
        .isEqualTo("HR transaction services and HR IT modernization.");
    List<ScopeVersion> versions = designations.scopeVersions(designation);
    assertThat(versions).extracting(ScopeVersion::getVersion).containsExactly(1, 2);
    assertThat(versions.get(1).getReason()).isEqualTo("The board's annual review.");
    assertThat(versions.get(1).getChangedBy()).isEqualTo(OMB);
    assertThat(designations.history(designation)).extracting(DesignationEvent::getAction).endsWith("SCOPE_AMENDED");
  }

  @Test
  void aChangeIsRefusedWithWhatToFixAndChangesNothing() {
    String designation = designated("GSA", null);
    String scope = designations.require(designation).getDesignatedScope();

    assertThatThrownBy(() -> startChange(Map.of("designationId", "DSG-NONE", "change", "AMEND_SCOPE",
        "newScope", "x", "reason", "y"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'DSG-NONE' is no designated QSMO; the designated ones: DSG-");
    assertThatThrownBy(() -> startChange(Map.of("designationId", designation, "change", "AMEND_SCOPE",
        "newScope", scope, "reason", "y"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("the one in force");
    assertThatThrownBy(() -> startChange(Map.of("designationId", designation, "change", "AMEND_SCOPE",
        "newScope", "Other."))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("reason for the amendment");
    assertThatThrownBy(() -> startChange(Map.of("designationId", designation, "change", "REDESIGNATE",
        "successorAgencyCode", "GSA", "planDueDate", TestDates.businessDay(LocalDate.now().plusMonths(2)).toString(),
        "reason", "y"))).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("another agency");
    assertThatThrownBy(() -> startChange(Map.of("designationId", designation, "change", "REDESIGNATE",
        "successorAgencyCode", "OPM", "reason", "y"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("submits a plan");

    assertThat(designations.scopeVersions(designation)).hasSize(1);
    assertThat(designations.require(designation).getDesignatedScope()).isEqualTo(scope);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(designation).count()).isZero();
  }

  @Test
  void ombRedesignatesThroughTheFormAndTheSuccessorOwesAPlan() {
    String designation = designated("GSA", null);

    startChange(Map.of("designationId", designation, "change", "REDESIGNATE", "successorAgencyCode", "OPM",
        "planDueDate", TestDates.businessDay(LocalDate.now().plusMonths(2)).toString(),
        "reason", "OPM is better placed to run HR services."));

    assertThat(designations.history(designation)).extracting(DesignationEvent::getAction)
        .endsWith("REDESIGNATION_ORDERED");
    String successor = jdbc.queryForObject("select id from qsmo.designation where supersedes_id = ?", String.class,
        designation);
    assertThat(designations.require(successor).getStatus()).isEqualTo(DesignationStatus.PRE_DESIGNATED);
    assertThat(designations.require(successor).getAgencyCode()).isEqualTo("OPM");
    // While the successor's plan is under way, the old designation's scope stays as it is.
    assertThatThrownBy(() -> startChange(Map.of("designationId", designation, "change", "AMEND_SCOPE",
        "newScope", "Other.", "reason", "y"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("redesignation of " + designation + " is under way");
  }

  @Test
  void theSuccessorsDirectorsReportMilestonesUntilOmbClosesTheTransition() {
    String from = designated("GSA", null);
    String to = designated("OPM", from);
    Transition transition = transitions.start(from, to, OMB);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(transition.getProcessInstanceId()).singleResult();
    assertThat(instance).isWaitingAt(TASK_REPORT_MILESTONES);
    assertThat(task(instance)).hasCandidateGroup(Roles.directorsOf("OPM"));
    assertThat(task(instance).getName())
        .isEqualTo("Report transition milestones: Civilian HR transaction services, GSA to OPM (" + to + ")");

    completeAs(SUCCESSOR_DIRECTOR, instance, Map.of("servicesMigrated", true, "agenciesMoved", false,
        "offeringsRetired", false, "transitionNote", "Payroll moved in March."));
    assertThat(instance).isWaitingAt(TASK_REPORT_MILESTONES);
    assertThat(runtimeService.getVariable(instance.getId(), "servicesMigrated")).as("a reached milestone stays ticked")
        .isEqualTo(true);
    assertThat(taskService.getVariableLocal(task(instance).getId(), "milestones").toString())
        .contains("\"milestone\":\"Customer agencies moved\",\"reached\":\"not yet\"");

    assertThatThrownBy(() -> completeAs(SUCCESSOR_DIRECTOR, instance, Map.of("servicesMigrated", false)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("stays reached");
    assertThatThrownBy(() -> completeAs(SUCCESSOR_DIRECTOR, instance, Map.of("servicesMigrated", true)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Tick the milestones reached");

    completeAs(SUCCESSOR_DIRECTOR, instance, Map.of("servicesMigrated", true, "agenciesMoved", true,
        "offeringsRetired", true));
    assertThat(instance).isWaitingAt(TASK_CLOSE_TRANSITION);
    assertThat(task(instance)).hasCandidateGroup(Roles.OMB_DECIDERS);

    assertThatThrownBy(() -> completeAs(OMB, instance, Map.of("closure", "REOPEN")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Give the reason");
    completeAs(OMB, instance, Map.of("closure", "REOPEN", "closureReason", "Two agencies still pay GSA."));
    assertThat(instance).isWaitingAt(TASK_REPORT_MILESTONES);
    completeAs(SUCCESSOR_DIRECTOR, instance, Map.of("transitionNote", "Both agencies now pay OPM."));
    completeAs(OMB, instance, Map.of("closure", "CLOSE"));

    assertThat(instance).isEnded().hasPassed(END_TRANSITION_CLOSED);
    Transition closed = transitions.require(transition.getId());
    assertThat(closed.getClosedBy()).isEqualTo(OMB);
    assertThat(closed.allReached()).isTrue();
    for (String designation : List.of(from, to)) {
      assertThat(designations.history(designation)).extracting(DesignationEvent::getAction).endsWith(
          "TRANSITION_STARTED", "TRANSITION_MILESTONES", "TRANSITION_MILESTONES", "TRANSITION_REOPEN",
          "TRANSITION_MILESTONES", "TRANSITION_CLOSE");
    }
    assertThatThrownBy(() -> transitions.reportMilestones(transition.getId(), Map.of(), "Late.", SUCCESSOR_DIRECTOR))
        .hasMessageContaining("was closed on");
  }

  @Test
  void theOldQsmosOfferingsAreRetiredBeforeThatMilestoneIsReached() {
    String from = designated("GSA", null);
    jdbc.update("""
        insert into qsmo.marketplace_offering (designation_id, name, provider_type, provider, contract_vehicle, status,
            source, version, created_by, created_at, updated_by, updated_at)
        values (?, 'Payroll processing', 'FEDERAL', 'GSA', 'Interagency agreement', 'AVAILABLE', 'DIRECTOR', 0,
            'test', now(), 'test', now())""", from);
    String to = designated("OPM", from);
    Transition transition = transitions.start(from, to, OMB);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(transition.getProcessInstanceId()).singleResult();

    assertThatThrownBy(() -> completeAs(SUCCESSOR_DIRECTOR, instance, Map.of("offeringsRetired", true)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("The marketplace of " + from + " still has 1 offering not retired");
    jdbc.update("update qsmo.marketplace_offering set status = 'RETIRED' where designation_id = ?", from);
    completeAs(SUCCESSOR_DIRECTOR, instance, Map.of("offeringsRetired", true));

    assertThat(transitions.require(transition.getId()).reachedAt(Transition.Milestone.OFFERINGS_RETIRED)).isNotNull();
  }

  @Test
  void aTransitionStartsOnlyFromAnActualSuccessor() {
    String from = designated("GSA", null);
    String other = designated("OPM", null);

    assertThatThrownBy(() -> transitions.start(from, other, OMB)).hasMessageContaining("a transition starts when the "
        + "successor of " + from + " is designated");
  }

  // ---------------------------------------------------------------- set-up

  /** A designated HR QSMO of this agency (scope version 1), superseding {@code supersedes} when given. */
  private String designated(String agency, String supersedes) {
    return TestDesignations.designated(jdbc, "HR", agency, supersedes);
  }

  private ProcessInstance startChange(Map<String, Object> values) {
    String definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(DesignationChangeProcess.KEY).latestVersion().singleResult().getId();
    identityService.setAuthentication(OMB, List.of(Roles.OMB_DECIDERS));
    try {
      return formService.submitStartForm(definition, new HashMap<>(values));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private void completeAs(String user, ProcessInstance instance, Map<String, Object> values) {
    TestDesignations.completeAs(identityService, taskService, user, task(instance).getId(), values);
  }

}
