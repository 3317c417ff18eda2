package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.demo.DemoSteps;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import gov.qsmo.workflow.rfi.scoring.RfiScoringService;
import gov.qsmo.workflow.shared.AdvisoryLock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo run's RFIs, modelled on the grants QSMO's request for information on commercial
 * grants-management solutions: one waiting for the director's approval, one open for responses,
 * three under evaluation, waiting at attestation (reviewer1), scoring (reviewer1) and consensus
 * (panel.chair), and one evaluated whose ranked responses wait for the grants QSMO's marketplace decision
 * (director.hhs). Created once, when the database holds no RFI.
 */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
public class RfiDemoData {

  private static final Logger log = LoggerFactory.getLogger(RfiDemoData.class);

  static final String DIRECTOR = "director.hhs";
  static final String OFFICER = "contracting.officer";
  static final String CHAIR = "panel.chair";
  static final List<String> REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3", "reviewer4");
  static final String TOPICS = String.join("\n",
      "Commercial grants-management solutions: capabilities, deployment model and federal customers",
      "Data implementation: standard grants data elements, data exchange with federal systems and reporting",
      "Customer experience: how applicants, recipients and grants staff use the solution",
      "Acquisition strategies: contract vehicles, pricing models and how agencies could buy the solution");
  static final String CRITERIA = String.join("\n",
      "Commercial solutions | 30 | Maturity and fit of the offered solution for federal grants management across the "
          + "grants lifecycle",
      "Data implementation | 25 | Use of government-wide grants data standards and ability to exchange data with "
          + "federal systems",
      "Customer experience | 25 | Evidence that applicants, recipients and grants staff find the solution usable and "
          + "accessible",
      "Acquisition strategy | 20 | Credible contract vehicles and pricing that agencies could use to buy the solution");

  private record Respondent(String user, String organization, String uei, boolean smallBusiness, boolean proprietary,
      int topicsAnswered) {
  }

  private static final List<Respondent> RESPONDENTS = List.of(
      new Respondent("respondent.acme", "Acme Grants Cloud", "K7M2QH4LN9B3", false, true, 4),
      new Respondent("respondent.civic", "CivicGrants Inc.", "R4T8ZK2MW6P1", true, false, 4),
      new Respondent(OFFICER, "Federal Grants Shared Services Center", null, false, false, 4),
      new Respondent(OFFICER, "Granite Data Systems", "H3V9WJ5QK2D8", true, false, 3));

  /** Ratings per reviewer (rows) and criterion (columns), for the n-th response: a reviewer 1 outlier on the first. */
  private static final int[][][] RATINGS = {
      {{2, 4, 4, 3}, {5, 4, 4, 4}, {4, 4, 5, 3}, {5, 3, 4, 4}},
      {{3, 3, 4, 4}, {3, 4, 4, 5}, {4, 3, 4, 4}, {3, 3, 5, 4}},
      {{4, 5, 3, 3}, {4, 4, 3, 3}, {5, 4, 3, 2}, {4, 5, 3, 3}}};

  private final DemoSteps steps;
  private final AdvisoryLock startupLock;
  private final RfiService records;
  private final RfiResponseService responses;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final RfiScoringService scoring;

