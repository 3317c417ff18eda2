package gov.qsmo.workflow.rfi.results;

import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_HOLD_CONSENSUS;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SCORE_RESPONSE;
import static gov.qsmo.workflow.rfi.RfiScenario.CHAIR;
import static gov.qsmo.workflow.rfi.RfiScenario.REVIEWERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.rfi.RfiScenario;
import gov.qsmo.workflow.rfi.report.RfiReport;
import gov.qsmo.workflow.rfi.report.RfiReportService;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The ranking of a known data set, computed here independently (weights x consensus ratings, ties
 * sharing a rank) and compared with the application's; then the report's PDF and CSV must hold it.
 */
@ProcessEngineTest
@Import(RfiScenario.class)
class RfiRankingTests {

  /** Weights of {@link RfiScenario#CRITERIA}. */
  static final int[] WEIGHTS = {40, 35, 25};
  /** Per organization: the three reviewers' ratings (criterion by criterion) and the consensus. */
  static final Map<String, int[][]> REVIEWER_RATINGS = new LinkedHashMap<>();
  static final Map<String, int[]> CONSENSUS = new LinkedHashMap<>();

  static {
    REVIEWER_RATINGS.put("Acme", new int[][] {{4, 3, 5}, {4, 3, 4}, {3, 3, 5}});
    REVIEWER_RATINGS.put("Globex", new int[][] {{5, 4, 2}, {5, 4, 2}, {4, 4, 3}});
    REVIEWER_RATINGS.put("Initech", new int[][] {{3, 3, 3}, {2, 3, 3}, {3, 4, 3}});
    CONSENSUS.put("Acme", new int[] {4, 3, 5});
    CONSENSUS.put("Globex", new int[] {5, 4, 2});
    CONSENSUS.put("Initech", new int[] {3, 3, 3});
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  RfiScenario scenario;
  @Autowired
  TaskService taskService;
  @Autowired
  RfiResultsService results;
  @Autowired
  RfiResponseService responses;
  @Autowired
  RfiReportService reports;

  @BeforeEach
  void setUp() {
    init(engine);
    scenario.ensureUsers();
  }

  record Expected(String organization, BigDecimal total, int rank) {
  }

  /** The ranking as a person would work it out: Σ weight × rating / 100; equal totals share the better rank. */
  static List<Expected> expectedRanking() {
    List<Expected> totals = new ArrayList<>();
    CONSENSUS.forEach((organization, ratings) -> {
      BigDecimal total = BigDecimal.ZERO;
      for (int c = 0; c < ratings.length; c++) {
        total = total.add(BigDecimal.valueOf((long) WEIGHTS[c] * ratings[c]));
      }
      totals.add(new Expected(organization, total.divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY), 0));
    });
    totals.sort(Comparator.comparing(Expected::total).reversed());
    List<Expected> ranked = new ArrayList<>();
    for (int i = 0; i < totals.size(); i++) {
      boolean tie = i > 0 && totals.get(i).total().compareTo(totals.get(i - 1).total()) == 0;
      ranked.add(new Expected(totals.get(i).organization(), totals.get(i).total(), tie ? ranked.get(i - 1).rank() : i + 1));
    }
    return ranked;
  }

  @Test
  void theApplicationsRankingMatchesTheOneComputedByHandAndTheReportHoldsIt() throws IOException {
    ProcessInstance instance = scenario.withPanel(REVIEWERS.subList(0, 3), null,
        REVIEWER_RATINGS.keySet().toArray(String[]::new));
    scenario.attestAll(instance, Map.of());
    String rfiId = instance.getBusinessKey();
    Map<String, String> organizationOf = new HashMap<>();
    responses.eligible(rfiId).forEach(r -> organizationOf.put(r.id, r.organization));
    for (Task task : scenario.tasks(instance, TASK_SCORE_RESPONSE)) {
      String organization = organizationOf.get(responseOfTask(task));
      scenario.score(task, REVIEWER_RATINGS.get(organization)[REVIEWERS.indexOf(task.getAssignee())]);
    }
    scenario.runJobs(instance);
    for (Task task : scenario.tasks(instance, TASK_HOLD_CONSENSUS)) {
      int[] agreed = CONSENSUS.get(organizationOf.get(responseOfTask(task)));
      Map<String, Object> form = new HashMap<>();
      for (int c = 0; c < agreed.length; c++) {
        form.put("consensusRating" + (c + 1), agreed[c]);
        form.put("consensusRationale" + (c + 1), "Agreed at " + agreed[c] + ".");
      }
      scenario.as(CHAIR, () -> {
        taskService.complete(task.getId(), form);
        return null;
      });
    }
    scenario.runJobs(instance);

    List<Expected> expected = expectedRanking();
    assertThat(expected).extracting(Expected::rank).containsExactly(1, 1, 3);
    List<RfiResultsService.Standing> actual = results.ranking(rfiId);
    assertThat(actual).extracting(RfiResultsService.Standing::organization, s -> BigDecimal.valueOf(s.weightedTotal())
            .setScale(2, RoundingMode.HALF_UP), RfiResultsService.Standing::rank)
        .containsExactlyElementsOf(expected.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.organization(),
            e.total(), e.rank())).toList());
    assertThat(actual).allSatisfy(s -> assertThat(s.byConsensus()).isTrue());

    RfiReport report = reports.requireLatest(rfiId);
    // Kept for a person to look at: target/reports/
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reports"));
    java.nio.file.Files.write(java.nio.file.Path.of("target/reports/ranking-report.pdf"), report.pdf);
    String text;
    try (PDDocument pdf = Loader.loadPDF(report.pdf)) {
      text = new PDFTextStripper().getText(pdf);
    }
    String ranking = text.substring(text.indexOf("Responses ranked by weighted total")).replaceAll("\\s+", " ");
    int previous = -1;
    for (Expected row : expected) {
      String id = organizationOf.entrySet().stream().filter(e -> e.getValue().equals(row.organization()))
          .findFirst().orElseThrow().getKey();
      int at = ranking.indexOf(row.rank() + " " + id + " " + row.organization() + " " + row.total().toPlainString());
      assertThat(at).as("ranking row of " + row.organization() + " in the PDF:\n" + ranking.substring(0, Math.min(900, ranking.length()))).isGreaterThan(previous);
      previous = at;
    }

    List<String> csv = new String(report.csv, StandardCharsets.UTF_8).lines().toList();
    assertThat(csv).hasSize(1 + 3 * 3 * 3);
    for (Map.Entry<String, int[][]> entry : REVIEWER_RATINGS.entrySet()) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          String reviewer = REVIEWERS.get(r);
          int rating = entry.getValue()[r][c];
          String criterion = List.of("Commercial solutions", "Data implementation", "Customer experience").get(c);
          assertThat(csv).as("CSV row of " + entry.getKey() + ", " + reviewer + ", " + criterion)
              .anySatisfy(line -> assertThat(line).contains(entry.getKey() + "," + reviewer + "," + criterion + ","
                  + rating + ","));
        }
      }
    }
  }

  private String responseOfTask(Task task) {
    return task.getName().replaceAll(".*(RSP-\\d{4}-\\d{4}).*", "$1");
  }
}
