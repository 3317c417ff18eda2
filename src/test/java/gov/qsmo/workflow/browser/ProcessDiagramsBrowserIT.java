package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.RunningApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every process in bpmn/ opens in Cockpit (as the auditor, who reads every definition) with every flow node and
 * sequence flow of the model drawn: the diagram information is there and Cockpit's viewer imports it. Screenshots in
 * target/browser/process-diagrams/.
 */
@RunningApplicationTest
class ProcessDiagramsBrowserIT {

  @LocalServerPort
  int port;

  @Test
  @SuppressWarnings("unchecked")
  void everyProcessOpensInCockpitWithEveryElementDrawn() throws IOException {
    HttpTestClient http = new HttpTestClient(port);
    String baseUrl = "http://localhost:" + port;
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).isNotEmpty();
    Map<String, List<String>> missing = new TreeMap<>();
    try (Browser browser = Browser.start("process-diagrams")) {
      browser.logIntoCockpit(baseUrl, "auditor");
      for (Path file : models) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String key = model.getModelElementsByType(Process.class).iterator().next().getId();
        List<String> ids = Stream.concat(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId),
            model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)).toList();
        var definition = http.get("auditor", "/engine-rest/process-definition/key/" + key);
        assertThat(definition.status()).as(key + ": " + definition.body()).isEqualTo(200);
        browser.open(baseUrl + "/camunda/app/cockpit/default/#/process-definition/"
            + definition.json().path("id").asText() + "/runtime");
        browser.visible(By.cssSelector(".djs-container [data-element-id='" + ids.get(0) + "']"));
        List<String> notDrawn = (List<String>) browser.evaluate(
            "return arguments[0].filter(id => !document.querySelector(`.djs-container [data-element-id='${id}']`));",
            ids);
        browser.screenshot(key);
        if (!notDrawn.isEmpty()) {
          missing.put(key, notDrawn);
        }
      }
    }
    assertThat(missing).as("elements of the model that Cockpit does not draw, per process").isEmpty();
  }
}
