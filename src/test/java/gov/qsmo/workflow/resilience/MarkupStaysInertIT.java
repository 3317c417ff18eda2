package gov.qsmo.workflow.resilience;

import static gov.qsmo.workflow.resilience.Fixtures.form;
import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.designation.DesignationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.resilience.Fixtures.Rfi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Text with markup stays inert: stored and returned verbatim by the API, escaped in every display
 * variable a Tasklist form renders as markdown (no raw tag, no bold, no link), and drawn as literal
 * text in the evaluation report's PDF (which holds no link to follow and no script).
 */
@RunningApplicationTest
class MarkupStaysInertIT {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMAGE = "<img src=x onerror=alert(1)>";
  private static final String MARKDOWN = "**bold** [link](http://x)";
  private static final String TITLE = "Grants tools " + SCRIPT + " " + MARKDOWN;
  private static final String GUIDANCE = "Look for " + IMAGE + " and " + MARKDOWN;
  private static final String ORGANIZATION = "Acme " + IMAGE + " **Grants**";
  /** Emoji, with a zero-width joiner, are allowed in free text and kept as written. */
  private static final String ANSWER = "We report. " + SCRIPT + " " + MARKDOWN + " Team \uD83D\uDC69\u200D\uD83D\uDCBB";
  private static final String STRENGTHS = "Strong " + SCRIPT + " " + MARKDOWN;
  private static final String RATIONALE = "Agreed " + IMAGE + " " + MARKDOWN;

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;

  Fixtures fx;

  @BeforeEach
  void setUp() {
    fx = new Fixtures(port, managementService);
  }