  RfiDemoData(DemoSteps steps, AdvisoryLock startupLock, RfiService records, RfiResponseService responses,
      RuntimeService runtimeService, TaskService taskService, IdentityService identityService, RfiScoringService scoring) {
    this.scoring = scoring;
    this.steps = steps;
    this.startupLock = startupLock;
    this.records = records;
    this.responses = responses;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(3)
  public void onReady() {
    startupLock.runExclusively(() -> {
      if (records.all().isEmpty()) {
        create();
      }
    });
  }

  void create() {
    draft("Request for Information: grants readiness assessment tools",
        "Tools that help agencies assess their readiness to move to a shared grants-management solution.", false);

    String open = draft("Request for Information: acquisition strategies for grants-management solutions",
        "How agencies could buy commercial grants-management solutions: vehicles, pricing and terms.", true);
    approve(open);
    respond(open, RESPONDENTS.get(1));

    String attestation = underEvaluation("Request for Information: commercial grants-management solutions",
        "The grants QSMO seeks information on commercial solutions for the federal grants lifecycle, their data "
            + "implementation, customer experience and how agencies could acquire them.");
    for (String member : List.of(CHAIR, "reviewer2", "reviewer3", "reviewer4")) {
      attest(attestation, member);
    }

    String scoring = underEvaluation("Request for Information: grants data implementation services",
        "Services that implement the government-wide grants data standards and exchange data with federal systems.");
    for (String member : membersOf()) {
      attest(scoring, member);
    }
    scoreAll(scoring, List.of("reviewer2", "reviewer3", "reviewer4"));

    String consensus = underEvaluation("Request for Information: grants customer experience",
        "Solutions and practices that improve the experience of grant applicants, recipients and grants staff.");
    for (String member : membersOf()) {
      attest(consensus, member);
    }
    scoreAll(consensus, REVIEWERS);

    reportApproved("Request for Information: grants-management platforms",
        "Commercial platforms that run the whole grants lifecycle for an agency, offered through the grants QSMO's "
            + "marketplace.");
    log.info("Demo RFIs created, waiting for: plan approval (director.hhs), responses, attestation (reviewer1), "
        + "scoring (reviewer1), consensus (panel.chair), the marketplace's candidates (director.hhs)");
  }

  /**
   * Fresh RFIs of the demo's kind, one stopped at each step the demo data does not wait at: a plan returned for
   * revision, screening, panel forming, attestations to sign, a declared conflict that leaves a response short of reviewers, missing
   * scores after the deadline, and the report for approval. For checks that must see every form whatever other
   * tests have completed. Answers the process instances by the task key each waits at.
   */
  public Map<String, String> atTheOtherSteps() {
    Map<String, String> waiting = new java.util.LinkedHashMap<>();
    String returned = draft("Request for Information: grants help-desk services (returned)",
        "Help-desk services for grants-management systems.", false);
    steps.complete(returned, RfiProcess.Elements.TASK_APPROVE_PLAN, DIRECTOR, Map.of("planDecision", "RETURN",
        "planComments", "Add a criterion on section 508 conformance."));
    waiting.put(RfiProcess.Elements.TASK_REVISE_PLAN, returned);

    String screening = closed("Request for Information: grants closeout services (screening)",
        "Services that close out grant awards.");
    waiting.put(RfiProcess.Elements.TASK_CONFIRM_SCREENING, screening);

    String forming = closed("Request for Information: grants payment services (panel forming)",
        "Services that pay grant recipients.");
    steps.complete(forming, RfiProcess.Elements.TASK_CONFIRM_SCREENING, OFFICER, Map.of("screeningDecision", "CONFIRM"));
    waiting.put(RfiProcess.Elements.TASK_FORM_PANEL, forming);

    String attesting = underEvaluation("Request for Information: grants training services (attestation)",
        "Training for grants-management staff.");
    waiting.put(RfiProcess.Elements.TASK_SIGN_ATTESTATION, attesting);

    String conflict = underEvaluation("Request for Information: grants audit services (conflict)",
        "Single-audit support services.");
    String first = responses.eligible(rfiId(conflict)).get(0).id;
    for (String member : membersOf()) {
      Map<String, Object> form = new HashMap<>(Map.of("attest", true));
      if (member.equals(REVIEWERS.get(0))) {
        form.put("conflictResponseIds", first);
        form.put("conflictStatement", "A former employer.");
      }
      steps.complete(conflict, RfiProcess.Elements.TASK_SIGN_ATTESTATION, member, form);
    }
    waiting.put(RfiProcess.Elements.TASK_REASSIGN_REVIEWERS, conflict);

    String missing = underEvaluation("Request for Information: grants reporting services (missing scores)",
        "Services that prepare grants reports.");
    membersOf().forEach(member -> attest(missing, member));
    steps.fireTimer(missing, RfiProcess.Elements.TIMER_SCORING_DEADLINE_PASSED);
    waiting.put(RfiProcess.Elements.TASK_RESOLVE_MISSING_SCORES, missing);

    String report = atConsensus("Request for Information: grants analytics services (report)",
        "Analytics on grants data.");
    // By the RFI id: the consensus tasks are in the batches the RFI's instance calls (ADR 0034).
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(rfiId(report))
        .taskDefinitionKey(RfiProcess.Elements.TASK_HOLD_CONSENSUS).list()) {
      Map<String, Object> form = new HashMap<>();
      for (int c = 1; c <= 4; c++) {
        form.put("consensusRating" + c, 3);
        form.put("consensusRationale" + c, "The panel agreed on 3 after discussing the spread.");
      }
      steps.as(CHAIR, () -> taskService.complete(task.getId(), form));
    }
    steps.settle(report);
    waiting.put(RfiProcess.Elements.TASK_APPROVE_REPORT, report);
    return waiting;
  }

