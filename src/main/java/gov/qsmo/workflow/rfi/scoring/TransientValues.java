package gov.qsmo.workflow.rfi.scoring;

import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.PrimitiveValueType;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A score sheet's form values as transient variables (ADR 0033): Camunda keeps a transient variable for the
 * command's transaction only and writes no variable row for it.
 */
final class TransientValues {

  private static final Map<String, Object> TRANSIENT = Map.of(ValueType.VALUE_INFO_TRANSIENT, true);

  private TransientValues() {
  }

  /**
   * The same names and values; those whose name no variable holds ({@code free}) transient. A free file or
   * serialized object is refused (what a score form sends is text and numbers; other plain values go on to
   * {@link ScoreSubmittedListener}, whose checks name what the field takes), and so is any free value of a task
   * handed back to its reviewer ({@code handedBack}: resolving a delegated task does not end it, so nothing would
   * record the value).
   */
  static VariableMap of(Map<?, ?> values, Predicate<String> free, boolean handedBack) {
    @SuppressWarnings("unchecked")
    VariableMap typed = Variables.fromMap((Map<String, Object>) values);
    VariableMap copy = Variables.createVariables();
    for (String name : typed.keySet()) {
      TypedValue value = typed.getValueTyped(name);
      if (!free.test(name)) {
        copy.putValueTyped(name, value);
      } else if (handedBack) {
        throw new FormFieldValidationException(name, "A score sheet handed back to its reviewer carries no scores: "
            + "the reviewer it is assigned to submits them. Hand it back without values.");
      } else {
        copy.putValueTyped(name, transientOf(name, value));
      }
    }
    return copy;
  }

  private static TypedValue transientOf(String name, TypedValue value) {
    if (value.getType() == null) {
      return Variables.untypedValue(value.getValue(), true);
    }
    if (value.getType() instanceof PrimitiveValueType type) {
      return type.createValue(value.getValue(), TRANSIENT);
    }
    throw refused(name, value.getType().getName());
  }

  private static FormFieldValidationException refused(String name, String type) {
    return new FormFieldValidationException(name, "'" + name + "' of a score sheet must be text or a number, not a "
        + "value of type " + type + ".");
  }
}