  @Test
  void rfiTextWithMarkupIsVerbatimInTheApiEscapedInTasklistAndLiteralInThePdf() throws IOException {
    Map<String, Object> plan = Fixtures.rfiPlan(TITLE, GUIDANCE);
    plan.put("topics", List.of("Reporting " + SCRIPT, "Data standards", "Pricing"));
    Rfi rfi = fx.drafted(plan);
    String approve = fx.task(rfi.instance(), RfiProcess.Elements.TASK_APPROVE_PLAN).path("id").asText();
    assertInert(approve, "planText", "rfiTitle");
    assertThat(formVariables(approve).path("planText").path("value").asText())
        .contains("Look for &lt;img src=x onerror=alert(1)&gt; and \\*\\*bold\\*\\* \\[link\\](http://x)");
    fx.complete(Fixtures.DIRECTOR, approve, Map.of("planDecision", "APPROVE"), rfi.instance());

    String response = fx.respond("respondent.acme", rfi, Fixtures.rfiResponse(ORGANIZATION, ANSWER));
    JsonNode stored = fx.http.get("respondent.acme", "/api/rfis/" + rfi.id() + "/responses/" + response).json();
    assertThat(stored.path("organization").asText()).isEqualTo(ORGANIZATION);
    assertThat(stored.path("answers").get(0).path("answer").asText()).isEqualTo(ANSWER);
    JsonNode read = fx.http.get("auditor", "/api/rfis/" + rfi.id()).json();
    assertThat(read.path("title").asText()).isEqualTo(TITLE);
    assertThat(read.path("topics").get(0).asText()).isEqualTo("Reporting " + SCRIPT);
    assertThat(read.path("criteria").get(0).path("guidance").asText()).isEqualTo(GUIDANCE);

    fx.toScoring(rfi);
    for (JsonNode task : fx.tasks(rfi.instance(), RfiProcess.Elements.TASK_SCORE_RESPONSE)) {
      String id = task.path("id").asText();
      assertInert(id, "responseHeader", "topic1Text", "criterion1Guidance", "rfiTitle");
      assertThat(formVariables(id).path("topic1Text").path("value").asText())
          .contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* \\[link\\](http://x)")
          .contains("\uD83D\uDC69\u200D\uD83D\uDCBB");
      Map<String, Object> scores = new LinkedHashMap<>();
      for (int c = 1; c <= 3; c++) {
        scores.put("rating" + c, 4);
        scores.put("strengths" + c, STRENGTHS);
        scores.put("rationale" + c, RATIONALE);
      }
      fx.complete(task.path("assignee").asText(), id, scores, rfi.instance());
    }

    List<JsonNode> consensus = fx.tasks(rfi.instance(), RfiProcess.Elements.TASK_HOLD_CONSENSUS);
    assertThat(consensus).hasSize(1);
    String consensusTask = consensus.get(0).path("id").asText();
    assertInert(consensusTask, "responseHeader", "criterion1Summary", "scoresTable");
    Map<String, Object> agreed = new LinkedHashMap<>();
    for (int c = 1; c <= 3; c++) {
      agreed.put("consensusRating" + c, 4);
      agreed.put("consensusRationale" + c, RATIONALE);
    }
    fx.complete(Fixtures.CHAIR, consensusTask, agreed, rfi.instance());
    String approveReport = fx.task(rfi.instance(), RfiProcess.Elements.TASK_APPROVE_REPORT).path("id").asText();
    assertInert(approveReport, "reportSummary");

    JsonNode sheets = fx.http.get("auditor", "/api/rfis/" + rfi.id() + "/scores").json().path("sheets");
    assertThat(sheets).isNotEmpty().allSatisfy(sheet -> assertThat(sheet.path("scores").get(0).path("strengths")
        .asText()).isEqualTo(STRENGTHS));
    assertThat(fx.http.get("auditor", "/api/rfis/" + rfi.id() + "/results").json().path("criteria").get(0)
        .path("consensusRationale").asText()).isEqualTo(RATIONALE);

    try (PDDocument pdf = Loader.loadPDF(fx.bytes(Fixtures.DIRECTOR, "/api/rfis/" + rfi.id() + "/report.pdf"))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      for (String literal : List.of(TITLE, GUIDANCE, ORGANIZATION, RATIONALE)) {
        assertThat(text).as("the PDF shows as written: " + literal).contains(literal.replaceAll("\\s+", ""));
      }
      assertThat(pdf.getDocumentCatalog().getOpenAction()).as("no action on opening").isNull();
      assertThat(pdf.getDocumentCatalog().getNames() == null
          || pdf.getDocumentCatalog().getNames().getJavaScript() == null).as("no document JavaScript").isTrue();
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationLink link) {
            assertThat(link.getAction()).as("no web link, no script").isNotInstanceOf(PDActionURI.class)
                .isNotInstanceOf(PDActionJavaScript.class);
          }
        }
      }
    }
  }

  @Test
  void designationTextWithMarkupIsVerbatimInTheApiAndEscapedInTheBoardsReviewForm() {
    Map<String, Object> start = Fixtures.designationStart("GRANTS", "HHS");
    start.put("scope", "Grants " + SCRIPT + " " + MARKDOWN);
    Response started = fx.http.post("omb.analyst", Fixtures.START_DESIGNATION, form(start));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("businessKey").asText();
    String instance = started.json().path("id").asText();
    String decide = fx.task(instance, DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).path("id").asText();
    assertInert(decide, "scopeText");
    fx.complete("omb.decider", decide, Map.of("decision", "PRE_DESIGNATE"), instance);

    Map<String, Object> sections = new LinkedHashMap<>(Fixtures.completePlan());
    sections.put("serviceOfferings", "Grants " + IMAGE + " | federal | HHS **GrantSolutions** | [IAA](http://x)");
    sections.put("governance", "A council. " + SCRIPT + "\n- " + MARKDOWN + "\n# Heading");
    Response submitted = fx.http.post(Fixtures.DIRECTOR, "/api/designations/" + id + "/plan-versions",
        Map.of("sections", sections));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    fx.runJobs(instance);

    JsonNode version = fx.http.get("auditor", "/api/designations/" + id + "/plan-versions").json().get(0);
    assertThat(version.path("sections").path("governance").asText()).isEqualTo(sections.get("governance"));
    assertThat(version.path("serviceOfferings").get(0).path("name").asText()).isEqualTo("Grants " + IMAGE);
    String review = fx.taskOf("board.dhs", instance, DesignationProcess.Elements.TASK_REVIEW_PLAN).path("id").asText();
    assertInert(review, "planGovernance", "planServiceOfferings", "scopeText");
    assertThat(formVariables(review).path("planGovernance").path("value").asText())
        .isEqualTo("A council. &lt;script&gt;alert(1)&lt;/script&gt;  \n\\- \\*\\*bold\\*\\* \\[link\\](http://x)  \n"
            + "\\# Heading");
  }

  private JsonNode formVariables(String taskId) {
    return fx.http.get("auditor", "/engine-rest/task/" + taskId + "/form-variables").json();
  }

  /**
   * No display variable of the task holds markup that would render (the named ones must be there): no
   * HTML tag, no bold, no link.
   */
  private void assertInert(String taskId, String... shown) {
    JsonNode variables = formVariables(taskId);
    assertThat(variables.fieldNames()).toIterable().as("display variables").contains(shown);
    List<String> rendered = new ArrayList<>();
    variables.fields().forEachRemaining(v -> {
      if (v.getValue().path("value").isTextual()) {
        rendered.add(v.getKey() + " = " + v.getValue().path("value").asText());
      }
    });
    assertThat(rendered).allSatisfy(v -> assertThat(v).doesNotContain("<script", "<img", "**bold**", "[link](",
        "**Grants**", "[IAA]("));
  }
}