  /**
   * A fresh RFI of the demo's kind evaluated to the end: consensus recorded (the responses ranked apart) and the final
   * report approved by director.hhs, so the grants QSMO's directors decide its marketplace candidates. Answers the
   * RFI's id.
   */
  public String reportApproved(String title, String description) {
    String instance = atConsensus(title, description);
    String rfi = rfiId(instance);
    int rating = 5;
    for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(rfi)
        .taskDefinitionKey(RfiProcess.Elements.TASK_HOLD_CONSENSUS).list()) {
      Map<String, Object> form = new HashMap<>();
      for (int c = 1; c <= 4; c++) {
        form.put("consensusRating" + c, rating);
        form.put("consensusRationale" + c, "The panel agreed after discussing the spread.");
      }
      rating = Math.max(1, rating - 1);
      steps.as(CHAIR, () -> taskService.complete(task.getId(), form));
    }
    steps.settle(instance);
    steps.complete(instance, RfiProcess.Elements.TASK_APPROVE_REPORT, DIRECTOR, Map.of("reportDecision", "APPROVE"));
    return rfi;
  }

  /**
   * A fresh RFI of the demo's kind whose panel has signed and scored every response: the chair's consensus
   * tasks are open. Answers the process instance.
   */
  public String atConsensus(String title, String description) {
    String instance = underEvaluation(title, description);
    membersOf().forEach(member -> attest(instance, member));
    scoreAll(instance, REVIEWERS);
    return instance;
  }

  private static List<String> membersOf() {
    List<String> members = new ArrayList<>(REVIEWERS);
    members.add(0, CHAIR);
    return members;
  }

  private String draft(String title, String description, boolean allowLate) {
    Map<String, Object> form = new HashMap<>();
    form.put("agencyCode", "HHS");
    form.put("title", title);
    form.put("description", description);
    form.put("topics", TOPICS);
    form.put("closeDate", gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now(records.clock()).plusDays(21))
        .toString());
    form.put("allowLate", allowLate);
    form.put("panelChair", CHAIR);
    form.put("scaleType", "NUMERIC");
    form.put("criteria", CRITERIA);
    return steps.as(DIRECTOR, () -> runtimeService.startProcessInstanceByKey(RfiProcess.KEY, form).getId());
  }

  private void approve(String instance) {
    steps.complete(instance, RfiProcess.Elements.TASK_APPROVE_PLAN, DIRECTOR, Map.of("planDecision", "APPROVE"));
  }

  private String rfiId(String instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
  }

  private void respond(String instance, Respondent respondent) {
    List<RfiResponseService.TopicAnswer> answers = new ArrayList<>();
    String[] themes = {"a cloud grants-management platform in production at several federal and state grant makers",
        "native support for the grants data standards and APIs for exchange with federal award systems",
        "applicant portals tested with grantees, with accessibility conformance reports",
        "availability on a GSA schedule with per-user and per-award pricing"};
    for (int topic = 1; topic <= respondent.topicsAnswered(); topic++) {
      answers.add(new RfiResponseService.TopicAnswer(topic, respondent.organization() + " offers "
          + themes[topic - 1] + "."));
    }
    String rfiId = rfiId(instance);
    steps.as(respondent.user(), () -> {
      RfiResponse response = responses.submit(rfiId, new RfiResponseService.Submission(
          respondent.organization(), respondent.uei(), respondent.smallBusiness(), "Program office",
          "rfi@" + respondent.organization().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "")
              + ".example.com", respondent.proprietary(), answers), Caller.current(identityService));
      // Each response carries a capability statement, which the panel opens from its forms.
      return responses.attach(rfiId, response.id, CAPABILITY_STATEMENT, "text/plain",
          (respondent.organization() + ": capability statement.\n" + String.join("\n",
              answers.stream().map(RfiResponseService.TopicAnswer::answer).toList()) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8), Caller.current(identityService));
    });
  }

  /** The file name of each demo response's attachment. */
  public static final String CAPABILITY_STATEMENT = "capability-statement.txt";

  /** Approved, four responses in, closed: waiting for the screening. */
  private String closed(String title, String description) {
    String instance = draft(title, description, false);
    approve(instance);
    RESPONDENTS.forEach(respondent -> respond(instance, respondent));
    steps.fireTimer(instance, RfiProcess.Elements.TIMER_CLOSE_DATE_REACHED);
    return instance;
  }

  /** Approved, four responses in, closed, screened (one fails the checks), panel of four formed. */
  private String underEvaluation(String title, String description) {
    String instance = closed(title, description);
    steps.complete(instance, RfiProcess.Elements.TASK_CONFIRM_SCREENING, OFFICER,
        Map.of("screeningDecision", "CONFIRM"));
    steps.complete(instance, RfiProcess.Elements.TASK_FORM_PANEL, CHAIR,
        Map.of("reviewers", String.join("\n", REVIEWERS)));
    return instance;
  }

  private void attest(String instance, String member) {
    steps.complete(instance, RfiProcess.Elements.TASK_SIGN_ATTESTATION, member, Map.of("attest", true));
  }

  private void scoreAll(String instance, List<String> reviewers) {
    List<RfiResponse> eligible = responses.eligible(rfiId(instance));
    for (String reviewer : reviewers) {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(rfiId(instance))
          .taskDefinitionKey(RfiProcess.Elements.TASK_SCORE_RESPONSE).taskAssignee(reviewer).list()) {
        String assignment = (String) taskService.getVariable(task.getId(), RfiProcess.Variables.ASSIGNMENT_ID);
        String response = scoring.require(assignment).responseId;
        int n = eligible.stream().map(r -> r.id).toList().indexOf(response);
        int[] ratings = RATINGS[Math.max(0, n) % RATINGS.length][REVIEWERS.indexOf(reviewer)];
        Map<String, Object> form = new HashMap<>();
        for (int c = 0; c < ratings.length; c++) {
          form.put(RfiProcess.Variables.rating(c + 1), ratings[c]);
          form.put(RfiProcess.Variables.strengths(c + 1), ratings[c] >= 4 ? "Well evidenced." : "Some evidence.");
          form.put(RfiProcess.Variables.weaknesses(c + 1), ratings[c] <= 2 ? "Little federal experience." : null);
          form.put(RfiProcess.Variables.rationale(c + 1), "Rated " + ratings[c] + " against the level definitions.");
        }
        form.values().removeIf(java.util.Objects::isNull);
        steps.as(reviewer, () -> taskService.complete(task.getId(), form));
      }
      steps.settle(instance);
    }
  }
}
