package gov.qsmo.workflow.rfi.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

/** A score sheet's values made transient (ADR 0033): the same names, types and values, each transient. */
class TransientValuesTests {

  @Test
  void everyFreeValueKeepsItsNameTypeAndValueAndBecomesTransient() {
    Map<String, Object> sent = new HashMap<>();
    sent.put("rating1", 4);
    sent.put("rationale1", Variables.stringValue("Clear evidence."));
    sent.put("rating2", Variables.longValue(3L));
    sent.put("strengths1", null);
    sent.put("weaknesses1", Variables.stringValue(null));

    VariableMap made = TransientValues.of(sent, name -> true, false);

    assertThat(made.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
    made.keySet().forEach(name -> assertThat(made.getValueTyped(name).isTransient()).as(name).isTrue());
    assertThat(made.get("rating1")).isEqualTo(4);
    assertThat(made.getValueTyped("rationale1").getType()).isEqualTo(ValueType.STRING);
    assertThat(made.get("rationale1")).isEqualTo("Clear evidence.");
    assertThat(made.getValueTyped("rating2").getType()).isEqualTo(ValueType.LONG);
    assertThat(made.get("rating2")).isEqualTo(3L);
    assertThat(made.get("strengths1")).isNull();
    assertThat(made.getValueTyped("weaknesses1").getType()).isEqualTo(ValueType.STRING);
    assertThat(made.get("weaknesses1")).isNull();
  }

  /** A name a variable already holds (an earlier model's input mapping) keeps its value as it came. */
  @Test
  void aValueWhoseNameAVariableHoldsStaysAsItCame() {
    VariableMap made = TransientValues.of(Map.of("rating1", 4, "rationale1", "Clear."),
        name -> name.equals("rationale1"), false);
    assertThat(made.getValueTyped("rating1").isTransient()).isFalse();
    assertThat(made.get("rating1")).isEqualTo(4);
    assertThat(made.getValueTyped("rationale1").isTransient()).isTrue();
  }

  /** A file or a serialized object cannot be a transient score; other plain values go on to the sheet's checks. */
  @Test
  void aFileOrAnObjectIsRefusedByNameAndOtherPlainValuesGoOnTransient() {
    assertThatThrownBy(() -> TransientValues.of(Map.of("strengths1",
        Variables.fileValue("a.txt").file(new byte[] {1}).create()), name -> true, false))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'strengths1' of a score sheet must be text or a number, not a value of type file");
    assertThatThrownBy(() -> TransientValues.of(Map.of("rationale1",
        Variables.objectValue(Map.of("a", 1)).create()), name -> true, false))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("'rationale1' of a score sheet must be text or a number, not a value of type object");
    VariableMap made = TransientValues.of(Map.of("rating1", Variables.booleanValue(true), "rating2",
        List.of(1, 2), "rating3", new Date(0)), name -> true, false);
    made.keySet().forEach(name -> assertThat(made.getValueTyped(name).isTransient()).as(name).isTrue());
    assertThat(made.get("rating1")).isEqualTo(true);
    assertThat(made.get("rating2")).isEqualTo(List.of(1, 2));
    assertThat(made.get("rating3")).isEqualTo(new Date(0));
  }

  @Test
  void aSheetHandedBackToItsReviewerCarriesNoScores() {
    assertThatThrownBy(() -> TransientValues.of(Map.of("rating1", 4), name -> true, true))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessage("A score sheet handed back to its reviewer carries no scores: the reviewer it is assigned to "
            + "submits them. Hand it back without values.");
    assertThat(TransientValues.of(Map.of("rating1", 4), name -> false, true).get("rating1")).isEqualTo(4);
  }
}
