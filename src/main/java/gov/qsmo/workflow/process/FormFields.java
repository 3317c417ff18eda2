package gov.qsmo.workflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a deployed Camunda Form (form-js schema) that a submission may carry: what a person can
 * type or choose. Text views, images, buttons and separators have no value; a disabled field is never
 * submitted; a read-only field is submitted by Tasklist with the value it shows, so it may come back
 * only unchanged.
 *
 * @param formId the form's {@code id}, for messages
 * @param editable the keys of the fields a person fills in
 * @param readOnly the keys of read-only fields, with the default value the form declares (or null)
 */
public record FormFields(String formId, Set<String> editable, Map<String, Object> readOnly) {

  /** form-js component types that hold a value a person enters. */
  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
      "checklist", "taglist", "datetime", "expression", "filepicker");

  /** A form-less task or start event: a submission may carry nothing. */
  public static final FormFields NONE = new FormFields(null, Set.of(), Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  public static FormFields parse(InputStream form) {
    try (form) {
      JsonNode root = JSON.readTree(form);
      Set<String> editable = new LinkedHashSet<>();
      Map<String, Object> readOnly = new LinkedHashMap<>();
      collect(root.path("components"), editable, readOnly);
      return new FormFields(root.path("id").asText(null), Collections.unmodifiableSet(editable),
          Collections.unmodifiableMap(readOnly));
    } catch (IOException e) {
      throw new UncheckedIOException("A deployed form could not be read", e);
    }
  }

  /** Whether a submission may carry this key at all (editable, or read-only and sent back as shown). */
  public boolean has(String key) {
    return editable.contains(key) || readOnly.containsKey(key);
  }

  private static void collect(JsonNode components, Set<String> editable, Map<String, Object> readOnly) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String path = component.path("path").asText("");
      if (component.has("components")) {
        // A group or dynamic list: with a path its fields form one value under that name.
        if (path.isEmpty()) {
          collect(component.path("components"), editable, readOnly);
        } else if (!component.path("disabled").asBoolean(false)) {
          editable.add(topLevel(path));
        }
        continue;
      }
      String key = component.path("key").asText("");
      if (!INPUT_TYPES.contains(type) || key.isEmpty() || component.path("disabled").asBoolean(false)) {
        continue;
      }
      if (component.path("readonly").isBoolean() && component.path("readonly").asBoolean()) {
        JsonNode defaultValue = component.get("defaultValue");
        readOnly.put(topLevel(key), defaultValue == null || defaultValue.isNull() ? null
            : JSON.convertValue(defaultValue, Object.class));
      } else {
        editable.add(topLevel(key));
      }
    }
  }

  /** A key such as {@code address.city} writes the variable {@code address}. */
  private static String topLevel(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
