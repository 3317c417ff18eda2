package gov.qsmo.workflow.rfi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The score form's rating options: the scale's levels, highest first, in words where the scale has them. */
class RatingLevelsTests {

  private static JsonNode levels(Rfi rfi) throws Exception {
    return new ObjectMapper().readTree(RfiTaskForm.ratingLevels(rfi).getValueSerialized());
  }

  @Test
  void anAdjectivalScaleOffersItsWordsAndDefinitionsHighestFirst() throws Exception {
    Rfi rfi = new Rfi("RFI-2026-0099", "test", Instant.now());
    rfi.scale.add(new Rfi.ScaleLevel(1, "Marginal", "Meets few requirements."));
    rfi.scale.add(new Rfi.ScaleLevel(3, "Outstanding", "Exceeds every requirement."));
    rfi.scale.add(new Rfi.ScaleLevel(2, "Acceptable", ""));

    JsonNode levels = levels(rfi);
    assertThat(levels).hasSize(3);
    assertThat(levels.get(0).path("value").asInt()).isEqualTo(3);
    assertThat(levels.get(0).path("label").asText()).isEqualTo("3 \u2013 Outstanding: Exceeds every requirement.");
    assertThat(levels.get(1).path("label").asText()).isEqualTo("2 \u2013 Acceptable");
    assertThat(levels.get(2).path("value").asInt()).isEqualTo(1);
  }

  @Test
  void aNumericScaleDoesNotRepeatTheNumber() throws Exception {
    Rfi rfi = new Rfi("RFI-2026-0098", "test", Instant.now());
    rfi.scale.add(new Rfi.ScaleLevel(5, "5", "Addresses the criterion fully."));
    rfi.scale.add(new Rfi.ScaleLevel(4, "4", ""));

    JsonNode levels = levels(rfi);
    assertThat(levels.get(0).path("label").asText()).isEqualTo("5 \u2013 Addresses the criterion fully.");
    assertThat(levels.get(1).path("label").asText()).isEqualTo("4");
  }
}
