package gov.qsmo.workflow.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.reference.ReferenceData;
import gov.qsmo.workflow.rfi.RfiProcess;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import gov.qsmo.workflow.designation.condition.ConditionProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The conventions every model in bpmn/ and every form in forms/ keeps, so that each process opens in
 * Camunda Modeler and Cockpit, each task's form resolves, and each expression names a real bean.
 */
@ProcessEngineTest
class ModelConventionsTests {

  private static final Path BPMN = Path.of("bpmn");
  private static final Path FORMS = Path.of("forms");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  /** Type_Meaning, e.g. Task_ReviewPlan; the meaning starts with a capital and is no random suffix. */
  private static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Z][A-Za-z0-9]*");
  /** What Camunda Modeler generates: Activity_0x9f2ab, Gateway_1abc2de, Flow_0k3j2l1, StartEvent_1. */
  private static final Pattern MODELER_DEFAULT = Pattern.compile(".*_(\\d[a-z0-9]{2,7}|\\d+)");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ApplicationContext context;

  @Autowired
  ReferenceData referenceData;

  @Autowired
  RepositoryService repositoryService;

  @Test
  void everyProcessIdEqualsItsFileNameAndSetsHistoryTimeToLive() throws IOException {
    for (Path file : files(BPMN, ".bpmn")) {
      Collection<Process> processes = model(file).getModelElementsByType(Process.class);
      assertThat(processes).as(file + " holds one process").hasSize(1);
      Process process = processes.iterator().next();
      assertThat(process.getId()).as("process id in " + file).isEqualTo(baseName(file));
      assertThat(process.isExecutable()).as(file + " is executable").isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive in " + file).isNotBlank();
    }
  }

  @Test
  void everyDecisionIdEqualsItsFileNameAndSetsHistoryTimeToLive() throws IOException {
    for (Path file : files(BPMN, ".dmn")) {
      Collection<Decision> decisions = Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class);
      assertThat(decisions).as(file + " holds one decision").hasSize(1);
      Decision decision = decisions.iterator().next();
      assertThat(decision.getId()).as("decision id in " + file).isEqualTo(baseName(file));
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive in " + file).isNotBlank();
    }
  }

  @Test
  void everyElementIdIsMeaningfulNotAModelerDefault() throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path file : files(BPMN, ".bpmn")) {
      BpmnModelInstance model = model(file);
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        if (element instanceof Process || element.getId() == null || element.getId().endsWith("_di")) {
          continue;
        }
        String id = element.getId();
        if (!MEANINGFUL_ID.matcher(id).matches() || MODELER_DEFAULT.matcher(id).matches()) {
          bad.add(file.getFileName() + ": " + id);
        }
      }
    }
    assertThat(bad).as("element ids that are not Type_Meaning").isEmpty();
  }

  @Test
  void everyUserTaskAndStartEventHasADeployedCamundaFormWhoseIdMatches() throws IOException {
    Set<String> deployed = new HashSet<>();
    repositoryService.createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> deployed.addAll(repositoryService.getDeploymentResourceNames(definition.getDeploymentId())));
    Set<String> optionForms = new HashSet<>();
    context.getBeansOfType(gov.qsmo.workflow.reference.ReferenceUsage.class).values()
        .forEach(usage -> usage.selects().forEach(select -> optionForms.add(select.formId())));
    List<String> problems = new ArrayList<>();
    for (Path file : files(BPMN, ".bpmn")) {
      BpmnModelInstance model = model(file);
      List<FlowNode> withForms = new ArrayList<>(model.getModelElementsByType(UserTask.class));
      // A process that only a call activity starts (not startable in Tasklist) has no start form.
      boolean startable = model.getModelElementsByType(Process.class).stream()
          .allMatch(Process::isCamundaStartableInTasklist);
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(start -> start.getEventDefinitions().isEmpty())
          .filter(start -> startable)
          .forEach(withForms::add);
      for (FlowNode node : withForms) {
        String ref = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
        String binding = node.getAttributeValueNs(CAMUNDA_NS, "formRefBinding");
        String where = file.getFileName() + "#" + node.getId();
        if (ref == null) {
          problems.add(where + " has no camunda:formRef");
          continue;
        }
        // A start form whose selects offer the reference data is deployed again when the data change, so it
        // binds the latest form; every other form binds the one deployed with its process.
        String expected = optionForms.contains(ref) && node instanceof StartEvent ? "latest" : "deployment";
        if (!expected.equals(binding)) {
          problems.add(where + " binds its form '" + binding + "', not '" + expected + "'");
        }
        Path form = FORMS.resolve(ref + ".form");
        if (!Files.exists(form)) {
          problems.add(where + " refers to a missing form " + form);
        } else if (!ref.equals(JSON.readTree(form.toFile()).path("id").asText())) {
          problems.add(form + " has an id other than " + ref);
        }
        // Spring's auto-deployment names a resource by its absolute path (classes folder) or file name (jar).
        if (deployed.stream().noneMatch(name -> name.equals(ref + ".form") || name.endsWith("/forms/" + ref + ".form"))) {
          problems.add(where + ": forms/" + ref + ".form is not in the process's deployment");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDelegateExpressionNamesAnExistingBean() throws IOException {
    List<String> problems = new ArrayList<>();
    int expressions = 0;
    for (Path file : files(BPMN, ".bpmn")) {
      for (DomElement element : allElements(model(file).getDocument().getRootElement())) {
        String expression = element.getAttribute("delegateExpression");
        if (expression == null) {
          continue;
        }
        expressions++;
        Matcher matcher = BEAN_EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
          problems.add(file.getFileName() + ": '" + expression + "' is not ${beanName}");
        } else if (!context.containsBean(matcher.group(1))) {
          problems.add(file.getFileName() + ": no bean named '" + matcher.group(1) + "'");
        }
      }
      assertThat(Files.readString(file)).as(file + " uses camunda:class").doesNotContain("camunda:class=");
    }
    assertThat(expressions).as("delegate expressions found").isPositive();
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFlowNodeAndSequenceFlowHasDiagramInformation() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : files(BPMN, ".bpmn")) {
      BpmnModelInstance model = model(file);
      Set<String> shapes = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
      Set<String> edges = new HashSet<>();
      model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
      model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).filter(id -> !shapes.contains(id))
          .forEach(id -> missing.add(file.getFileName() + ": shape of " + id));
      model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
          .filter(id -> !edges.contains(id))
          .forEach(id -> missing.add(file.getFileName() + ": edge of " + id));
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyFlowLeavingADecisionIsNamedAfterItsCondition() throws IOException {
    List<String> unnamed = new ArrayList<>();
    for (Path file : files(BPMN, ".bpmn")) {
      for (ExclusiveGateway gateway : model(file).getModelElementsByType(ExclusiveGateway.class)) {
        if (gateway.getOutgoing().size() < 2) {
          continue;
        }
        assertThat(gateway.getName()).as("name of " + gateway.getId()).endsWith("?");
        gateway.getOutgoing().stream().filter(flow -> flow.getName() == null || flow.getName().isBlank())
            .forEach(flow -> unnamed.add(file.getFileName() + ": " + flow.getId()));
      }
    }
    assertThat(unnamed).isEmpty();
  }

  @Test
  void processConstantsNameElementsOfTheModel() throws Exception {
    assertConstantsInModel(DesignationProcess.KEY, DesignationProcess.Elements.class);
    assertConstantsInModel(RfiProcess.KEY, RfiProcess.Elements.class, RfiProcess.SCORING_BATCH_KEY,
        RfiProcess.SCORING_KEY, RfiProcess.CONSENSUS_BATCH_KEY);
    assertConstantsInModel(ConditionProcess.KEY, ConditionProcess.Elements.class);
    assertConstantsInModel(gov.qsmo.workflow.inventory.InventoryProcess.DATA_CALL_KEY,
        gov.qsmo.workflow.inventory.InventoryProcess.Elements.class,
        gov.qsmo.workflow.inventory.InventoryProcess.RESPONSE_KEY);
    assertConstantsInModel(gov.qsmo.workflow.marketplace.CandidatesProcess.KEY,
        gov.qsmo.workflow.marketplace.CandidatesProcess.Elements.class);
    assertConstantsInModel(gov.qsmo.workflow.designation.assessment.AssessmentProcess.KEY,
        gov.qsmo.workflow.designation.assessment.AssessmentProcess.Elements.class);
    assertConstantsInModel(gov.qsmo.workflow.designation.change.TransitionProcess.KEY,
        gov.qsmo.workflow.designation.change.TransitionProcess.Elements.class);
  }

  /**
   * An RFI calls batches of responses to score (ADR 0030) and to review by consensus (ADR 0034), a scoring batch
   * calls one scoring per response; none starts otherwise.
   */
  @Test
  void onlyACallActivityStartsABatchOrAResponseScoring() {
    for (String called : List.of(RfiProcess.SCORING_BATCH_KEY, RfiProcess.SCORING_KEY, RfiProcess.CONSENSUS_BATCH_KEY)) {
      Process process = model(BPMN.resolve(called + ".bpmn")).getModelElementById(called);
      assertThat(process.isCamundaStartableInTasklist()).as(called + " startable in Tasklist").isFalse();
    }
    assertThat(model(BPMN.resolve(RfiProcess.KEY + ".bpmn")).getModelElementsByType(
        org.camunda.bpm.model.bpmn.instance.CallActivity.class)).extracting(a -> a.getCalledElement())
        .containsExactly(RfiProcess.SCORING_BATCH_KEY, RfiProcess.CONSENSUS_BATCH_KEY);
    assertThat(model(BPMN.resolve(RfiProcess.SCORING_BATCH_KEY + ".bpmn")).getModelElementsByType(
        org.camunda.bpm.model.bpmn.instance.CallActivity.class)).extracting(a -> a.getCalledElement())
        .containsExactly(RfiProcess.SCORING_KEY);
  }

  /** Each constant names an element of one of these processes (a process and those it calls). */
  private static void assertConstantsInModel(String key, Class<?> constants, String... called) throws Exception {
    List<BpmnModelInstance> models = new ArrayList<>(List.of(model(BPMN.resolve(key + ".bpmn"))));
    for (String other : called) {
      models.add(model(BPMN.resolve(other + ".bpmn")));
    }
    int checked = 0;
    for (Field field : constants.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String id = (String) field.get(null);
        ModelElementInstance element = models.stream().map(m -> (ModelElementInstance) m.getModelElementById(id))
            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        assertThat(element).as("element " + id + " of " + constants.getName() + "." + field.getName()).isNotNull();
        checked++;
      }
    }
    assertThat(checked).as("constants checked in " + constants.getName()).isPositive();
  }

  /** Every form's keys as the server declares them, across the processes. */
  private static final java.util.Map<String, Set<String>> DECLARED_FORM_KEYS;

  static {
    java.util.Map<String, Set<String>> all = new java.util.HashMap<>(DesignationProcess.Forms.BY_FORM_ID);
    all.putAll(RfiProcess.Forms.BY_FORM_ID);
    all.putAll(gov.qsmo.workflow.reference.ReferenceDataProcess.Forms.BY_FORM_ID);
    all.putAll(ConditionProcess.Forms.BY_FORM_ID);
    all.putAll(gov.qsmo.workflow.designation.assessment.AssessmentProcess.Forms.BY_FORM_ID);
    all.putAll(gov.qsmo.workflow.marketplace.CandidatesProcess.Forms.BY_FORM_ID);
    all.putAll(gov.qsmo.workflow.inventory.InventoryProcess.Forms.BY_FORM_ID);
    all.putAll(gov.qsmo.workflow.designation.change.DesignationChangeProcess.Forms.BY_FORM_ID);
    all.putAll(gov.qsmo.workflow.marketplace.OfferingChangeProcess.Forms.BY_FORM_ID);
    DECLARED_FORM_KEYS = java.util.Map.copyOf(all);
  }

  @Test
  void everyFormHasItsFileNameAsIdAValidSchemaVersionAndUniqueKeys() throws IOException {
    for (Path file : files(FORMS, ".form")) {
      JsonNode form = JSON.readTree(file.toFile());
      assertThat(form.path("id").asText()).as("id of " + file).isEqualTo(baseName(file));
      assertThat(form.path("type").asText()).as("type of " + file).isEqualTo("default");
      assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of " + file).isBetween(1, 16);
      List<String> keys = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (JsonNode component : form.path("components")) {
        assertThat(component.path("id").asText()).as("component id in " + file).isNotBlank();
        assertThat(ids.add(component.path("id").asText())).as("unique id " + component.path("id") + " in " + file)
            .isTrue();
        if (component.has("key")) {
          keys.add(component.path("key").asText());
        }
      }
      assertThat(keys).as("keys of " + file).doesNotHaveDuplicates();
    }
  }

  @Test
  void theServerAcceptsExactlyTheKeysOfEachForm() throws IOException {
    for (Path file : files(FORMS, ".form")) {
      Set<String> keys = new HashSet<>();
      JSON.readTree(file.toFile()).path("components").forEach(c -> {
        if (c.has("key")) {
          keys.add(c.path("key").asText());
        }
      });
      assertThat(DECLARED_FORM_KEYS).as("declared keys of " + file).containsKey(baseName(file));
      assertThat(keys).as("keys of " + file).isEqualTo(DECLARED_FORM_KEYS.get(baseName(file)));
    }
  }

  @Test
  void deployedStartFormsOfferExactlyTheActiveAgenciesAndAreasOfTheReferenceTables() throws IOException {
    List<String> areas = referenceData.functionalAreas().stream().filter(a -> a.isActive()).map(a -> a.getCode()).toList();
    List<String> agencies = referenceData.agencies().stream().filter(a -> a.isActive()).map(a -> a.getCode()).toList();
    assertThat(agencies).as("the CFO Act agencies at least").hasSizeGreaterThanOrEqualTo(24);
    JsonNode form = deployedStartForm(DesignationProcess.KEY);
    assertThat(form.path("id").asText()).isEqualTo("request-designation");
    assertThat(optionValues(form, DesignationProcess.Variables.FUNCTIONAL_AREA_CODE)).containsExactlyInAnyOrderElementsOf(areas);
    assertThat(optionValues(form, DesignationProcess.Variables.AGENCY_CODE)).containsExactlyInAnyOrderElementsOf(agencies);
    JsonNode rfiForm = deployedStartForm(RfiProcess.KEY);
    assertThat(rfiForm.path("id").asText()).isEqualTo("draft-evaluation-plan");
    assertThat(optionValues(rfiForm, RfiProcess.Variables.AGENCY_CODE)).containsExactlyInAnyOrderElementsOf(agencies);
  }

  private JsonNode deployedStartForm(String processKey) throws IOException {
    String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult().getId();
    try (java.io.InputStream in = context.getBean(org.camunda.bpm.engine.FormService.class)
        .getDeployedStartForm(definitionId)) {
      return JSON.readTree(in);
    }
  }

  private static List<String> optionValues(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
      }
    }
    throw new AssertionError("no field with key " + key);
  }

  private static List<DomElement> allElements(DomElement root) {
    List<DomElement> all = new ArrayList<>();
    all.add(root);
    for (DomElement child : root.getChildElements()) {
      all.addAll(allElements(child));
    }
    return all;
  }

  private static BpmnModelInstance model(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  private static List<Path> files(Path directory, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(directory)) {
      List<Path> files = paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
      assertThat(files).as(suffix + " files in " + directory).isNotEmpty();
      return files;
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
