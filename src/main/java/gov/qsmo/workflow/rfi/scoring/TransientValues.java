package gov.qsmo.workflow.rfi.scoring;

import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A score sheet's form values as transient variables (ADR 0033): Camunda keeps a transient variable for the
 * command's transaction only, writes no row and no history for it.
 */
final class TransientValues {

  private static final Map<String, Object> TRANSIENT = Map.of(ValueType.VALUE_INFO_TRANSIENT, true);

  private TransientValues() {
  }

  /** The same names and values, each transient; a value that is neither text, a number nor empty is refused. */
  static VariableMap of(Map<?, ?> values) {
    @SuppressWarnings("unchecked")
    VariableMap typed = Variables.fromMap((Map<String, Object>) values);
    VariableMap copy = Variables.createVariables();
    for (String name : typed.keySet()) {
      copy.putValueTyped(name, of(name, typed.getValueTyped(name)));
    }
    return copy;
  }

  private static TypedValue of(String name, TypedValue value) {
    if (value == null) {
      return Variables.untypedNullValue(true);
    }
    if (value.getType() == null) {
      return Variables.untypedValue(value.getValue(), true);
    }
    if (value.getType() instanceof PrimitiveValueType type) {
      return type.createValue(value.getValue(), TRANSIENT);
    }
    throw new FormFieldValidationException(name, "'" + name + "' of a score sheet must be text or a number, not "
        + value.getType().getName() + ".");
  }
}
