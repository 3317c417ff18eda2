package gov.qsmo.workflow.rfi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response as {@code POST /api/rfis/{id}/responses} takes it: not a small business, not
 * proprietary, a contact, and an answer to each of the three topics of {@link RfiPlanBuilder}'s RFI.
 */
public final class RfiResponseBuilder {

  private final Map<String, Object> response = new LinkedHashMap<>();
  private List<String> answers = List.of("We report.", "Yes.", "Per user.");

  private RfiResponseBuilder(String organization) {
    response.put("organization", organization);
    response.put("smallBusiness", false);
    response.put("contactName", "Program office");
    response.put("contactEmail", "rfi@example.com");
    response.put("proprietary", false);
  }

  public static RfiResponseBuilder from(String organization) {
    return new RfiResponseBuilder(organization);
  }

  /** The answers to topics 1, 2, 3 ... in order. */
  public RfiResponseBuilder answers(String... answers) {
    this.answers = List.of(answers);
    return this;
  }

  /** The answer to the first topic; the others stay. */
  public RfiResponseBuilder firstAnswer(String answer) {
    List<String> changed = new ArrayList<>(answers);
    changed.set(0, answer);
    answers = List.copyOf(changed);
    return this;
  }

  public RfiResponseBuilder with(String field, Object value) {
    response.put(field, value);
    return this;
  }

  /** The response, in a map the caller may change. */
  public Map<String, Object> build() {
    Map<String, Object> built = new LinkedHashMap<>(response);
    List<Map<String, Object>> answered = new ArrayList<>();
    for (int topic = 1; topic <= answers.size(); topic++) {
      answered.add(Map.of("topic", topic, "answer", answers.get(topic - 1)));
    }
    built.put("answers", answered);
    return built;
  }
}
