package gov.qsmo.workflow.resilience;

import static gov.qsmo.workflow.resilience.Fixtures.completePlan;
import static gov.qsmo.workflow.resilience.Fixtures.designationStart;
import static gov.qsmo.workflow.resilience.Fixtures.form;
import static gov.qsmo.workflow.resilience.Fixtures.rfiPlan;
import static gov.qsmo.workflow.resilience.Fixtures.rfiResponse;
import static gov.qsmo.workflow.resilience.Fixtures.scores;
import static gov.qsmo.workflow.resilience.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.designation.DesignationProcess;
import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.resilience.Fixtures.Designation;
import gov.qsmo.workflow.resilience.Fixtures.Rfi;
import gov.qsmo.workflow.HttpTestClient.Upload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad requests across the application's API and Camunda's form submissions, as the demo users: wrong
 * types, missing and extra fields, oversized and odd text, markup, SQL metacharacters, other people's
 * objects, actions in the wrong state, malformed bodies, unknown ids, path traversal. Each is answered
 * 4xx (never 500) with a message that says what to fix, and leaves every record as it was: the
 * application's tables, the open tasks, executions, variables and history rows hash the same after as
 * before.
 */
@RunningApplicationTest
class BadInputCorpusIT {

  private static final String X4001 = "x".repeat(4001);
  private static final String ONE_MB = "y".repeat(1024 * 1024);
  private static final String NUL = "before\u0000after";
  private static final String LONE_SURROGATE = "before\uD800after";
  private static final String RTL_OVERRIDE = "\u202E";
  private static final String ZERO_WIDTH = "\u200B";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String SQL = "' OR 1=1 --";

  /** Tables whose rows must not change when a request is refused. */
  private static final List<String> ENGINE_TABLES = List.of("act_ru_task", "act_ru_execution", "act_ru_variable",
      "act_ru_job", "act_ru_identitylink", "act_ru_incident", "act_hi_procinst", "act_hi_taskinst", "act_hi_varinst");

  /** The administrator of the test profile (application-test.yaml). */
  private static final String ADMIN = "admin:test-only-admin-password";

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;

  /**
   * One bad request: who sends what, the status range it must get and a fragment its message must
   * contain (case-insensitive). {@code openTask}, when set, must still be open afterwards.
   */
  record Case(String name, String user, String method, String path, Object body, String contentType, int minStatus,
      int maxStatus, String fragment, String openTask) {

    static Case of(String name, String user, String method, String path, Object body, int status, String fragment) {
      return new Case(name, user, method, path, body, null, status, status, fragment, null);
    }

    Case contentType(String type) {
      return new Case(name, user, method, path, body, type, minStatus, maxStatus, fragment, openTask);
    }

    Case anyClientError() {
      return new Case(name, user, method, path, body, contentType, 400, 499, fragment, openTask);
    }

    Case taskStaysOpen(String taskId) {
      return new Case(name, user, method, path, body, contentType, minStatus, maxStatus, fragment, taskId);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyBadRequestIsRefusedWithWhatToFixAndChangesNothing() {
    Fixtures fx = new Fixtures(port, managementService);
    List<Case> cases = new ArrayList<>();
    designationApi(fx, cases);
    rfiApi(fx, cases);
    designationForms(fx, cases);
    rfiForms(fx, cases);
    conditions(fx, cases);
    designationChanges(fx, cases);
    marketplace(fx, cases);
    assessments(fx, cases);
    marketplaceCandidates(fx, cases);
    dataCalls(fx, cases);
    assertThat(cases).as("the corpus").hasSizeGreaterThanOrEqualTo(50);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(fx, c)));
  }

  // ---- the application's API: designations ---------------------------------------------------------

