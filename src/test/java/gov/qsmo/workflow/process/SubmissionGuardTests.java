package gov.qsmo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.rfi.RfiProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the submission guard reads: the engine commands' fields and the deployed forms' fields. */
class SubmissionGuardTests {

  static Stream<Arguments> commandFields() {
    return Stream.of(
        Arguments.of(SubmitTaskFormCmd.class, "taskId", String.class),
        Arguments.of(SubmitTaskFormCmd.class, "properties", Map.class),
        Arguments.of(CompleteTaskCmd.class, "taskId", String.class),
        Arguments.of(CompleteTaskCmd.class, "variables", Map.class),
        Arguments.of(ResolveTaskCmd.class, "taskId", String.class),
        Arguments.of(ResolveTaskCmd.class, "variables", Map.class),
        Arguments.of(SubmitStartFormCmd.class, "processDefinitionId", String.class),
        Arguments.of(SubmitStartFormCmd.class, "variables", Map.class),
        Arguments.of(StartProcessInstanceCmd.class, "instantiationBuilder", ProcessInstantiationBuilderImpl.class),
        Arguments.of(AbstractCorrelateMessageCmd.class, "builder", MessageCorrelationBuilderImpl.class),
        Arguments.of(SignalEventReceivedCmd.class, "builder", SignalEventReceivedBuilderImpl.class),
        Arguments.of(SignalCmd.class, "processVariables", Map.class),
        Arguments.of(MessageEventReceivedCmd.class, "processVariables", Map.class),
        Arguments.of(MessageEventReceivedCmd.class, "processVariablesLocal", Map.class),
        Arguments.of(MessageEventReceivedCmd.class, "processVariablesToTriggeredScope", Map.class));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("commandFields")
  void theEngineCommandsStillHaveTheFieldsTheGuardReads(Class<?> command, String field, Class<?> type) {
    assertThat(EngineFields.find(command, field).getType()).isAssignableTo(type);
  }

  @Test
  void theGuardReadsTheArgumentsOfACommand() {
    Map<String, Object> values = Map.of("decision", "PRE_DESIGNATE");
    CompleteTaskCmd command = new CompleteTaskCmd("task-1", values);
    assertThat(EngineFields.read(command, "taskId")).isEqualTo("task-1");
    assertThat(EngineFields.read(command, "variables")).isEqualTo(values);
  }

  /** The scoring step replaces a completion's values with transient copies (ADR 0033) in the same two fields. */
  @Test
  void aCompletionsValuesCanBeReplacedBeforeItRuns() {
    org.camunda.bpm.engine.variable.VariableMap replaced = org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue("rating1", 5);
    CompleteTaskCmd complete = new CompleteTaskCmd("task-1", Map.of("rating1", 4));
    EngineFields.write(complete, "variables", replaced);
    assertThat(EngineFields.read(complete, "variables")).isSameAs(replaced);
    SubmitTaskFormCmd submit = new SubmitTaskFormCmd("task-1", Map.of("rating1", 4), false, false);
    EngineFields.write(submit, "properties", replaced);
    assertThat(EngineFields.read(submit, "properties")).isSameAs(replaced);
  }

  @Test
  void onlyFieldsAPersonFillsInAreEditable() {
    FormFields form = parse("""
        {"id": "sample", "type": "default", "components": [
          {"type": "text", "text": "Read this", "id": "t1"},
          {"type": "textfield", "key": "title", "id": "c1"},
          {"type": "number", "key": "amount", "id": "c2", "readonly": true, "defaultValue": 3},
          {"type": "textarea", "key": "hidden", "id": "c3", "disabled": true},
          {"type": "datetime", "key": "due", "id": "c4", "subtype": "date"},
          {"type": "group", "id": "g1", "components": [{"type": "select", "key": "choice", "id": "c5"}]},
          {"type": "group", "id": "g2", "path": "address", "components": [{"type": "textfield", "key": "city", "id": "c6"}]},
          {"type": "textfield", "key": "contact.email", "id": "c7"},
          {"type": "button", "key": "submit", "id": "b1"}
        ]}""");
    assertThat(form.formId()).isEqualTo("sample");
    assertThat(form.editable()).containsExactlyInAnyOrder("title", "due", "choice", "address", "contact");
    assertThat(form.readOnly()).containsExactly(entry("amount", 3));
    assertThat(form.has("hidden")).isFalse();
    assertThat(form.has("submit")).isFalse();
  }

  @Test
  void everyFormsEditableFieldsAreTheKeysTheServerReads() throws IOException {
    Map<String, Set<String>> declared = new HashMap<>(DesignationProcess.Forms.BY_FORM_ID);
    declared.putAll(RfiProcess.Forms.BY_FORM_ID);
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        FormFields form = FormFields.parse(Files.newInputStream(file));
        assertThat(form.readOnly()).as("read-only inputs in " + file + " (use a text view)").isEmpty();
        if (declared.containsKey(form.formId())) {
          assertThat(form.editable()).as(file.toString()).isEqualTo(declared.get(form.formId()));
        }
      }
    }
  }

  private static FormFields parse(String json) {
    return FormFields.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
