package gov.qsmo.workflow.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.reference.ReferenceUsage.ReferenceSelect;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Keeps the start forms' agency and area selects equal to the reference tables (ADR 0020). Tasklist
 * renders a start form without variables, so its options are written into the form: the form file in
 * {@code forms/} is the template, and whenever the data change (and after every deployment) the form is
 * deployed again with the active agencies and areas as options. The start events bind their form as
 * {@code latest}, so the next start offers the new set, with no release and no restart.
 */
@Component
class StartFormOptions implements SmartInitializingSingleton {

  /** Name of the deployments that carry the regenerated forms (they hold nothing else). */
  static final String DEPLOYMENT_NAME = "qsmo-reference-data-options";

  private static final Logger log = LoggerFactory.getLogger(StartFormOptions.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AgencyRepository agencies;
  private final FunctionalAreaRepository areas;
  private final List<ReferenceUsage> usages;
  private final RepositoryService repositoryService;
  private final FormService formService;
  private final IdentityService identityService;
  private final AdvisoryLock lock;

  StartFormOptions(AgencyRepository agencies, FunctionalAreaRepository areas, List<ReferenceUsage> usages,
      RepositoryService repositoryService, FormService formService, IdentityService identityService,
      AdvisoryLock lock) {
    this.agencies = agencies;
    this.areas = areas;
    this.usages = usages;
    this.repositoryService = repositoryService;
    this.formService = formService;
    this.identityService = identityService;
    this.lock = lock;
  }

  /** At start-up, after the application's own deployment (which may bring a form file with older options). */
  @Override
  public void afterSingletonsInstantiated() {
    lock.runExclusively(this::refresh);
  }

  /**
   * Deploys again every start form whose deployed options differ from the tables, in the caller's
   * transaction; returns the form ids deployed.
   */
  List<String> refresh() {
    Map<String, List<ReferenceSelect>> byForm = new LinkedHashMap<>();
    for (ReferenceUsage usage : usages) {
      for (ReferenceSelect select : usage.selects()) {
        byForm.computeIfAbsent(select.processKey() + "|" + select.formId(), k -> new ArrayList<>()).add(select);
      }
    }
    List<String> deployed = new ArrayList<>();
    Privileged.run(identityService, () -> {
      byForm.values().forEach(selects -> {
        if (deploy(selects)) {
          deployed.add(selects.get(0).formId());
        }
      });
      return null;
    });
    return deployed;
  }

  private boolean deploy(List<ReferenceSelect> selects) {
    ReferenceSelect first = selects.get(0);
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(first.processKey()).latestVersion().withoutTenantId().singleResult();
    if (definition == null) {
      return false;
    }
    JsonNode current = read(formService.getDeployedStartForm(definition.getId()));
    ObjectNode wanted = (ObjectNode) read(template(first.formId()));
    for (ReferenceSelect select : selects) {
      JsonNode field = field(wanted, select.field());
      if (field == null) {
        throw new IllegalStateException("forms/" + first.formId() + ".form has no select '" + select.field() + "'");
      }
      ((ObjectNode) field).set("values", options(select.offers()));
    }
    if (wanted.equals(current)) {
      return false;
    }
    repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME)
        .addString("forms/" + first.formId() + ".form", wanted.toPrettyString()).deploy();
    log.info("Deployed the form {} again with the current {}", first.formId(),
        selects.stream().map(s -> s.offers().label()).distinct().toList());
    return true;
  }

  private ArrayNode options(ReferenceKind kind) {
    ArrayNode values = JSON.createArrayNode();
    if (kind == ReferenceKind.AGENCY) {
      agencies.findAll(Sort.by("name")).stream().filter(Agency::isActive)
          .forEach(a -> values.addObject().put("label", a.getName()).put("value", a.getCode()));
    } else {
      areas.findAll(Sort.by("name")).stream().filter(FunctionalArea::isActive)
          .forEach(a -> values.addObject().put("label", a.getName()).put("value", a.getCode()));
    }
    return values;
  }

  private static JsonNode field(JsonNode node, String key) {
    if (key.equals(node.path("key").asText(null)) && node.has("values")) {
      return node;
    }
    for (JsonNode component : node.path("components")) {
      JsonNode found = field(component, key);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static InputStream template(String formId) {
    try {
      return new ClassPathResource("forms/" + formId + ".form").getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("The form template forms/" + formId + ".form is missing", e);
    }
  }

  private static JsonNode read(InputStream in) {
    try (InputStream stream = in) {
      return JSON.readTree(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