  private void designationApi(Fixtures fx, List<Case> cases) {
    Designation plan = fx.preDesignated("CYBER", "DHS");
    Designation hhs = fx.identified("GRANTS", "HHS");
    String versions = "/api/designations/" + plan.id() + "/plan-versions";
    String planTask = fx.task(plan.instance(), DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN).path("id").asText();

    cases.add(Case.of("plan API: a number for a section's text", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "governance", 42)), 400, "Governance must be text")
        .taskStaysOpen(planTask));
    cases.add(Case.of("plan API: true/false for a section's text", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "governance", true)), 400, "Governance must be text"));
    cases.add(Case.of("plan API: an array for a section's text", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "risks", List.of("a", "b"))), 400, "Risks must be text"));
    cases.add(Case.of("plan API: an object for a section's text", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "risks", Map.of("text", "a"))), 400, "Risks must be text"));
    cases.add(Case.of("plan API: sections as an array", "director.dhs", "POST", versions,
        Map.of("sections", List.of("governance")), 400, "check 'sections'"));
    cases.add(Case.of("plan API: no sections at all", "director.dhs", "POST", versions, Map.of(), 400,
        "Send the plan's sections"));
    cases.add(Case.of("plan API: a section that does not exist", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "budget", "Ten million dollars.")), 400,
        "'budget' is not a plan section"));
    cases.add(Case.of("plan API: a field beside sections", "director.dhs", "POST", versions,
        Map.of("sections", completePlan(), "versionNumber", 7), 400, "'versionNumber'"));
    cases.add(Case.of("plan API: 4,001 characters in a section", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "risks", X4001)), 400, "shorten it to at most 4000"));
    cases.add(Case.of("plan API: a 1 MB section", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "risks", ONE_MB)), 400, "shorten it to at most 4000"));
    cases.add(Case.of("plan API: a NUL character", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "governance", NUL)), 400, "control character"));
    cases.add(Case.of("plan API: a lone surrogate", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "governance", LONE_SURROGATE)), 400, "invalid Unicode character"));
    cases.add(Case.of("plan API: an RTL override inside the provider type", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "serviceOfferings",
            "Payroll | feder" + RTL_OVERRIDE + "al | Interior Business Center | Interagency agreement")), 400,
        "must be federal or commercial"));
    cases.add(Case.of("plan API: a zero-width space after the provider type", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "serviceOfferings",
            "Payroll | federal" + ZERO_WIDTH + " | Interior Business Center | Interagency agreement")), 400,
        "must be federal or commercial"));
    cases.add(Case.of("plan API: a script instead of service-offering lines", "director.dhs", "POST", versions,
        Map.of("sections", with(completePlan(), "serviceOfferings", SCRIPT)), 400, "is not an offering"));
    cases.add(Case.of("plan API: malformed JSON", "director.dhs", "POST", versions, "{\"sections\": {\"governance\": ",
        400, "not JSON of the documented form"));
    cases.add(Case.of("plan API: text/plain instead of JSON", "director.dhs", "POST", versions,
        "sections=governance", 415, "application/json").contentType("text/plain"));
    cases.add(Case.of("plan API: another agency's designation", "director.dhs", "POST",
        "/api/designations/" + hhs.id() + "/plan-versions", Map.of("sections", completePlan()), 404,
        "No designation with id"));
    cases.add(Case.of("plan API: a designation not waiting for its plan", "director.hhs", "POST",
        "/api/designations/" + hhs.id() + "/plan-versions", Map.of("sections", completePlan()), 409,
        "waits at Pre-designate candidate agency"));
    cases.add(Case.of("plan API: a plan change after the designation was decided", "director.treas", "POST",
        "/api/designations/DSG-2020-0002/plan-versions", Map.of("sections", completePlan()), 409, "is DESIGNATED"));
    cases.add(Case.of("plan API: an unknown designation", "director.dhs", "POST",
        "/api/designations/DSG-1999-0001/plan-versions", Map.of("sections", completePlan()), 404, "DSG-1999-0001"));
    cases.add(Case.of("designation API: SQL metacharacters as the id", "auditor", "GET",
        "/api/designations/%27%20OR%201%3D1%20--", null, 404, "No designation with id '' OR 1=1 --'"));
    cases.add(Case.of("designation API: compare with a version that is text", "auditor", "GET",
        "/api/designations/" + plan.id() + "/plan-versions/compare?from=first&to=2", null, 400, "'from'"));
    cases.add(Case.of("designation API: compare without 'to'", "auditor", "GET",
        "/api/designations/" + plan.id() + "/plan-versions/compare?from=1", null, 400, "'to'"));
    cases.add(Case.of("designation API: a path that does not exist", "auditor", "GET",
        "/api/designations/" + plan.id() + "/budget", null, 404, "/budget"));
    cases.add(Case.of("designation API: a method it does not have", ADMIN, "DELETE",
        "/api/designations/" + plan.id(), null, 405, "DELETE"));
    String redesignation = "/api/designations/DSG-2020-0002/redesignation";
    cases.add(Case.of("redesignation: a number for the plan due date", "omb.decider", "POST", redesignation,
        Map.of("successorAgencyCode", "GSA", "planDueDate", 20270630, "reason", "Consolidate."), 400,
        "check 'planDueDate'"));
    cases.add(Case.of("redesignation: a date that does not exist", "omb.decider", "POST", redesignation,
        Map.of("successorAgencyCode", "GSA", "planDueDate", "2027-02-30", "reason", "Consolidate."), 400,
        "yyyy-mm-dd"));
    cases.add(Case.of("redesignation: SQL metacharacters as the agency", "omb.decider", "POST", redesignation,
        Map.of("successorAgencyCode", SQL, "planDueDate", "2027-06-30", "reason", "Consolidate."), 400,
        "Unknown agency"));
    cases.add(Case.of("redesignation: a reason of 4,001 characters", "omb.decider", "POST", redesignation,
        Map.of("successorAgencyCode", "GSA", "planDueDate", "2027-06-30", "reason", X4001), 400,
        "shorten it to at most 4000"));
    cases.add(Case.of("redesignation: a plan due date on a Sunday", "omb.decider", "POST", redesignation,
        Map.of("successorAgencyCode", "GSA", "planDueDate", "2027-07-04", "reason", "Consolidate."), 400,
        "Plan due date 2027-07-04 is not a business day (a Sunday); the next business day is 2027-07-06"));
    cases.add(Case.of("calendar: a closure day added by someone not an administrator", "omb.decider", "POST",
        "/api/calendar/closures", Map.of("date", "2027-06-30", "reason", "Snow."), 403, "do not allow POST"));
    cases.add(Case.of("calendar: a closure on a day that does not exist", ADMIN, "POST", "/api/calendar/closures",
        Map.of("date", "2027-02-30", "reason", "Snow."), 400, "yyyy-mm-dd"));
    cases.add(Case.of("calendar: a closure on Christmas Day", ADMIN, "POST", "/api/calendar/closures",
        Map.of("date", "2027-12-24", "reason", "Snow."), 400, "no business day already"));
    cases.add(Case.of("redesignation: without the successor", "omb.decider", "POST", redesignation,
        Map.of("planDueDate", "2027-06-30", "reason", "Consolidate."), 400, "Name the successor agency"));
  }

  // ---- the application's API: RFIs ------------------------------------------------------------------

  private void rfiApi(Fixtures fx, List<Case> cases) {
    Rfi draft = fx.drafted(rfiPlan("RFI: draft for the corpus", "Coverage of reporting needs"));
    Rfi open = fx.open(rfiPlan("RFI: open for the corpus", "Coverage of reporting needs"));
    String acme = fx.respond("respondent.acme", open, rfiResponse("Acme Grants Cloud", "We report."));
    String civic = fx.respond("respondent.civic", open, rfiResponse("CivicGrants Inc.", "We report too."));
    String attachments = "/api/rfis/" + open.id() + "/responses/" + acme + "/attachments";
    Response uploaded = fx.http.upload("respondent.acme", attachments, "capability.txt", "text/plain",
        "Capability statement".getBytes(StandardCharsets.UTF_8));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

    Rfi scoring = fx.open(rfiPlan("RFI: scoring for the corpus", "Coverage of reporting needs"));
    fx.respond("respondent.acme", scoring, rfiResponse("Acme Grants Cloud", "We report."));
    fx.respond("respondent.civic", scoring, rfiResponse("CivicGrants Inc.", "We report too."));
    fx.toScoring(scoring);
    JsonNode firstOfReviewer1 = fx.taskOf("reviewer1", scoring.instance(), RfiProcess.Elements.TASK_SCORE_RESPONSE);
    fx.complete("reviewer1", firstOfReviewer1.path("id").asText(), scores("Clear."), scoring.instance());
    String scoredByReviewer1 = assignment(fx, scoring, "reviewer1", "SCORED");

    Rfi closed = fx.open(rfiPlan("RFI: consensus for the corpus", "Coverage of reporting needs"));
    fx.respond("respondent.acme", closed, rfiResponse("Acme Grants Cloud", "We report."));
    fx.toScoring(closed);
    fx.scoreAll(closed, "Clear.");
    String closedOfReviewer1 = assignment(fx, closed, "reviewer1", "SCORED");

    String rfis = "/api/rfis";
    String director = Fixtures.DIRECTOR;
    Map<String, Object> plan = rfiPlan("RFI: must never be created", "Coverage of reporting needs");
    cases.add(Case.of("RFI API: a number for the title", director, "POST", rfis, with(plan, "title", 42), 400,
        "check 'title'"));
    cases.add(Case.of("RFI API: text for a weight", director, "POST", rfis, with(plan, "criteria", List.of(
        Map.of("name", "Capabilities", "weight", "fifty", "guidance", "g"))), 400, "check 'criteria.weight'"));
    cases.add(Case.of("RFI API: a weight written as text of a number", director, "POST", rfis, with(plan, "criteria",
        List.of(Map.of("name", "Capabilities", "weight", "100", "guidance", "g"))), 400, "check 'criteria.weight'"));
    cases.add(Case.of("RFI API: a fractional weight", director, "POST", rfis, with(plan, "criteria", List.of(
        Map.of("name", "Capabilities", "weight", 99.5, "guidance", "g"))), 400, "check 'criteria.weight'"));
    cases.add(Case.of("RFI API: topics as one text", director, "POST", rfis, with(plan, "topics", "Pricing"), 400,
        "check 'topics'"));
    cases.add(Case.of("RFI API: criteria as an object", director, "POST", rfis, with(plan, "criteria", Map.of()), 400,
        "check 'criteria'"));
    cases.add(Case.of("RFI API: a number for late responses", director, "POST", rfis, with(plan, "allowLate", 1), 400,
        "check 'allowLate'"));
    cases.add(Case.of("RFI API: a number for the scale", director, "POST", rfis, with(plan, "scaleType", 1), 400,
        "check 'scaleType'"));
    cases.add(Case.of("RFI API: an unknown scale", director, "POST", rfis, with(plan, "scaleType", "STARS"), 400,
        "check 'scaleType'"));
    cases.add(Case.of("RFI API: a field the plan does not have", director, "POST", rfis, with(plan, "status", "OPEN"),
        400, "'status'"));
    java.time.LocalDate weekend = java.time.LocalDate.now().plusDays(30);
    while (weekend.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
      weekend = weekend.plusDays(1);
    }
    cases.add(Case.of("RFI API: a close date on a Saturday", director, "POST", rfis, with(plan, "closeDate",
        weekend.toString()), 400, "is not a business day"));
    // 25 December is never a business day (Christmas, or a weekend day when it falls on one).
    java.time.LocalDate holiday = java.time.LocalDate.of(java.time.LocalDate.now().getYear(), 12, 25);
    if (!holiday.isAfter(java.time.LocalDate.now())) {
      holiday = holiday.plusYears(1);
    }
    cases.add(Case.of("RFI API: a close date on Christmas Day", director, "POST", rfis, with(plan, "closeDate",
        holiday.toString()), 400, "the next business day is"));
    Map<String, Object> noCloseDate = new LinkedHashMap<>(plan);
    noCloseDate.remove("closeDate");
    cases.add(Case.of("RFI API: without a close date", director, "POST", rfis, noCloseDate, 400, "close date"));
    cases.add(Case.of("RFI API: a title of 4,001 characters", director, "POST", rfis, with(plan, "title", X4001), 400,
        "Title is 4001 characters long"));
    cases.add(Case.of("RFI API: a 1 MB description", director, "POST", rfis, with(plan, "description", ONE_MB), 400,
        "shorten it to at most 4000"));
    cases.add(Case.of("RFI API: a NUL character in a topic", director, "POST", rfis,
        with(plan, "topics", List.of("Pricing", NUL)), 400, "control character"));
    cases.add(Case.of("RFI API: SQL metacharacters as the agency", director, "POST", rfis,
        with(plan, "agencyCode", "HHS" + SQL), 400, "Unknown agency"));
    cases.add(Case.of("RFI API: a zero-width space in the agency", director, "POST", rfis,
        with(plan, "agencyCode", "HHS" + ZERO_WIDTH), 400, "Unknown agency"));
    cases.add(Case.of("RFI API: an emoji as the panel chair", director, "POST", rfis,
        with(plan, "panelChair", "panel.chair\uD83D\uDE00"), 400, "is not an RFI panel chair"));
    cases.add(Case.of("RFI API: malformed JSON", director, "POST", rfis, "{\"title\": \"x\",", 400,
        "not JSON of the documented form"));
    cases.add(Case.of("RFI API: a form body instead of JSON", director, "POST", rfis, "title=x", 415,
        "application/json").contentType("application/x-www-form-urlencoded"));
    cases.add(Case.of("RFI API: an unknown RFI", "auditor", "GET", rfis + "/RFI-1999-0001", null, 404,
        "No RFI with id 'RFI-1999-0001'"));
    cases.add(Case.of("RFI API: a plan change after approval", director, "PUT", rfis + "/" + open.id() + "/plan",
        plan, 409, "frozen"));
    cases.add(Case.of("RFI API: a plan change while it waits for approval", director, "PUT",
        rfis + "/" + draft.id() + "/plan", plan, 409, "waiting for the director's approval"));

    String responses = rfis + "/" + open.id() + "/responses";
    Map<String, Object> response = rfiResponse("New Respondent LLC", "An answer.");
    cases.add(Case.of("response: to a draft RFI", Fixtures.OFFICER, "POST", rfis + "/" + draft.id() + "/responses",
        response, 409, "not open for responses yet"));
    cases.add(Case.of("response: text for small business", "respondent.acme", "POST", responses,
        with(response, "smallBusiness", "yes"), 400, "check 'smallBusiness'"));
    cases.add(Case.of("response: answers as one text", "respondent.acme", "POST", responses,
        with(response, "answers", "We do everything."), 400, "check 'answers'"));
    cases.add(Case.of("response: a topic given as a word", "respondent.acme", "POST", responses,
        with(response, "answers", List.of(Map.of("topic", "one", "answer", "x"))), 400, "check 'answers.topic'"));
    cases.add(Case.of("response: a topic the RFI does not have", "respondent.acme", "POST", responses,
        with(response, "answers", List.of(Map.of("topic", 9, "answer", "x"))), 400, "from 1 to 3 (9 given)"));
    cases.add(Case.of("response: without an organization", "respondent.acme", "POST", responses,
        with(response, "organization", null), 400, "Organization is required"));
    cases.add(Case.of("response: someone else named as the sender", "respondent.acme", "POST", responses,
        with(response, "submittedBy", "respondent.civic"), 400, "'submittedBy'"));
    cases.add(Case.of("response: a NUL character in an answer", "respondent.acme", "POST", responses,
        with(response, "answers", List.of(Map.of("topic", 1, "answer", NUL))), 400, "control character"));
    cases.add(Case.of("response: a lone surrogate in an answer", "respondent.acme", "POST", responses,
        with(response, "answers", List.of(Map.of("topic", 1, "answer", LONE_SURROGATE))), 400,
        "invalid Unicode character"));
    cases.add(Case.of("response: a 1 MB answer", "respondent.acme", "POST", responses,
        with(response, "answers", List.of(Map.of("topic", 1, "answer", ONE_MB))), 400, "shorten it to at most 4000"));
    cases.add(Case.of("response: a zero-width space in the UEI", "respondent.acme", "POST", responses,
        with(response, "uei", "J7M9HPTGJ1S" + ZERO_WIDTH + "9"), 400, "UEI is 13 characters long"));
    cases.add(Case.of("response: an RTL override in the e-mail address", "respondent.acme", "POST", responses,
        with(response, "contactEmail", "rfi@" + RTL_OVERRIDE + "moc.elpmaxe"), 400, "is not an e-mail address"));
    cases.add(Case.of("response: markup as the e-mail address", "respondent.acme", "POST", responses,
        with(response, "contactEmail", "<img src=x onerror=alert(1)>"), 400, "is not an e-mail address"));
    cases.add(Case.of("response: from a reviewer's account", "reviewer1", "POST", responses, response, 403,
        "Responses come from respondents' accounts"));
    cases.add(Case.of("response: another respondent's response", "respondent.civic", "GET", responses + "/" + acme,
        null, 404, "no response '" + acme + "' you may see"));
    cases.add(Case.of("response: SQL metacharacters as the response id", "auditor", "GET",
        responses + "/%27%20OR%201%3D1%20--", null, 404, "has no response '' OR 1=1 --'"));

    byte[] file = "Capability statement".getBytes(StandardCharsets.UTF_8);
    cases.add(Case.of("attachment: a file name climbing out of its folder", "respondent.acme", "POST", attachments,
        new Upload("file", "../../etc/passwd", "text/plain", file), 400, "File name"));
    cases.add(Case.of("attachment: a Windows file name climbing out of its folder", "respondent.acme", "POST",
        attachments, new Upload("file", "..\\..\\windows\\win.ini", "text/plain", file), 400, "File name"));
    cases.add(Case.of("attachment: an RTL override hiding the extension", "respondent.acme", "POST", attachments,
        new Upload("file", "invoice" + RTL_OVERRIDE + "fdp.exe", "application/pdf", file), 400, "File name"));
    cases.add(Case.of("attachment: to another respondent's response", "respondent.civic", "POST", attachments,
        new Upload("file", "x.txt", "text/plain", file), 404, "of yours"));
    cases.add(Case.of("attachment: an empty file", "respondent.acme", "POST", attachments,
        new Upload("file", "empty.txt", "text/plain", new byte[0]), 400, "The file is empty"));
    cases.add(Case.of("attachment: the file under another part name", "respondent.acme", "POST", attachments,
        new Upload("upload", "x.txt", "text/plain", file), 400, "'file'"));
    cases.add(Case.of("attachment: JSON instead of a multipart upload", "respondent.acme", "POST", attachments,
        Map.of("file", "x"), 415, "multipart/form-data"));
    cases.add(Case.of("attachment: an id that is text", "respondent.acme", "GET", attachments + "/first", null, 400,
        "'attachmentId'"));
    cases.add(Case.of("attachment: an unknown id", "respondent.acme", "GET", attachments + "/999999999", null, 404,
        "has no attachment 999999999"));
    cases.add(Case.of("attachment: another respondent's file list", "respondent.civic", "GET", attachments, null, 404,
        "you may see"));

    String corrections = rfis + "/" + scoring.id() + "/assignments/" + scoredByReviewer1 + "/corrections";
    Map<String, Object> correction = Map.of("scores", List.of(
        Map.of("criterion", 1, "rating", 4, "rationale", "Rechecked."),
        Map.of("criterion", 2, "rating", 4, "rationale", "Rechecked."),
        Map.of("criterion", 3, "rating", 4, "rationale", "Rechecked.")), "reason", "Misread the scale.");
    cases.add(Case.of("correction: of another reviewer's assignment", "reviewer2", "POST", corrections, correction,
        409, "is assigned to reviewer1"));
    cases.add(Case.of("correction: a rating written as text", "reviewer1", "POST", corrections,
        Map.of("scores", List.of(Map.of("criterion", 1, "rating", "4", "rationale", "r")), "reason", "r"), 400,
        "check 'scores.rating'"));
    cases.add(Case.of("correction: a rating outside the scale", "reviewer1", "POST", corrections, Map.of("scores",
        List.of(Map.of("criterion", 1, "rating", 9, "rationale", "r"), Map.of("criterion", 2, "rating", 4,
            "rationale", "r"), Map.of("criterion", 3, "rating", 4, "rationale", "r")), "reason", "r"), 400,
        "is outside the scale"));
    cases.add(Case.of("correction: without a reason", "reviewer1", "POST", corrections,
        Map.of("scores", correction.get("scores")), 400, "Say why you correct your scores"));
    cases.add(Case.of("correction: without scores", "reviewer1", "POST", corrections, Map.of("reason", "r"), 400,
        "Send every criterion's score"));
    cases.add(Case.of("correction: an assignment id that is text", "reviewer1", "POST",
        rfis + "/" + scoring.id() + "/assignments/first/corrections", correction, 404, "No assignment 'first'"));
    cases.add(Case.of("correction: an assignment of another RFI", "reviewer1", "POST",
        rfis + "/" + open.id() + "/assignments/" + scoredByReviewer1 + "/corrections", correction, 403,
        "is for its panel and oversight"));
    cases.add(Case.of("correction: after scoring closed", "reviewer1", "POST",
        rfis + "/" + closed.id() + "/assignments/" + closedOfReviewer1 + "/corrections", correction, 409,
        "has closed"));
    String moves = rfis + "/" + scoring.id() + "/assignments/moves";
    cases.add(Case.of("move: by a reviewer, not the chair", "reviewer1", "POST", moves,
        Map.of("from", "reviewer1", "to", "reviewer2", "reason", "r"), 403, "Only the panel chair"));
    cases.add(Case.of("move: without a reason", Fixtures.CHAIR, "POST", moves,
        Map.of("from", "reviewer1", "to", "reviewer2"), 400, "Give the reason"));
    cases.add(Case.of("move: to someone off the panel", Fixtures.CHAIR, "POST", moves,
        Map.of("from", "reviewer1", "to", "nobody.here", "reason", "r"), 400, "'nobody.here' is not on the panel"));
    cases.add(Case.of("move: a reviewer written as a number", Fixtures.CHAIR, "POST", moves,
        Map.of("from", 7, "to", "reviewer2", "reason", "r"), 400, "'from'"));
    cases.add(Case.of("move: on a closed evaluation", Fixtures.CHAIR, "POST", rfis + "/" + closed.id()
        + "/assignments/moves", Map.of("from", "reviewer1", "to", "reviewer2", "reason", "r"), 409, "not in scoring"));
    cases.add(Case.of("replace: a member once scoring has started", Fixtures.CHAIR, "POST", rfis + "/" + scoring.id()
        + "/panel/replacements", Map.of("member", "reviewer1", "replacement", "reviewer4", "reason", "r"), 409,
        "not signing attestations"));
    cases.add(Case.of("scores: another reviewer's while scoring is blind", "reviewer1", "GET",
        rfis + "/" + scoring.id() + "/scores?reviewer=reviewer2", null, 403, "Scoring is blind"));
    cases.add(Case.of("results: before the consensus step", "auditor", "GET", rfis + "/" + scoring.id() + "/results",
        null, 409, "from the consensus step on"));
    cases.add(Case.of("report: before it is generated", director, "GET", rfis + "/" + scoring.id() + "/report.pdf",
        null, 409, "there is none yet"));
  }

  private static String assignment(Fixtures fx, Rfi rfi, String reviewer, String status) {
    for (JsonNode a : fx.http.get(Fixtures.CHAIR, "/api/rfis/" + rfi.id() + "/assignments").json()) {
      if (a.path("reviewerId").asText().equals(reviewer) && a.path("status").asText().equals(status)) {
        return a.path("id").asText();
      }
    }
    throw new AssertionError("No " + status + " assignment of " + reviewer + " in " + rfi.id());
  }

  // ---- Camunda form submissions: designation --------------------------------------------------------

  private void designationForms(Fixtures fx, List<Case> cases) {
    String start = Fixtures.START_DESIGNATION;
    Map<String, Object> values = designationStart("CYBER", "DHS");
    cases.add(Case.of("start form: a number for the agency", "omb.analyst", "POST", start,
        form(with(values, "agencyCode", 5)), 400, "Candidate agency must be text"));
    cases.add(Case.of("start form: true/false for the scope", "omb.analyst", "POST", start,
        form(with(values, "scope", true)), 400, "Scope must be text"));
    cases.add(Case.of("start form: a list for the scope", "omb.analyst", "POST", start,
        form(with(values, "scope", List.of("a", "b"))), 400, "Scope must be text, not a list"));
    cases.add(Case.of("start form: an object for the scope", "omb.analyst", "POST", start,
        form(with(values, "scope", Map.of("text", "a"))), 400, "Scope must be text, not an object"));
    cases.add(Case.of("start form: a scope of 4,001 characters", "omb.analyst", "POST", start,
        form(with(values, "scope", X4001)), 400, "Scope is 4001 characters long"));
    cases.add(Case.of("start form: a 1 MB scope", "omb.analyst", "POST", start,
        form(with(values, "scope", ONE_MB)), 400, "shorten it to at most 4000"));
    cases.add(Case.of("start form: a NUL character in the scope", "omb.analyst", "POST", start,
        form(with(values, "scope", NUL)), 400, "control character"));
    cases.add(Case.of("start form: a lone surrogate in the scope", "omb.analyst", "POST", start,
        form(with(values, "scope", LONE_SURROGATE)), 400, "invalid Unicode character"));
    cases.add(Case.of("start form: a due date in words", "omb.analyst", "POST", start,
        form(with(values, "planDueDate", "next spring")), 400, "is not a date"));
    // A due date on a holiday or a weekend: refused with the next business day named (ADR 0017).
    // Christmas 2026 (a Friday) while it is ahead, then the next Christmas.
    java.time.LocalDate today = java.time.LocalDate.now();
    java.time.LocalDate christmas = java.time.LocalDate.of(2026, 12, 25).isAfter(today)
        ? java.time.LocalDate.of(2026, 12, 25)
        : java.time.LocalDate.of(today.getMonthValue() == 12 && today.getDayOfMonth() >= 25 ? today.getYear() + 1
            : today.getYear(), 12, 25);
    cases.add(Case.of("start form: a due date on Christmas Day", "omb.analyst", "POST", start,
        form(with(values, "planDueDate", christmas.toString())), 400, "is not a business day (Christmas Day); "
            + "the next business day is " + gov.qsmo.workflow.calendar.TestDates.businessDay(christmas.plusDays(1))));
    java.time.LocalDate saturday = today.plusWeeks(3)
        .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    cases.add(Case.of("start form: a due date on a Saturday", "omb.analyst", "POST", start,
        form(with(values, "planDueDate", saturday.toString())), 400, "(a Saturday); the next business day is "
            + gov.qsmo.workflow.calendar.TestDates.businessDay(saturday)));
    cases.add(Case.of("start form: SQL metacharacters as the area", "omb.analyst", "POST", start,
        form(with(values, "functionalAreaCode", SQL)), 400, "is not a valid code"));
    cases.add(Case.of("start form: the designation id set by hand", "omb.analyst", "POST", start,
        form(with(values, "designationId", "DSG-2020-0001")), 400, "'designationId' is not a field of this form"));
    cases.add(Case.of("start form: without any field", "omb.analyst", "POST", start, Map.of("variables", Map.of()),
        400, "is required"));
    cases.add(Case.of("start form: a typed value that is not of its type", "omb.analyst", "POST", start,
        Map.of("variables", Map.of("scope", Map.of("value", "abc", "type", "Integer"))), 400,
        "Cannot convert value 'abc'"));
    cases.add(Case.of("start form: malformed JSON", "omb.analyst", "POST", start, "{\"variables\": {", 400,
        "request body is not"));
    cases.add(Case.of("start form: text/plain", "omb.analyst", "POST", start, "scope=x", 415, "Unsupported Media Type")
        .contentType("text/plain"));
    cases.add(Case.of("start form: a process that does not exist", "omb.analyst", "POST",
        "/engine-rest/process-definition/key/no-such-process/submit-form", form(values), 404, "no-such-process"));

    Designation decide = fx.identified("CYBER", "DHS");
    String preDesignate = fx.task(decide.instance(), DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).path("id").asText();
    String task = "/engine-rest/task/" + preDesignate + "/submit-form";
    cases.add(Case.of("pre-designation: a decision that is no choice", "omb.decider", "POST", task,
        form(Map.of("decision", "MAYBE")), 400, "'MAYBE' is not one of").taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: a number for the decision", "omb.decider", "POST", task,
        form(Map.of("decision", 1)), 400, "Decision must be text").taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: a list for the decision", "omb.decider", "POST", task,
        form(Map.of("decision", List.of("PRE_DESIGNATE"))), 400, "Decision must be text, not a list")
        .taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: a reason of 4,001 characters", "omb.decider", "POST", task,
        form(Map.of("decision", "DECLINE", "decisionReason", X4001)), 400, "shorten it to at most 4000")
        .taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: a pre-designation with a 4,001-character reason", "omb.decider", "POST", task,
        form(Map.of("decision", "PRE_DESIGNATE", "decisionReason", X4001)), 400, "shorten it to at most 4000")
        .taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: another agency set by hand", "omb.decider", "POST", task,
        form(Map.of("decision", "PRE_DESIGNATE", "agencyCode", "GSA")), 400, "'agencyCode' is set by the process")
        .taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: another designation's id", "omb.decider", "POST", task,
        form(Map.of("decision", "PRE_DESIGNATE", "designationId", "DSG-2020-0002")), 400,
        "'designationId' is set by the process").taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: an engine counter set to text", "omb.decider", "POST", task,
        form(Map.of("decision", "PRE_DESIGNATE", "loopCounter", "x")), 400, "loopCounter")
        .taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: by a QSMO director", "director.dhs", "POST", task,
        form(Map.of("decision", "PRE_DESIGNATE")), 403, "does not have").taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: text/plain", "omb.decider", "POST", task, "decision=PRE_DESIGNATE", 415,
        "Unsupported Media Type").contentType("text/plain").taskStaysOpen(preDesignate));
    cases.add(Case.of("pre-designation: malformed JSON", "omb.decider", "POST", task, "{\"variables\": [", 400,
        "request body is not")
        .taskStaysOpen(preDesignate));

    Designation plan = fx.preDesignated("CYBER", "DHS");
    String planTask = fx.task(plan.instance(), DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN).path("id").asText();
    String finished = fx.http.get("auditor", "/engine-rest/history/task?processInstanceId=" + plan.instance()
        + "&taskDefinitionKey=" + DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE).json().get(0).path("id").asText();
    cases.add(Case.of("pre-designation: deciding a finished task", "omb.decider", "POST",
        "/engine-rest/task/" + finished + "/submit-form", form(Map.of("decision", "DECLINE", "decisionReason", "x")),
        404, "is no longer open"));
    cases.add(Case.of("task: an unknown task id", "omb.decider", "POST",
        "/engine-rest/task/00000000-0000-0000-0000-000000000000/submit-form", form(Map.of("decision", "DECLINE")),
        404, "is not open"));
    cases.add(Case.of("plan form: by another agency's director", "director.gsa", "POST",
        "/engine-rest/task/" + planTask + "/submit-form", form(completePlan()), 403, "does not have")
        .taskStaysOpen(planTask));
    cases.add(Case.of("plan form: a NUL character in a section", "director.dhs", "POST",
        "/engine-rest/task/" + planTask + "/submit-form", form(with(completePlan(), "governance", NUL)), 400,
        "control character").taskStaysOpen(planTask));
    cases.add(Case.of("plan form: a 1 MB section", "director.dhs", "POST",
        "/engine-rest/task/" + planTask + "/submit-form", form(with(completePlan(), "risks", ONE_MB)), 400,
        "shorten it to at most 4000").taskStaysOpen(planTask));

    Designation review = fx.underReview("GRANTS", "HHS", "director.hhs");
    String vote = fx.taskOf("board.dhs", review.instance(), DesignationProcess.Elements.TASK_REVIEW_PLAN).path("id").asText();
    String votePath = "/engine-rest/task/" + vote + "/submit-form";
    cases.add(Case.of("board review: another member's task", "board.opm", "POST", votePath,
        form(Map.of("recommendation", "ENDORSE")), 403, "does not have").taskStaysOpen(vote));
    cases.add(Case.of("board review: an RTL override in the recommendation", "board.dhs", "POST", votePath,
        form(Map.of("recommendation", "ENDORSE" + RTL_OVERRIDE)), 400, "is not a valid code").taskStaysOpen(vote));
    cases.add(Case.of("board review: the multi-instance counter set to text", "board.dhs", "POST", votePath,
        form(Map.of("recommendation", "ENDORSE", "nrOfCompletedInstances", "all")), 400, "nrOfCompletedInstances")
        .taskStaysOpen(vote));
    cases.add(Case.of("board review: the member set by hand", "board.dhs", "POST", votePath,
        form(Map.of("recommendation", "ENDORSE", "boardMember", "board.opm")), 400, "'boardMember' is set by the process")
        .taskStaysOpen(vote));
  }

  // ---- Camunda form submissions: RFI ----------------------------------------------------------------

  private void rfiForms(Fixtures fx, List<Case> cases) {
    Rfi draft = fx.drafted(rfiPlan("RFI: approval for the corpus", "Coverage of reporting needs"));
    String approve = fx.task(draft.instance(), RfiProcess.Elements.TASK_APPROVE_PLAN).path("id").asText();
    String approvePath = "/engine-rest/task/" + approve + "/submit-form";
    cases.add(Case.of("plan approval: a decision that is no choice", Fixtures.DIRECTOR, "POST", approvePath,
        form(Map.of("planDecision", "LATER")), 400, "'LATER' is not one of").taskStaysOpen(approve));
    cases.add(Case.of("plan approval: approved with 4,001 characters of comments", Fixtures.DIRECTOR, "POST",
        approvePath, form(Map.of("planDecision", "APPROVE", "planComments", X4001)), 400, "planComments")
        .taskStaysOpen(approve));
    cases.add(Case.of("plan approval: approved with a NUL character in the comments", Fixtures.DIRECTOR, "POST",
        approvePath, form(Map.of("planDecision", "APPROVE", "planComments", NUL)), 400, "control character")
        .taskStaysOpen(approve));
    cases.add(Case.of("plan approval: by another agency's director", "director.gsa", "POST", approvePath,
        form(Map.of("planDecision", "APPROVE")), 403, "does not have").taskStaysOpen(approve));
    cases.add(Case.of("plan approval: another RFI's id", Fixtures.DIRECTOR, "POST", approvePath,
        form(Map.of("planDecision", "APPROVE", "rfiId", "RFI-2026-0001")), 400, "'rfiId' is set by the process")
        .taskStaysOpen(approve));
    cases.add(Case.of("plan approval: an object for the decision", Fixtures.DIRECTOR, "POST", approvePath,
        form(Map.of("planDecision", Map.of("value", "APPROVE"))), 400, "Decision must be text, not an object")
        .taskStaysOpen(approve));

    Rfi rfi = fx.open(rfiPlan("RFI: score forms for the corpus", "Coverage of reporting needs"));
    fx.respond("respondent.acme", rfi, rfiResponse("Acme Grants Cloud", "We report."));
    fx.respond("respondent.civic", rfi, rfiResponse("CivicGrants Inc.", "We report too."));
    fx.toScoring(rfi);
    List<JsonNode> mine = fx.tasks(rfi.instance(), RfiProcess.Elements.TASK_SCORE_RESPONSE).stream()
        .filter(t -> t.path("assignee").asText().equals("reviewer1")).toList();
    assertThat(mine).hasSizeGreaterThanOrEqualTo(2);
    String done = mine.get(1).path("id").asText();
    fx.complete("reviewer1", done, scores("Clear."), rfi.instance());
    String score = mine.get(0).path("id").asText();
    String other = assignment(fx, rfi, "reviewer2", "ASSIGNED");
    String scorePath = "/engine-rest/task/" + score + "/submit-form";
    Map<String, Object> good = scores("Clear.");
    cases.add(Case.of("score form: a rating in words", "reviewer1", "POST", scorePath,
        form(with(good, "rating1", "five")), 400, "must be a whole number on the scale (1 to 5), not").taskStaysOpen(score));
    cases.add(Case.of("score form: a fractional rating", "reviewer1", "POST", scorePath,
        form(with(good, "rating1", 4.5)), 400, "must be a whole number on the scale (1 to 5), not").taskStaysOpen(score));
    cases.add(Case.of("score form: true/false for a rating", "reviewer1", "POST", scorePath,
        form(with(good, "rating1", true)), 400, "must be a whole number on the scale (1 to 5), not").taskStaysOpen(score));
    cases.add(Case.of("score form: a list for a rating", "reviewer1", "POST", scorePath,
        form(with(good, "rating1", List.of(4))), 400, "must be a whole number on the scale (1 to 5), not").taskStaysOpen(score));
    cases.add(Case.of("score form: a rationale of 4,001 characters", "reviewer1", "POST", scorePath,
        form(with(good, "rationale1", X4001)), 400, "Rationale is 4001 characters long").taskStaysOpen(score));
    cases.add(Case.of("score form: a 1 MB rationale", "reviewer1", "POST", scorePath,
        form(with(good, "rationale1", ONE_MB)), 400, "shorten it to at most 4000").taskStaysOpen(score));
    cases.add(Case.of("score form: a lone surrogate in the strengths", "reviewer1", "POST", scorePath,
        form(with(good, "strengths1", LONE_SURROGATE)), 400, "invalid Unicode character").taskStaysOpen(score));
    cases.add(Case.of("score form: a NUL character in the weaknesses", "reviewer1", "POST", scorePath,
        form(with(good, "weaknesses1", NUL)), 400, "control character").taskStaysOpen(score));
    cases.add(Case.of("score form: a field the form does not have", "reviewer1", "POST", scorePath,
        form(with(good, "comments", "x")), 400, "'comments' is not a field of this form").taskStaysOpen(score));
    cases.add(Case.of("score form: a score for a criterion the plan does not have", "reviewer1", "POST", scorePath,
        form(with(good, "rating4", 3, "rationale4", "x")), 400, "there is no criterion 4").taskStaysOpen(score));
    cases.add(Case.of("score form: without a rationale", "reviewer1", "POST", scorePath,
        form(with(good, "rationale2", " ")), 400, "Give the rationale").taskStaysOpen(score));
    cases.add(Case.of("score form: another reviewer's assignment", "reviewer1", "POST", scorePath,
        form(with(good, "assignmentId", other)), 400, "'assignmentId' is set by the process").taskStaysOpen(score));
    cases.add(Case.of("score form: the multi-instance counter set to text", "reviewer1", "POST", scorePath,
        form(with(good, "nrOfCompletedInstances", "all")), 400, "nrOfCompletedInstances").taskStaysOpen(score));
    cases.add(Case.of("score form: the scoring deadline set by hand", "reviewer1", "POST", scorePath,
        form(with(good, "scoringDueAt", "2030-01-01T00:00:00Z")), 400, "'scoringDueAt' is")
        .taskStaysOpen(score));
    cases.add(Case.of("score form: a field of another form", "reviewer1", "POST", scorePath,
        form(with(good, "reportDecision", "APPROVE")), 400, "'reportDecision' is not a field of this form")
        .taskStaysOpen(score));
    Map<String, Object> five = Map.of("value", 5, "type", "Integer");
    String scoreTask = "/engine-rest/task/" + score;
    cases.add(Case.of("score task: a rating set as a variable by its reviewer", "reviewer1", "PUT",
        scoreTask + "/variables/rating1", five, 403, "Only administrators may set or remove variables")
        .taskStaysOpen(score));
    cases.add(Case.of("score task: a rating set as a local variable by its reviewer", "reviewer1", "PUT",
        scoreTask + "/localVariables/rating1", five, 403, "Only administrators may set or remove variables")
        .taskStaysOpen(score));
    cases.add(Case.of("score task: its variables patched by its reviewer", "reviewer1", "POST",
        scoreTask + "/variables", Map.of("modifications", Map.of("rating1", five)), 403,
        "Only administrators may set or remove variables").taskStaysOpen(score));
    cases.add(Case.of("score task: completed with a field of another form", "reviewer1", "POST",
        scoreTask + "/complete", form(with(good, "reportDecision", "APPROVE")), 400,
        "'reportDecision' is not a field of this form").taskStaysOpen(score));
    cases.add(Case.of("RFI instance: a variable set by the panel chair", "panel.chair", "POST",
        "/engine-rest/process-instance/" + rfi.instance() + "/variables",
        Map.of("modifications", Map.of("scoringDueAt", Map.of("value", "2030-01-01T00:00:00Z"))), 403,
        "Only administrators may set or remove variables").taskStaysOpen(score));
    cases.add(Case.of("RFI: started at the scoring step by a director", "director.hhs", "POST",
        "/engine-rest/process-definition/key/rfi-evaluation/start", Map.of("startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", RfiProcess.Elements.TASK_SCORE_RESPONSE))), 403,
        "only administrators may start one at another activity"));
    cases.add(Case.of("score form: another reviewer's task", "reviewer2", "POST", scorePath, form(good), 403,
        "does not have")
        .taskStaysOpen(score));
    cases.add(Case.of("score form: a task already scored", "reviewer1", "POST",
        "/engine-rest/task/" + done + "/submit-form", form(good), 404, "is not open"));
  }

  // ---- designation conditions: the API and the forms, on the demo's conditions (DSG-2020-0001) ---------------

  private void conditions(Fixtures fx, List<Case> cases) {
    String designation = gov.qsmo.workflow.designation.condition.ConditionDemoData.DESIGNATION;
    String base = "/api/designations/" + designation + "/conditions";
    com.fasterxml.jackson.databind.JsonNode all = fx.http.get("auditor", base).json();
    String open = null;
    String reported = null;
    String overdue = null;
    String reportTask = null;
    String decideTask = null;
    String overdueTask = null;
    for (com.fasterxml.jackson.databind.JsonNode condition : all) {
      String tasks = "/engine-rest/task?processInstanceId=" + condition.path("processInstanceId").asText();
      String task = fx.http.get("auditor", tasks).json().path(0).path("id").asText(null);
      switch (condition.path("status").asText()) {
        case "OPEN" -> { open = base + "/" + condition.path("id").asText(); reportTask = task; }
        case "REPORTED" -> { reported = base + "/" + condition.path("id").asText(); decideTask = task; }
        case "OVERDUE" -> { overdue = base + "/" + condition.path("id").asText(); overdueTask = task; }
        default -> { }
      }
    }
    assertThat(List.of(open, reported, overdue)).as("the demo's open, reported and overdue conditions")
        .doesNotContainNull();
    cases.add(Case.of("condition API: a progress report without text", "director.dhs", "POST", open + "/progress",
        Map.of("report", "  "), 400, "Describe the progress").taskStaysOpen(reportTask));
    cases.add(Case.of("condition API: a link that is no web address", "director.dhs", "POST", open + "/progress",
        Map.of("report", "Done.", "evidenceLinks", "javascript:alert(1)"), 400, "is not a web address"));
    cases.add(Case.of("condition API: a report of 4,001 characters", "director.dhs", "POST", open + "/progress",
        Map.of("report", X4001), 400, "at most 4000"));
    cases.add(Case.of("condition API: a number for the report", "director.dhs", "POST", open + "/progress",
        Map.of("report", 5), 400, "check 'report'"));
    cases.add(Case.of("condition API: another agency's director reports", "director.hhs", "POST", open + "/progress",
        Map.of("report", "Not mine."), 404, "No designation"));
    cases.add(Case.of("condition API: OMB reports for the director", "omb.decider", "POST", open + "/progress",
        Map.of("report", "Done."), 403, "do not allow POST"));
    cases.add(Case.of("condition API: a report on a condition already reported", "director.dhs", "POST",
        reported + "/progress", Map.of("report", "Again."), 409, "cannot report progress on it now"));
    cases.add(Case.of("condition API: a decision not among the three", "omb.decider", "POST", reported + "/decision",
        Map.of("decision", "MAYBE", "reason", "x"), 400, "'MAYBE' is not one of [MET, NOT_MET, MORE_PROGRESS]")
        .taskStaysOpen(decideTask));
    cases.add(Case.of("condition API: a decision without its reason", "omb.decider", "POST", reported + "/decision",
        Map.of("decision", "MET"), 400, "Give the reason"));
    cases.add(Case.of("condition API: the director decides", "director.dhs", "POST", reported + "/decision",
        Map.of("decision", "MET", "reason", "x"), 403, "do not allow POST"));
    cases.add(Case.of("condition API: a decision before any report", "omb.decider", "POST", open + "/decision",
        Map.of("decision", "MET", "reason", "x"), 409, "cannot decide whether it is met now"));
    java.time.LocalDate saturday = java.time.LocalDate.now().plusWeeks(3)
        .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    cases.add(Case.of("condition API: extended to a Saturday", "omb.decider", "POST", overdue + "/overdue-resolution",
        Map.of("resolution", "EXTEND", "newDueDate", saturday.toString(), "reason", "More time."), 400,
        "not a business day").taskStaysOpen(overdueTask));
    cases.add(Case.of("condition API: extended to a date in words", "omb.decider", "POST",
        overdue + "/overdue-resolution", Map.of("resolution", "EXTEND", "newDueDate", "next spring", "reason", "x"),
        400, "is not a date"));
    cases.add(Case.of("condition API: an overdue resolution on an open condition", "omb.decider", "POST",
        open + "/overdue-resolution", Map.of("resolution", "MET", "reason", "x"), 409, "cannot resolve it as overdue"));
    cases.add(Case.of("condition API: evidence as JSON, not a multipart upload", "director.dhs", "POST",
        open + "/evidence", Map.of("file", "x"), 415, "multipart/form-data"));
    cases.add(Case.of("condition API: an unknown condition", "auditor", "GET", base + "/999999999", null, 404,
        "No condition with id '999999999'"));
    cases.add(Case.of("condition API: a condition id in words", "auditor", "GET", base + "/first", null, 400,
        "first"));
    cases.add(Case.of("condition API: a page of 1,000", "auditor", "GET", base + "?size=1000", null, 400,
        "size is 1 to 200"));
    cases.add(Case.of("condition API: another agency's director reads", "director.hhs", "GET", base, null, 404,
        "No designation"));
    cases.add(Case.of("condition form: progress without a report", "director.dhs", "POST",
        "/engine-rest/task/" + reportTask + "/submit-form", form(Map.of("evidenceLinks", "https://example.gov/a")),
        400, "Describe the progress").taskStaysOpen(reportTask));
    cases.add(Case.of("condition form: a field of another form", "director.dhs", "POST",
        "/engine-rest/task/" + reportTask + "/submit-form", form(Map.of("progressReport", "Done.",
            "conditionStatus", "MET")), 400, "conditionStatus"));
    cases.add(Case.of("condition form: OMB's decision without a reason", "omb.decider", "POST",
        "/engine-rest/task/" + decideTask + "/submit-form", form(Map.of("conditionDecision", "NOT_MET")), 400,
        "why the condition is not met").taskStaysOpen(decideTask));
    cases.add(Case.of("condition form: extended without a new date", "omb.decider", "POST",
        "/engine-rest/task/" + overdueTask + "/submit-form", form(Map.of("overdueResolution", "EXTEND",
            "conditionReason", "More time.")), 400, "Give the new due date").taskStaysOpen(overdueTask));
    cases.add(Case.of("decide-designation form: 21 conditions of OMB", "omb.decider", "POST",
        "/engine-rest/task/" + fx.task(demoAwaitingDecision(fx), gov.qsmo.workflow.designation.DesignationProcess
            .Elements.TASK_DECIDE_DESIGNATION).path("id").asText() + "/submit-form",
        form(Map.of("designationDecision", "DESIGNATE", "designationScope", "Grants.", "effectiveDate",
            java.time.LocalDate.now().plusDays(1).toString(), "designationConditions", "x\n".repeat(21))), 400,
        "at most 20 conditions"));
  }

  // ---- designation changes: scope amendments, the change form, the demo's HR transition (GSA to OPM) -----------

  private void designationChanges(Fixtures fx, List<Case> cases) {
    String successor = "/api/designations/" + gov.qsmo.workflow.designation.change.TransitionDemoData.TO;
    String predecessor = "/api/designations/" + gov.qsmo.workflow.designation.change.TransitionDemoData.FROM;
    String scope = fx.http.get("auditor", successor).json().path("designatedScope").asText();
    String milestonesTask = fx.http.get("auditor", "/engine-rest/task?processInstanceId="
        + fx.http.get("auditor", successor + "/transition").json().path("processInstanceId").asText())
        .json().path(0).path("id").asText();
    cases.add(Case.of("scope amendment: without a reason", "omb.decider", "POST", successor + "/scope-amendments",
        Map.of("scope", "HR services and HR IT."), 400, "reason for the amendment"));
    cases.add(Case.of("scope amendment: the scope in force", "omb.decider", "POST", successor + "/scope-amendments",
        Map.of("scope", scope, "reason", "Again."), 400, "the one in force"));
    cases.add(Case.of("scope amendment: 4,001 characters", "omb.decider", "POST", successor + "/scope-amendments",
        Map.of("scope", X4001, "reason", "Long."), 400, "at most 4000"));
    cases.add(Case.of("scope amendment: by the QSMO's director", "director.opm", "POST",
        successor + "/scope-amendments", Map.of("scope", "Mine.", "reason", "Mine."), 403, "do not allow POST"));
    cases.add(Case.of("scope amendment: of a superseded designation", "omb.decider", "POST",
        predecessor + "/scope-amendments", Map.of("scope", "Old.", "reason", "Old."), 409, "amend its scope"));
    cases.add(Case.of("transition API: a milestone reported undone", "director.opm", "POST",
        successor + "/transition/milestones", Map.of("servicesMigrated", false), 400, "stays reached")
        .taskStaysOpen(milestonesTask));
    cases.add(Case.of("transition API: the old QSMO's director reports", "director.gsa", "POST",
        predecessor + "/transition/milestones", Map.of("agenciesMoved", true), 403, "Only the QSMO directors of OPM"));
    cases.add(Case.of("transition API: nothing new and no note", "director.opm", "POST",
        successor + "/transition/milestones", Map.of(), 400, "Tick the milestones reached"));
    cases.add(Case.of("transition API: closed before the milestones", "omb.decider", "POST",
        successor + "/transition/closure", Map.of("decision", "CLOSE"), 409, "waits for the successor's milestones"));
    cases.add(Case.of("transition API: a designation without a transition", "auditor", "GET",
        "/api/designations/DSG-2020-0002/transition", null, 404, "is in no redesignation transition"));
    cases.add(Case.of("transition form: yes for a milestone", "director.opm", "POST",
        "/engine-rest/task/" + milestonesTask + "/submit-form", form(Map.of("agenciesMoved", "yes")), 400,
        "must be true or false").taskStaysOpen(milestonesTask));
    String start = "/engine-rest/process-definition/key/designation-change/submit-form";
    cases.add(Case.of("change form: a designation that is not designated", "omb.decider", "POST", start,
        form(Map.of("designationId", "DSG-2020-0003", "change", "AMEND_SCOPE", "newScope", "x", "reason", "y")), 400,
        "is no designated QSMO"));
    cases.add(Case.of("change form: redesignated to its own agency", "omb.decider", "POST", start,
        form(Map.of("designationId", "DSG-2021-0002", "change", "REDESIGNATE", "successorAgencyCode", "OPM",
            "planDueDate", gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(2))
                .toString(), "reason", "y")), 400, "another agency"));
    cases.add(Case.of("change form: started by an OMB analyst", "omb.analyst", "POST", start,
        form(Map.of("designationId", "DSG-2021-0002", "change", "AMEND_SCOPE", "newScope", "x", "reason", "y")), 403,
        "designation-change").anyClientError());
  }

  // ---- the marketplace: the catalog and the demo's cybersecurity offerings -----------------------------------

  private void marketplace(Fixtures fx, List<Case> cases) {
    String offerings = "/api/designations/" + gov.qsmo.workflow.marketplace.MarketplaceDemoData.CYBER + "/offerings";
    com.fasterxml.jackson.databind.JsonNode dns = fx.http.get("auditor", "/api/marketplace/offerings?q=dns").json()
        .path("offerings").path(0);
    String offering = "/api/marketplace/offerings/" + dns.path("id").asText();
    int version = fx.http.get("auditor", offering).json().path("version").asInt();
    Map<String, Object> good = Map.of("name", "Managed firewall", "providerType", "COMMERCIAL",
        "provider", "Schedule vendors", "status", "PLANNED");
    cases.add(Case.of("offering: without a name", "director.dhs", "POST", offerings, with(good, "name", " "), 400,
        "Give the name"));
    cases.add(Case.of("offering: a provider type not offered", "director.dhs", "POST", offerings,
        with(good, "providerType", "STATE"), 400, "'STATE' is not one of [FEDERAL, COMMERCIAL]"));
    cases.add(Case.of("offering: available without a contract vehicle", "director.dhs", "POST", offerings,
        with(good, "status", "AVAILABLE"), 400, "names the contract vehicle"));
    cases.add(Case.of("offering: an unknown customer agency", "director.dhs", "POST", offerings,
        with(good, "customerAgencies", List.of("ZZZ")), 400, "ZZZ"));
    cases.add(Case.of("offering: a name of 201 characters", "director.dhs", "POST", offerings,
        with(good, "name", "n".repeat(201)), 400, "at most 200"));
    cases.add(Case.of("offering: a NUL character in the name", "director.dhs", "POST", offerings,
        with(good, "name", NUL), 400, "control character"));
    cases.add(Case.of("offering: added by another QSMO's director", "director.hhs", "POST", offerings, good, 403,
        "Only the QSMO directors of DHS"));
    cases.add(Case.of("offering: added by OMB", "omb.decider", "POST", offerings, good, 403, "do not allow POST"));
    cases.add(Case.of("offering: to a designation that is not designated", "director.gsa", "POST",
        "/api/designations/DSG-2020-0003/offerings", good, 409, "offerings are added to a designated QSMO"));
    cases.add(Case.of("offering: changed without the version read", "director.dhs", "PUT", offering, good, 400,
        "Send the version you read"));
    cases.add(Case.of("offering: changed against an old version", "director.dhs", "PUT", offering,
        with(with(good, "version", version + 7), "status", "RETIRED"), 409,
        "read it again"));
    cases.add(Case.of("catalog: a status not offered", "reviewer1", "GET", "/api/marketplace/offerings?status=SOLD",
        null, 400, "'SOLD' is not one of"));
    cases.add(Case.of("catalog: a page of 500", "reviewer1", "GET", "/api/marketplace/offerings?size=500", null, 400,
        "size is 1 to 200"));
    cases.add(Case.of("catalog: from a respondent's account", "respondent.acme", "GET", "/api/marketplace/offerings",
        null, 403, "do not allow GET"));
  }

  /** The demo's designation waiting for OMB's decision (HHS's grants plan): its process instance. */
  private static String demoAwaitingDecision(Fixtures fx) {
    for (com.fasterxml.jackson.databind.JsonNode designation : fx.http.get("auditor", "/api/designations").json()) {
      if ("AWAITING_OMB_DECISION".equals(designation.path("status").asText())
          && !designation.path("processInstanceId").asText("").isEmpty()) {
        return designation.path("processInstanceId").asText();
      }
    }
    throw new AssertionError("the demo has no designation waiting for OMB's decision");
  }

  // ---- assessments: the API and the forms, on the demo's financial management QSMO (under board review) --------

  private void assessments(Fixtures fx, List<Case> cases) {
    String designation = "/api/designations/" + gov.qsmo.workflow.designation.assessment.AssessmentDemoData.DESIGNATION;
    String base = designation + "/assessments";
    com.fasterxml.jackson.databind.JsonNode underReview = null;
    for (com.fasterxml.jackson.databind.JsonNode a : fx.http.get("auditor", base).json()) {
      if ("UNDER_BOARD_REVIEW".equals(a.path("status").asText())) {
        underReview = a;
      }
    }
    assertThat(underReview).as("the demo's assessment under board review").isNotNull();
    String assessment = base + "/" + underReview.path("id").asText();
    String review = fx.http.get("board.dhs", "/engine-rest/task?processInstanceId="
        + underReview.path("processInstanceId").asText() + "&assignee=board.dhs").json().path(0).path("id").asText();
    Map<String, Object> answers = Map.of("performanceMeasures", "Agencies | 6 | 5", "customersServed", "Labor.",
        "customerSatisfaction", "Good.", "risks", "None.");
    cases.add(Case.of("assessment API: ordered without a reason", "omb.decider", "POST", base, Map.of(), 400,
        "Give the reason"));
    cases.add(Case.of("assessment API: ordered while one is under way", "omb.decider", "POST", base,
        Map.of("reason", "Again."), 409, "is under way"));
    cases.add(Case.of("assessment API: ordered by a director", "director.treas", "POST", base,
        Map.of("reason", "Mine."), 403, "do not allow POST"));
    cases.add(Case.of("assessment API: a reason of 4,001 characters", "omb.decider", "POST", base,
        Map.of("reason", X4001), 400, "at most 4000"));
    cases.add(Case.of("assessment API: ordered for an unknown designation", "omb.decider", "POST",
        "/api/designations/DSG-1999-0001/assessments", Map.of("reason", "x"), 404, "No designation"));
    cases.add(Case.of("assessment API: submitted again while the board reviews it", "director.treas", "POST",
        assessment + "/submission", answers, 409, "cannot submit it now").taskStaysOpen(review));
    cases.add(Case.of("assessment API: submitted by another agency's director", "director.hhs", "POST",
        assessment + "/submission", answers, 404, "No designation"));
    cases.add(Case.of("assessment API: decided while the board reviews it", "omb.decider", "POST",
        assessment + "/decision", Map.of("decision", "CONTINUE", "reason", "x"), 409, "cannot decide it now"));
    cases.add(Case.of("assessment API: a number for the reason", "omb.decider", "POST", assessment + "/decision",
        Map.of("decision", "CONTINUE", "reason", 5), 400, "check 'reason'"));
    cases.add(Case.of("assessment API: an unknown assessment", "auditor", "GET", base + "/999999999", null, 404,
        "No assessment with id '999999999'"));
    cases.add(Case.of("assessment API: an assessment id in words", "auditor", "GET", base + "/latest", null, 400,
        "latest"));
    cases.add(Case.of("assessment API: a page of 1,000", "auditor", "GET", base + "?size=1000", null, 400,
        "size is 1 to 200"));
    cases.add(Case.of("assessment API: another agency's director reads", "director.hhs", "GET", base, null, 404,
        "No designation"));
    cases.add(Case.of("assessment form: a recommendation not among the four", "board.dhs", "POST",
        "/engine-rest/task/" + review + "/submit-form", form(Map.of("recommendation", "ABSTAIN")), 400,
        "'ABSTAIN' is not one of").taskStaysOpen(review));
    cases.add(Case.of("assessment form: corrective actions proposed without their text", "board.dhs", "POST",
        "/engine-rest/task/" + review + "/submit-form", form(Map.of("recommendation", "ENDORSE_WITH_CONDITIONS")),
        400, "corrective actions you propose").taskStaysOpen(review));
    cases.add(Case.of("assessment form: a field of another form", "board.dhs", "POST",
        "/engine-rest/task/" + review + "/submit-form", form(Map.of("recommendation", "ENDORSE",
            "assessmentDecision", "RESCIND")), 400, "assessmentDecision").taskStaysOpen(review));
    cases.add(Case.of("assessment form: another member's review", "board.opm", "POST",
        "/engine-rest/task/" + review + "/submit-form", form(Map.of("recommendation", "ENDORSE")), 403,
        "does not have").taskStaysOpen(review));
  }

  // ---- the marketplace's candidates: the demo's grants RFI waiting for director.hhs's decision -------------------

  private void marketplaceCandidates(Fixtures fx, List<Case> cases) {
    com.fasterxml.jackson.databind.JsonNode task = fx.http.get("auditor",
        "/engine-rest/task?processDefinitionKey=marketplace-candidates").json().path(0);
    assertThat(task.path("id").asText(null)).as("the demo's RFI waiting for the marketplace decision").isNotNull();
    String rfi = fx.http.get("auditor", "/engine-rest/process-instance/" + task.path("processInstanceId").asText())
        .json().path("businessKey").asText();
    String decision = "/api/marketplace/rfi-decisions/" + rfi;
    String submit = "/engine-rest/task/" + task.path("id").asText() + "/submit-form";
    String taskId = task.path("id").asText();
    cases.add(Case.of("candidates API: an id outside the ranking", "director.hhs", "POST", decision,
        Map.of("responseIds", List.of("RSP-1999-0001-001")), 400, "is not a ranked response").taskStaysOpen(taskId));
    List<String> many = new ArrayList<>();
    for (int i = 1; i <= 21; i++) {
      many.add("RSP-1999-0001-" + String.format("%03d", i));
    }
    cases.add(Case.of("candidates API: 21 candidates at once", "director.hhs", "POST", decision,
        Map.of("responseIds", many), 400, "at most 20"));
    cases.add(Case.of("candidates API: a number for the note", "director.hhs", "POST", decision,
        Map.of("responseIds", List.of(), "note", 5), 400, "check 'note'"));
    cases.add(Case.of("candidates API: one id as text, not a list", "director.hhs", "POST", decision,
        Map.of("responseIds", "RSP-1999-0001-001"), 400, "responseIds"));
    cases.add(Case.of("candidates API: another QSMO's director", "director.dhs", "POST", decision,
        Map.of("responseIds", List.of()), 403, "Only the QSMO directors of HHS decide").taskStaysOpen(taskId));
    cases.add(Case.of("candidates API: OMB decides for the QSMO", "omb.decider", "POST", decision,
        Map.of("responseIds", List.of()), 403, "do not allow POST"));
    cases.add(Case.of("candidates API: an unknown RFI", "director.hhs", "POST",
        "/api/marketplace/rfi-decisions/RFI-1999-0001", Map.of("responseIds", List.of()), 404, "no marketplace decision"));
    cases.add(Case.of("candidates form: an id outside the ranking", "director.hhs", "POST", submit,
        form(Map.of("candidateResponses", "RSP-1999-0001-001")), 400, "is not a ranked response")
        .taskStaysOpen(taskId));
    cases.add(Case.of("candidates form: a field of another form", "director.hhs", "POST", submit,
        form(Map.of("candidateResponses", "", "offeringStatus", "AVAILABLE")), 400, "offeringStatus")
        .taskStaysOpen(taskId));
  }

  // ---- systems inventory data calls: the demo's (Treasury's QSMO to Labor, Education and Interior) ---------------

  private void dataCalls(Fixtures fx, List<Case> cases) {
    String issue = "/api/designations/" + gov.qsmo.workflow.inventory.InventoryDemoData.QSMO + "/data-calls";
    com.fasterxml.jackson.databind.JsonNode demo = null;
    for (com.fasterxml.jackson.databind.JsonNode call : fx.http.get("auditor", issue).json()) {
      if (call.path("title").asText().startsWith("Financial systems inventory")) {
        demo = call;
      }
    }
    assertThat(demo).as("the demo's data call").isNotNull();
    String call = "/api/data-calls/" + demo.path("id").asText();
    String interior = call + "/agencies/DOI/inventory";
    String task = fx.http.get("auditor", "/engine-rest/task?processInstanceBusinessKey=" + demo.path("id").asText()
        + "&processDefinitionKey=systems-inventory-response").json().path(0).path("id").asText();
    String header = String.join(",", gov.qsmo.workflow.inventory.InventoryCsv.COLUMNS);
    String due = gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusWeeks(3)).toString();
    java.time.LocalDate saturday = java.time.LocalDate.now().plusWeeks(3)
        .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
    cases.add(Case.of("data call: issued without a title", "director.treas", "POST", issue,
        Map.of("dueDate", due, "agencyCodes", List.of("DOL")), 400, "title"));
    cases.add(Case.of("data call: due on a Saturday", "director.treas", "POST", issue,
        Map.of("title", "Inventory", "dueDate", saturday.toString(), "agencyCodes", List.of("DOL")), 400,
        "not a business day"));
    cases.add(Case.of("data call: an unknown agency", "director.treas", "POST", issue,
        Map.of("title", "Inventory", "dueDate", due, "agencyCodes", List.of("XYZ")), 400, "XYZ"));
    cases.add(Case.of("data call: a due date in words", "director.treas", "POST", issue,
        Map.of("title", "Inventory", "dueDate", "next month"), 400, "dueDate"));
    cases.add(Case.of("data call: issued by OMB", "omb.decider", "POST", issue,
        Map.of("title", "Inventory", "dueDate", due), 403, "do not allow POST"));
    cases.add(Case.of("data call: issued by another QSMO's director", "director.hhs", "POST", issue,
        Map.of("title", "Inventory", "dueDate", due), 403, "TREAS"));
    cases.add(Case.of("inventory CSV: not UTF-8", "contact.doi", "POST", interior,
        new gov.qsmo.workflow.HttpTestClient.Upload("file", "doi.csv", "text/csv", (header + "\nSyst\u00e8me").getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1)), 400, "UTF-8").taskStaysOpen(task));
    cases.add(Case.of("inventory CSV: a formula in a cell", "contact.doi", "POST", interior,
        new gov.qsmo.workflow.HttpTestClient.Upload("file", "doi.csv", "text/csv", (header + "\n=cmd|' /C calc'!A0,Payments,IBC,"
            + "On premises,,,,").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400, "formula"));
    cases.add(Case.of("inventory CSV: a missing column", "contact.doi", "POST", interior,
        new gov.qsmo.workflow.HttpTestClient.Upload("file", "doi.csv", "text/csv", ("system_name,functions,provider\nA,B,C")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400, "hosting"));
    cases.add(Case.of("inventory CSV: a negative cost and a bad date", "contact.doi", "POST", interior,
        new gov.qsmo.workflow.HttpTestClient.Upload("file", "doi.csv", "text/csv", (header + "\nLedger,Accounting,IBC,On premises,"
            + "31/12/2027,-5,,").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400, "annual_cost"));
    cases.add(Case.of("inventory CSV: text where the cost belongs", "contact.doi", "POST", interior,
        new gov.qsmo.workflow.HttpTestClient.Upload("file", "doi.csv", "text/csv", (header + "\nLedger,Accounting,IBC,On premises,,"
            + "a lot,,").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 400, "annual_cost"));
    cases.add(Case.of("inventory CSV: over the size limit", "contact.doi", "POST", interior,
        new gov.qsmo.workflow.HttpTestClient.Upload("file", "doi.csv", "text/csv", new byte[
            gov.qsmo.workflow.inventory.InventoryCsv.MAX_BYTES + 1]), 400, "bytes"));
    cases.add(Case.of("inventory: another agency's contact", "contact.dol", "POST", interior,
        Map.of("lines", "Ledger | Accounting | IBC | On premises | | | | "), 403, "DOI"));
    cases.add(Case.of("inventory CSV: another agency's contact, with a bad file", "contact.dol", "POST", interior,
        new gov.qsmo.workflow.HttpTestClient.Upload("file", "doi.csv", "text/csv", (header + "\nLedger,Accounting,IBC,"
            + "On premises,,-5,,").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 403, "Interior")
        .taskStaysOpen(task));
    cases.add(Case.of("data call: due on February 30", "director.treas", "POST", issue,
        Map.of("title", "Inventory", "dueDate", "2027-02-30", "agencyCodes", List.of("DOL")), 400,
        "check 'dueDate': '2027-02-30' is not a calendar date"));
    cases.add(Case.of("data call: due yesterday", "director.treas", "POST", issue,
        Map.of("title", "Inventory", "dueDate", java.time.LocalDate.now().minusDays(1).toString(), "agencyCodes",
            List.of("DOL")), 400, "is not after today"));
    cases.add(Case.of("inventory: a version that does not exist", "auditor", "GET",
        call + "/agencies/DOL/inventory?version=99", null, 404, "has no version 99"));
    cases.add(Case.of("inventory: the summary read by another QSMO's director", "director.gsa", "GET",
        call + "/summary", null, 404, "No data call"));
    cases.add(Case.of("inventory: an agency's inventory read by another QSMO's director", "director.gsa", "GET",
        call + "/agencies/DOL/inventory", null, 404, "No data call"));
    cases.add(Case.of("inventory: posted by a QSMO director (not a point of contact)", "director.gsa", "POST",
        interior, Map.of("lines", "Ledger | Accounting | IBC | On premises | | | | "), 403, "Your groups do not allow"));
    cases.add(Case.of("inventory: a number for the lines", "contact.doi", "POST", interior, Map.of("lines", 5), 400,
        "check 'lines'"));
    cases.add(Case.of("inventory: an unknown data call", "contact.doi", "POST",
        "/api/data-calls/DC-1999-0001/agencies/DOI/inventory", Map.of("lines", "A | B | C | On premises | | | | "),
        404, "No data call"));
    cases.add(Case.of("inventory: the consolidated inventory read by a contact", "contact.doi", "GET",
        call + "/inventory", null, 403, "QSMO's directors"));
    cases.add(Case.of("inventory: a page of 1,000", "auditor", "GET", call + "/inventory?size=1000", null, 400,
        "size is 1 to 500"));
    cases.add(Case.of("inventory form: a bad line", "contact.doi", "POST", "/engine-rest/task/" + task
        + "/submit-form", form(Map.of("inventoryLines", "Ledger | Accounting | IBC | Moon | | | | ")), 400, "hosting")
        .taskStaysOpen(task));
    cases.add(Case.of("inventory form: a field of another form", "contact.doi", "POST", "/engine-rest/task/" + task
        + "/submit-form", form(Map.of("inventoryLines", "Ledger | Accounting | IBC | On premises | | | | ",
            "agencyCode", "DOL")), 400, "agencyCode").taskStaysOpen(task));
  }

  // ---- checks ------------------------------------------------------------------------------------

  private void check(Fixtures fx, Case c) {
    // The mail the fixtures' steps wrote is sent in the background (and its rows marked sent): let that end
    // first, so that only the request itself could change a table.
    org.awaitility.Awaitility.await("the e-mail outbox sent").atMost(java.time.Duration.ofSeconds(60))
        .until(() -> jdbc.sql(gov.qsmo.workflow.TestMailServer.UNSENT_MAIL_SQL).query(Integer.class).single() == 0);
    Map<String, String> before = fingerprint();
    Response response = fx.send(c.user(), c.method(), c.path(), c.body(), c.contentType());
    Map<String, String> after = fingerprint();

    String body = response.body();
    String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
    assertThat(response.status()).as("status of: " + shown).isBetween(c.minStatus(), c.maxStatus());
    // Problem details (the app), {type, message} (Camunda, the app's filters); Camunda answers a body it cannot
    // parse with the parser's message as text.
    String message = body.startsWith("{") ? response.json().path("detail").asText(response.json().path("message")
        .asText("")) : body;
    assertThat(message).as("message of: " + shown).isNotBlank();
    assertThat(message.toLowerCase(Locale.ROOT)).as("message of: " + shown)
        .contains(c.fragment().toLowerCase(Locale.ROOT));
    assertThat(changed(before, after)).as("tables changed by the refused request").isEmpty();
    if (c.openTask() != null) {
      assertThat(fx.http.get("auditor", "/engine-rest/task/" + c.openTask()).status()).as("the task is still open")
          .isEqualTo(200);
    }
  }

  /** Per table: row count and a hash of every row. */
  private Map<String, String> fingerprint() {
    List<String> tables = new ArrayList<>(jdbc.sql("select 'qsmo.' || table_name from information_schema.tables "
        + "where table_schema = 'qsmo' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")
        .query(String.class).list());
    tables.addAll(ENGINE_TABLES);
    Map<String, String> print = new TreeMap<>();
    for (String table : tables) {
      print.put(table, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' order by "
          + "md5(t::text))), '') from " + table + " t").query(String.class).single());
    }
    return print;
  }

  private static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table))).toList();
  }
}
