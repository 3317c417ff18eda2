package gov.qsmo.workflow.designation;

import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_DECIDE_DESIGNATION;
import static gov.qsmo.workflow.designation.DesignationProcess.Elements.TASK_REVIEW_PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.documents.AccessiblePdf;
import gov.qsmo.workflow.rfi.report.PdfConformance;
import gov.qsmo.workflow.shared.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * OMB's decision package: a designation taken to *Decide designation* (HHS's plan, the HHS member
 * recused, an endorsement with conditions), its package read through the API as OMB and refused to
 * another agency's director, validated with veraPDF, and linked from the task. The board members are
 * those of {@link BoardReviewProcessTests} (the same ids): rosters are built from every board member
 * in the shared engine, so these tests must not add others.
 */
@ProcessEngineTest
class DecisionPackageTests {

  static final String GSA = "test.board.gsa";
  static final String DHS = "test.board.dhs";
  static final String TREAS = "test.board.treas";
  static final String HHS = "test.board.hhs";
  static final String ORGANIZATION = "Program office led by Nguyễn Thị Minh Khai with Trần Văn Đức, Łukasz Żółć, "
      + "Antonín Dvořák, Γιώργος Παπαδόπουλος and Анна Иванова; liaison 张伟.";

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
  DesignationController controller;

  @BeforeEach
  void setUp() {
    init(engine);
    identitySetup.ensureUser(GSA, "Test", "GSA", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("GSA"));
    identitySetup.ensureUser(DHS, "Test", "DHS", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("DHS"));
    identitySetup.ensureUser(TREAS, "Test", "Treasury", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("TREAS"));
    identitySetup.ensureUser(HHS, "Test", "HHS", "pw", Roles.SSGB_MEMBERS, Roles.agencyGroup("HHS"));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void ombReadsTheWholeRecordInAnAccessibleArchivalPdfLinkedFromItsTaskAndAnotherAgencyCannot() throws Exception {
    ProcessInstance instance = atDecision();
    String id = instance.getBusinessKey();
    Task decide = task(instance);
    assertThat(taskService.getVariableLocal(decide.getId(), "decisionPackageLink").toString())
        .contains("(/api/designations/" + id + "/decision-package.pdf)");

    ResponseEntity<byte[]> response = controller.decisionPackage(id, caller("test.omb", Roles.OMB_DECIDERS));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
    byte[] pdf = response.getBody();
    Files.createDirectories(Path.of("target/reports"));
    Files.write(Path.of("target/reports/decision-package.pdf"), pdf);

    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("Decision package", id, "Marketplace Implementation Plan", "Version 1",
        "Grants system", "HHS GrantSolutions", "GSA schedule.", "Customer council.",
        "Nguyễn Thị Minh Khai", "Trần Văn Đức", "Łukasz Żółć", "Antonín Dvořák", "Γιώργος Παπαδόπουλος",
        "Анна Иванова", "liaison \uFFFD\uFFFD.",
        HHS, "Recused", GSA, DHS, TREAS, "Endorse with conditions", "Publish service-level data quarterly.",
        "Comment from " + DHS, "Migrate two legacy providers by 2028.", "Strong plan; data transparency",
        "History of the designation", AccessiblePdf.MISSING_CHARACTERS, "U+5F20 CJK UNIFIED IDEOGRAPHS 5F20");
    assertThat(PdfConformance.failedRules(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
    assertThat(PdfConformance.failedRules(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();

    assertThatThrownBy(() -> controller.decisionPackage(id, caller("test.director.dhs", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("DHS")))).isInstanceOf(NotFoundException.class);
    assertThat(controller.decisionPackage(id, caller("test.director.hhs", Roles.QSMO_DIRECTORS,
        Roles.directorsOf("HHS"))).getStatusCode().value()).isEqualTo(200);
    assertThat(controller.decisionPackage(id, caller("test.auditor", Roles.AUDITORS)).getStatusCode().value())
        .isEqualTo(200);
  }

  private static Authentication caller(String user, String... groups) {
    TestingAuthenticationToken token = new TestingAuthenticationToken(user, "pw", groups);
    token.setAuthenticated(true);
    return token;
  }

  /** HHS's grants designation, endorsed with conditions by the board, waiting for OMB's decision. */
  private ProcessInstance atDecision() {
    identityService.setAuthentication("test.analyst", List.of(Roles.OMB_ANALYSTS));
    ProcessInstance instance;
    try {
      instance = runtimeService.startProcessInstanceByKey(DesignationProcess.KEY, Map.of(
          "functionalAreaCode", "GRANTS", "agencyCode", "HHS", "scope", "Grants management.",
          "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString()));
    } finally {
      identityService.clearAuthentication();
    }
    complete(task(instance), withVariables("decision", "PRE_DESIGNATE"));
    complete(task(instance), withVariables("serviceOfferings", DesignationProcessTests.OFFERING,
        "acquisitionStrategy", "GSA schedule.", "governance", "Customer council.",
        "financialInfrastructure", "Fee for service.", "organization", ORGANIZATION));
    runAsyncContinuations(instance);
    vote(instance, GSA, "ENDORSE", null);
    vote(instance, DHS, "ENDORSE_WITH_CONDITIONS", "Publish service-level data quarterly.");
    vote(instance, TREAS, "ENDORSE", null);
    runAsyncContinuations(instance);
    complete(task(instance), withVariables("boardDecision", "ENDORSE_WITH_CONDITIONS",
        "boardConditions", "Publish service-level data quarterly.\nMigrate two legacy providers by 2028.",
        "consolidatedComments", "Strong plan; data transparency is the board's concern."));
    assertThat(instance).isWaitingAt(TASK_DECIDE_DESIGNATION);
    return instance;
  }

  private void vote(ProcessInstance instance, String member, String recommendation, String conditions) {
    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_REVIEW_PLAN)
        .taskAssignee(member).singleResult();
    Map<String, Object> values = new HashMap<>();
    values.put("recommendation", recommendation);
    values.put("governanceComment", "Comment from " + member);
    if (conditions != null) {
      values.put("proposedConditions", conditions);
    }
    identityService.setAuthentication(member, List.of(Roles.SSGB_MEMBERS));
    try {
      taskService.complete(review.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void runAsyncContinuations(ProcessInstance instance) {
    List<Job> due;
    while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list())
        .isEmpty()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
