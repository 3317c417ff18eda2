package gov.qsmo.workflow.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * A JSON variable (Camunda Spin) for a form's table or options: a form reads a list of rows through its table's
 * {@code dataSource} or a select's {@code valuesKey}. No length limit, unlike a string variable.
 */
public final class FormJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormJson() {
  }

  public static JsonValue of(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Form data cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
