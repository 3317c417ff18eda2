package gov.qsmo.workflow.bench;

import gov.qsmo.workflow.HttpTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.QsmoWorkflowApplication;
import gov.qsmo.workflow.designation.DesignationProcess;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiReportTiming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workflow benchmark: the application's real stack on PostgreSQL (embedded, or the server that
 * {@code SPRING_DATASOURCE_URL} names), a synthetic RFI driven the way its users drive it (as the
 * assigned users, over Camunda's REST form submission and the application's API, by N concurrent
 * clients), and beside it, on the same engine and database, the floor: a one-user-task process
 * completed through the same REST call with the same concurrency. Prints a table and writes it to
 * {@code target/bench/} as JSON and CSV.
 *
 * <p>Run it with {@code ./mvnw -Pbench spring-boot:test-run}; settings are system properties
 * ({@code -Dbench.responses=200}, see {@link Settings}). Not a test: it asserts nothing, it measures.
 */
public final class WorkflowBenchmark {

  static final String BARE_KEY = "bench-one-task";
  static final String BARE_TASK = "Task_Work";
  static final String TWO_TASKS_KEY = "bench-two-tasks";
  /** The server's JVM options by default: the Dockerfile's. */
  static final String SERVER_JVM_ARGS = "-Xmx384m -XX:+UseSerialGC";
  /** The score form's id, and the floor's copy of it. */
  static final String SCORE_FORM = "score-rfi-response";
  static final String FLOOR_FORM = "bench-floor-score";
  static final String BARE_GROUP = "bench-floor";
  static final String DIRECTOR = "bench.director";
  static final String OFFICER = "bench.officer";
  static final String CHAIR = "bench.chair";
  static final String RESPONDENT = "bench.respondent";
  static final String ANALYST = "bench.omb.analyst";
  static final String DECIDER = "bench.omb.decider";
  static final String GSA_DIRECTOR = "bench.director.gsa";
  static final String REVIEWER_FILTER = "RFI responses to score";
  static final List<String> BOARD_AGENCIES = List.of("DHS", "TREAS", "OPM", "HHS");

  /** The benchmark's settings: system properties {@code bench.*}. */
  record Settings(int responses, int reviewers, int criteria, List<Integer> clients, int boardMembers, int openTasks,
      int listCalls, int reportRounds, boolean pgStatements, List<String> serverJvmArgs, boolean afterScoring,
      int notificationTasks, Path out, List<String> appArgs, boolean profile, boolean emailOnly, int emailRuns,
      int dataCallAgencies, int dataCallSystems, boolean dataCallOnly, String scoringOrder) {

    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("bench.responses", 200),
          Integer.getInteger("bench.reviewers", 7),
          Integer.getInteger("bench.criteria", 6),
          Arrays.stream(System.getProperty("bench.clients", "8,50").split(",")).map(String::strip)
              .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList(),
          Integer.getInteger("bench.boardMembers", 15),
          Integer.getInteger("bench.openTasks", 100_000),
          Integer.getInteger("bench.listCalls", 200),
          Integer.getInteger("bench.reportRounds", 5),
          Boolean.parseBoolean(System.getProperty("bench.pgStatements", "false")),
          words(System.getProperty("bench.serverJvmArgs", SERVER_JVM_ARGS)),
          Boolean.parseBoolean(System.getProperty("bench.afterScoring", "true")),
          Integer.getInteger("bench.notificationTasks", 10000),
          Path.of(System.getProperty("bench.out", "target/bench")),
          words(System.getProperty("bench.appArgs", "")),
          Boolean.parseBoolean(System.getProperty("bench.profile", "false")),
          Boolean.parseBoolean(System.getProperty("bench.emailOnly", "false")),
          Integer.getInteger("bench.emailRuns", 5),
          Integer.getInteger("bench.dataCallAgencies", 100),
          Integer.getInteger("bench.dataCallSystems", 50),
          Boolean.parseBoolean(System.getProperty("bench.dataCallOnly", "false")),
          System.getProperty("bench.scoringOrder", "reviewers").strip());
    }

    private static List<String> words(String text) {
      return Arrays.stream(text.split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    void check() {
      if (!List.of("reviewers", "tasks").contains(scoringOrder)) {
        throw new IllegalArgumentException("bench.scoringOrder must be reviewers or tasks, not " + scoringOrder);
      }
      if (criteria < 1 || criteria > RfiProcess.MAX_CRITERIA) {
        throw new IllegalArgumentException("bench.criteria must be 1 to " + RfiProcess.MAX_CRITERIA);
      }
      if (reviewers < 3) {
        throw new IllegalArgumentException("bench.reviewers must be 3 or more (a panel has at least three)");
      }
      if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
        throw new IllegalArgumentException("bench.clients: one or more client counts, e.g. 8,50");
      }
      if (dataCallAgencies < 1 || dataCallAgencies > 300) {
        throw new IllegalArgumentException("bench.dataCallAgencies must be 1 to 300 (a data call asks at most 300)");
      }
      if (dataCallSystems < 1 || dataCallSystems > 2000) {
        throw new IllegalArgumentException("bench.dataCallSystems must be 1 to 2000 (the rows of one CSV file)");
      }
    }
  }

  /** One line of the result table. */
  record Figure(String key, String label, double value, String unit, String target, Boolean met, String load) {
  }

  private final Settings settings;
  private final long began = System.nanoTime();
  private final List<Figure> figures = new ArrayList<>();
  private final Map<String, Object> details = new LinkedHashMap<>();
  /** The application in the benchmark's own JVM: it creates the schema and the set-up data, runs no jobs. */
  private ConfigurableApplicationContext context;
  /** The application under measurement, in a JVM of its own, on the same database. */
  private ServerProcess server;
  /** The server's mail server (the set-up in this JVM keeps the tests' GreenMail). */
  private final SmtpSink smtp = startSink();
  private int serverStarts;
  private HttpTestClient http;
  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;
  private JdbcTemplate jdbc;
  private String adminPassword;
  private String rfiId;
  private String rfiInstance;
  private List<String> reviewers;
  private List<String> bareUsers;

  private WorkflowBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    Settings settings = Settings.fromSystemProperties();
    settings.check();
    WorkflowBenchmark benchmark = new WorkflowBenchmark(settings);
    int status = 0;
    try {
      benchmark.run();
    } catch (Throwable e) {
      System.err.println("Benchmark failed: " + e);
      e.printStackTrace();
      status = 1;
    } finally {
      if (benchmark.server != null) {
        benchmark.server.close();
      }
      if (benchmark.context != null) {
        benchmark.context.close();
      }
    }
    System.exit(status);
  }

  private void run() throws Exception {
    progress("settings: " + settings + "; " + Runtime.getRuntime().availableProcessors() + " cores, Java "
        + System.getProperty("java.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MiB, JVM arguments " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    details.put("settings", Map.of("responses", settings.responses, "reviewers", settings.reviewers, "criteria",
        settings.criteria, "clients", settings.clients, "boardMembers", settings.boardMembers, "openTasks",
        settings.openTasks, "listCalls", settings.listCalls, "reportRounds", settings.reportRounds, "appArgs",
        settings.appArgs, "serverJvmArgs", settings.serverJvmArgs));
    details.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
        System.getProperty("java.version"), "maxHeapMib", Runtime.getRuntime().maxMemory() / (1024 * 1024),
        "jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments(), "loadAtStart", Machine.load(),
        "database", System.getenv("SPRING_DATASOURCE_URL") == null ? "embedded PostgreSQL 17 (fsync off)"
            : "external: " + System.getenv("SPRING_DATASOURCE_URL")));
    details.put("startedAt", Instant.now().toString());
    boot();
    users();
    deployFloor();
    if (settings.emailOnly) {
      progress("bench.emailOnly: only the e-mail on / off comparison");
      notifications();
      finish();
      return;
    }
    DataCallPhase dataCall = new DataCallPhase(phaseView(), settings.dataCallAgencies, settings.dataCallSystems,
        settings.clients.get(0));
    dataCall.setUp();
    if (settings.dataCallOnly) {
      progress("bench.dataCallOnly: only the systems inventory data call");
      startServer(true);
      dataCall.run();
      finish();
      return;
    }
    startServer(true);
    openRfi();
    startFloorInstances(settings.responses * settings.reviewers, i -> bareUsers.get(i % bareUsers.size()), "floor");
    fillOpenTasks();
    taskLists();
    dashboard();
    write();
    dataCall.run();
    write();
    scoring();
    memoryAtEnd();
    write();
    if (settings.afterScoring) {
      boardRound();
      consensusAndReport();
      write();
      notifications();
    }
    finish();
  }

  private void finish() throws IOException {
    details.put("finishedAt", Instant.now().toString());
    details.put("loadAtEnd", Machine.load());
    System.out.println(table());
    write();
    progress("written: " + settings.out.resolve("results.json") + ", results.csv, results.txt");
  }

  // ---------------------------------------------------------------- boot

  private void boot() {
    adminPassword = "bench-" + UUID.randomUUID();
    if (settings.pgStatements) {
      System.setProperty("qsmo.embedded-postgres.server-config",
          "shared_preload_libraries=pg_stat_statements;pg_stat_statements.track=all");
    }
    SpringApplication application = new SpringApplication(QsmoWorkflowApplication.class);
    long[] marks = new long[3];
    application.addListeners(event -> {
      if (event instanceof ApplicationEnvironmentPreparedEvent) {
        marks[0] = System.nanoTime();
      } else if (event instanceof ApplicationReadyEvent) {
        marks[1] = System.nanoTime();
        marks[2] = Machine.cpuMs();
      }
    });
    long start = System.nanoTime();
    long cpuBefore = Machine.cpuMs();
    progress("booting the application (fresh database: the engine creates its schema, Flyway migrates)");
    // This JVM's application creates the schema and the set-up data and answers the benchmark's queries; the
    // server under measurement (a JVM of its own, started next) runs every job and sends every message.
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--qsmo.admin.user=bench.admin",
        "--qsmo.admin.password=" + adminPassword, "--logging.level.root=warn", "--spring.main.banner-mode=off",
        "--camunda.bpm.job-execution.enabled=false", "--qsmo.notification.enabled=false",
        "--qsmo.notification.deadline-watch=false", "--qsmo.notification.poll-interval=P1D"));
    args.addAll(settings.appArgs);
    context = application.run(args.toArray(String[]::new));
    double total = (marks[1] - start) / 1e6;
    double database = (marks[0] - start) / 1e6;
    double app = (marks[1] - marks[0]) / 1e6;
    long rss = Machine.rssMib();
    double cpu = (marks[2] - cpuBefore) / 1000.0;
    figure("boot.first", "boot, first start on an empty database (run to ready; database start excluded)", app / 1000,
        "s", "< 12 s", app < 12_000);
    figure("boot.firstCpu", "boot, first start: CPU time of the JVM (load-independent; 2 cores)", cpu, "s", null,
        null);
    details.put("boot", Map.of("totalMs", total, "environmentAndDatabaseMs", database, "applicationMs", app,
        "cpuSeconds", cpu, "benchJvmRssMib", rss));
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    http = new HttpTestClient(port);
    runtimeService = context.getBean(RuntimeService.class);
    taskService = context.getBean(TaskService.class);
    managementService = context.getBean(ManagementService.class);
    jdbc = context.getBean(JdbcTemplate.class);
    progress(String.format(Locale.ROOT, "set-up application ready on port %d: %.1f s to ready (%.1f s of it "
        + "starting the database and the environment), RSS %d MiB", port, total / 1000, database / 1000, rss));
    if (settings.pgStatements) {
      jdbc.execute("create extension if not exists pg_stat_statements");
    }
  }

  /**
   * Starts the server under measurement in a JVM of its own (the heap setting of {@code bench.serverJvmArgs}, as
   * the Dockerfile's), on this database and this JVM's mail server, and points the clients at it. Its first start
   * is a node's restart on an existing schema and data: boot time and resident memory are figures.
   *
   * @param notifications whether its steps record e-mail ({@code qsmo.notification.enabled})
   */
  private void startServer(boolean notifications) throws IOException {
    if (server != null) {
      server.close();
    }
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SPRING_DATASOURCE_URL", context.getEnvironment().getProperty("spring.datasource.url"));
    environment.put("SPRING_DATASOURCE_USERNAME", context.getEnvironment().getProperty("spring.datasource.username",
        ""));
    environment.put("SPRING_DATASOURCE_PASSWORD", context.getEnvironment().getProperty("spring.datasource.password",
        ""));
    environment.put("QSMO_ADMIN_USER", "bench.admin");
    environment.put("QSMO_ADMIN_PASSWORD", adminPassword);
    // As the Dockerfile sets it: two malloc arenas, not one per thread that allocates natively.
    environment.put("MALLOC_ARENA_MAX", System.getProperty("bench.mallocArenaMax", "2"));
    List<String> args = new ArrayList<>(List.of("--qsmo.test-mail.enabled=false", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.port(),
        "--qsmo.notification.enabled=" + notifications));
    args.addAll(settings.appArgs);
    serverStarts++;
    progress("server: starting the application in a JVM of its own (" + String.join(" ", settings.serverJvmArgs)
        + "), e-mail " + (notifications ? "on" : "off"));
    server = ServerProcess.start(settings.serverJvmArgs, args, environment,
        settings.out.resolve("server-" + serverStarts + ".log"));
    http = new HttpTestClient(server.port());
    progress(String.format(Locale.ROOT, "server: pid %d on port %d, ready %.1f s after its JVM started "
        + "(%.1f s of CPU), RSS %d MiB", server.pid(), server.port(), server.jvmSeconds(), server.bootCpuSeconds(),
        server.rssAfterBootMib()));
    if (serverStarts == 1) {
      String load = Machine.load();
      figure("boot.restart", "boot of the server (a node's restart on the existing schema and data; run to ready)",
          server.bootSeconds(), "s", "< 12 s", server.bootSeconds() < 12, load);
      figure("boot.restartJvm", "boot of the server, from JVM start", server.jvmSeconds(), "s", null, null, load);
      figure("boot.restartCpu", "boot of the server: CPU time of its JVM (load-independent; 2 cores)",
          server.bootCpuSeconds(), "s", null, null, load);
      figure("memory.afterBoot", "resident memory of the server after boot (VmRSS; JVM options "
          + String.join(" ", settings.serverJvmArgs) + ")", server.rssAfterBootMib(), "MiB", "< 700 MiB",
          server.rssAfterBootMib() < 700, load);
    }
  }

  // ---------------------------------------------------------------- users and the floor process

  private void users() {
    IdentitySetup identity = context.getBean(IdentitySetup.class);
    identity.ensureUser(DIRECTOR, "Bench", "Director", DIRECTOR, Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"));
    identity.ensureUser(OFFICER, "Bench", "Officer", OFFICER, Roles.CONTRACTING_OFFICERS);
    identity.ensureUser(CHAIR, "Bench", "Chair", CHAIR, Roles.RFI_PANEL_CHAIRS);
    identity.ensureUser(RESPONDENT, "Bench", "Respondent", RESPONDENT, Roles.RFI_RESPONDENTS);
    identity.ensureUser(ANALYST, "Bench", "Analyst", ANALYST, Roles.OMB_ANALYSTS);
    identity.ensureUser(DECIDER, "Bench", "Decider", DECIDER, Roles.OMB_DECIDERS);
    identity.ensureUser(GSA_DIRECTOR, "Bench", "GSA Director", GSA_DIRECTOR, Roles.QSMO_DIRECTORS,
        Roles.directorsOf("GSA"));
    reviewers = IntStream.rangeClosed(1, settings.reviewers).mapToObj(i -> "bench.reviewer" + i).toList();
    reviewers.forEach(r -> identity.ensureUser(r, "Bench", r, r, Roles.RFI_REVIEWERS));
    for (int i = 1; i <= settings.boardMembers; i++) {
      String member = "bench.board" + i;
      identity.ensureUser(member, "Bench", member, member, Roles.SSGB_MEMBERS,
          Roles.agencyGroup(BOARD_AGENCIES.get(i % BOARD_AGENCIES.size())));
    }
    identity.ensureGroup(BARE_GROUP, "Benchmark floor", Groups.GROUP_TYPE_WORKFLOW);
    bareUsers = IntStream.rangeClosed(1, settings.reviewers).mapToObj(i -> "bench.floor" + i).toList();
    bareUsers.forEach(u -> identity.ensureUser(u, "Bench", u, u, BARE_GROUP));
    // As a reviewer reads the RFI model: the floor's users read theirs.
    identity.grant(BARE_GROUP, Resources.PROCESS_DEFINITION, BARE_KEY, Permissions.READ);
    identity.grant(BARE_GROUP, Resources.PROCESS_DEFINITION, TWO_TASKS_KEY, Permissions.READ);
    progress("users: " + reviewers.size() + " reviewers, " + settings.boardMembers + " board members, "
        + bareUsers.size() + " floor users");
  }

  /** The floor: one user task assigned to a benchmark user, deployed beside the application's processes. */
  private void deployFloor() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE_KEY)
        .name("Benchmark floor: one user task")
        .camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_WorkArrived")
        .userTask(BARE_TASK).name("Do the work").camundaAssignee("${assignee}")
        .camundaFormRef(FLOOR_FORM).camundaFormRefBinding("deployment")
        .endEvent("EndEvent_WorkDone")
        .done();
    // The floor submits the same fields through the same form (a copy of the score form under its own id), so
    // that both pay the form's submission check; the floor has no rule of its own behind it.
    String form;
    try {
      form = Files.readString(Path.of("forms", SCORE_FORM + ".form"))
          .replaceFirst("\"id\": \"" + SCORE_FORM + "\"", "\"id\": \"" + FLOOR_FORM + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The notifications' floor: completing the first task assigns the second to someone else (who is mailed when
    // e-mail is on; a task one assigns to oneself is not mailed).
    BpmnModelInstance twoTasks = Bpmn.createExecutableProcess(TWO_TASKS_KEY)
        .name("Benchmark: two user tasks one after the other")
        .camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_WorkArrived")
        .userTask(BARE_TASK).name("Do the work").camundaAssignee("${assignee}")
        .camundaFormRef(FLOOR_FORM).camundaFormRefBinding("deployment")
        .userTask("Task_Check").name("Check the work").camundaAssignee("${checker}")
        .camundaFormRef(FLOOR_FORM).camundaFormRefBinding("deployment")
        .endEvent("EndEvent_WorkDone")
        .done();
    context.getBean(RepositoryService.class).createDeployment().name("benchmark floor")
        .addModelInstance(BARE_KEY + ".bpmn", model).addModelInstance(TWO_TASKS_KEY + ".bpmn", twoTasks)
        .addString(FLOOR_FORM + ".form", form).deploy();
    FilterService filters = context.getBean(FilterService.class);
    Filter filter = filters.newTaskFilter("Benchmark floor tasks");
    filter.setQuery(taskService.createTaskQuery().processDefinitionKey(BARE_KEY).taskDefinitionKey(BARE_TASK)
        .taskAssigneeExpression("${currentUser()}"));
    filter = filters.saveFilter(filter);
    context.getBean(IdentitySetup.class).grant(BARE_GROUP, Resources.FILTER, filter.getId(), Permissions.READ);
    details.put("floorFilterId", filter.getId());
  }

  /** Starts floor instances in-process, in transactions of 250, from two threads. */
  private void startFloorInstances(int count, IntFunction<String> assignee, String what) throws InterruptedException {
    startInstances(BARE_KEY, count, assignee, what);
  }

  private void startInstances(String key, int count, IntFunction<String> assignee, String what)
      throws InterruptedException {
    if (count <= 0) {
      return;
    }
    TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    int batch = 250;
    Runnable worker = () -> {
      int from;
      while ((from = next.getAndAdd(batch)) < count) {
        int to = Math.min(count, from + batch);
        int first = from;
        transaction.executeWithoutResult(status -> {
          for (int i = first; i < to; i++) {
            runtimeService.startProcessInstanceByKey(key, Map.of("assignee", assignee.apply(i), "checker",
                assignee.apply(i + 1)));
          }
        });
        int total = done.addAndGet(to - from);
        if (total / 10_000 != (total - (to - from)) / 10_000) {
          progress(String.format(Locale.ROOT, "  %s: %,d of %,d instances started", what, total, count));
        }
      }
    };
    Thread a = new Thread(worker, "start-a");
    Thread b = new Thread(worker, "start-b");
    a.start();
    b.start();
    a.join();
    b.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    progress(String.format(Locale.ROOT, "%s: %,d instances of %s started in %.1f s (%.0f/s, in-process)", what,
        count, key, seconds, count / seconds));
  }

  // ---------------------------------------------------------------- the RFI, up to scoring

  private void openRfi() {
    progress("RFI: drafting through POST /api/rfis as " + DIRECTOR);
    HttpTestClient.Response drafted = http.post(DIRECTOR, "/api/rfis", plan());
    require(drafted, 201, "draft the RFI");
    rfiId = drafted.json().path("id").asText();
    rfiInstance = drafted.json().path("processInstanceId").asText();
    completeOne(DIRECTOR, rfiInstance, RfiProcess.Elements.TASK_APPROVE_PLAN, Map.of("planDecision", "APPROVE"));

    List<Integer> numbers = IntStream.rangeClosed(1, settings.responses).boxed().toList();
    Clients.Run responses = Clients.run("responses", 4, numbers,
        n -> http.post(RESPONDENT, "/api/rfis/" + rfiId + "/responses", response(n)));
    if (responses.failed() > 0) {
      throw new IllegalStateException("Responses refused: " + responses.failures());
    }
    progress(String.format(Locale.ROOT, "RFI %s: %d responses in through POST /api/rfis/{id}/responses "
        + "(4 clients, %.0f/s)", rfiId, responses.succeeded(), responses.perSecond()));
    details.put("responsesPerSecond", responses.perSecond());

    Job close = managementService.createJobQuery().processInstanceId(rfiInstance).timers().singleResult();
    managementService.executeJob(close.getId());
    completeOne(OFFICER, rfiInstance, RfiProcess.Elements.TASK_CONFIRM_SCREENING,
        Map.of("screeningDecision", "CONFIRM"));
    completeOne(CHAIR, rfiInstance, RfiProcess.Elements.TASK_FORM_PANEL,
        Map.of("reviewers", String.join("\n", reviewers)));
    List<String> members = new ArrayList<>(List.of(CHAIR));
    members.addAll(reviewers);
    for (String member : members) {
      JsonNode tasks = http.get(member, "/engine-rest/task?processInstanceId=" + rfiInstance + "&taskDefinitionKey="
          + RfiProcess.Elements.TASK_SIGN_ATTESTATION + "&assignee=" + member).json();
      require(http.submitForm(member, tasks.get(0).path("id").asText(), Map.of("attest", true)), 204,
          "sign the attestation as " + member);
    }
    int expected = settings.responses * settings.reviewers;
    long start = System.nanoTime();
    long attestedAt = System.currentTimeMillis();
    progress("RFI: panel attested; the job executor assigns reviewers and creates " + expected + " scoring tasks");
    // By business key: the scoring tasks are in the instances the RFI's instance calls, one per response.
    await("scoring tasks created", 900, () -> taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
        .taskDefinitionKey(RfiProcess.Elements.TASK_SCORE_RESPONSE).count() == expected);
    double seconds = (System.nanoTime() - start) / 1e9;
    long batches = runtimeService.createProcessInstanceQuery().superProcessInstanceId(rfiInstance).count();
    long scoringInstances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(rfiId)
        .processDefinitionKey(RfiProcess.SCORING_KEY).count();
    progress(String.format(Locale.ROOT, "RFI: %d scoring tasks open after %.1f s (%.2f ms per task), in %d "
        + "response instances called by %d batches", expected, seconds, seconds * 1000 / expected, scoringInstances,
        batches));
    details.put("scoringBatches", batches);
    details.put("scoringTasksCreatedSeconds", seconds);
    details.put("scoringInstances", scoringInstances);
    String load = Machine.load();
    // The RFI's transaction calls a batch instance per 50 responses (an execution, three variables and a job
    // each); each batch's job calls a scoring instance per response of its batch (ADR 0030). The first task is
    // created once both have committed.
    java.util.Date firstTask = context.getBean(HistoryService.class).createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(rfiId).taskDefinitionKey(RfiProcess.Elements.TASK_SCORE_RESPONSE)
        .orderByHistoricActivityInstanceStartTime().asc().listPage(0, 1).stream()
        .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getStartTime).findFirst().orElse(null);
    if (firstTask != null) {
      figure("scoring.firstTask", "first scoring task created, after the last attestation (includes the RFI's "
          + "transaction that calls a batch per 50 responses, and the first batch's)", (firstTask.getTime() - attestedAt) / 1000.0, "s",
          null, null, load);
    }
    figure("scoring.tasksOpen", String.format(Locale.ROOT, "%,d scoring tasks open after the last attestation",
        expected), seconds, "s", expected <= 1_400 ? "<= 30 s" : null, expected <= 1_400 ? seconds <= 30 : null, load);
    figure("scoring.tasksOpenPerTask", "time to open the scoring tasks, per task (linear: at most 1.5x at 10,000 "
        + "that at 1,400)", seconds * 1000 / expected, "ms", null, null, load);
  }

  private Map<String, Object> plan() {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("title", "Benchmark: commercial grants-management solutions");
    plan.put("description", "Market research on commercial grants-management solutions (synthetic benchmark data).");
    plan.put("agencyCode", "HHS");
    plan.put("topics", List.of("Commercial solutions", "Data standards", "Customer experience"));
    plan.put("closeDate", gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusDays(10)).toString());
    plan.put("allowLate", false);
    plan.put("panelChair", CHAIR);
    plan.put("scaleType", "NUMERIC");
    List<Map<String, Object>> criteria = new ArrayList<>();
    for (int c = 1; c <= settings.criteria; c++) {
      int weight = 100 / settings.criteria + (c <= 100 % settings.criteria ? 1 : 0);
      criteria.add(Map.of("name", "Criterion " + c, "weight", weight, "guidance", "What criterion " + c + " rewards."));
    }
    plan.put("criteria", criteria);
    return plan;
  }

  private static Map<String, Object> response(int n) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("organization", String.format(Locale.ROOT, "Respondent %03d, Inc.", n));
    response.put("smallBusiness", n % 3 == 0);
    response.put("contactName", "Program office");
    response.put("contactEmail", "rfi" + n + "@example.com");
    response.put("proprietary", n % 4 == 0);
    response.put("answers", List.of(Map.of("topic", 1, "answer", "Our solution, in production since 2019."),
        Map.of("topic", 2, "answer", "Uses the grants data standards."),
        Map.of("topic", 3, "answer", "Tested with applicants and staff.")));
    return response;
  }

  /** A reviewer's score form: a rating, strengths and a rationale per criterion. */
  private Map<String, Object> scoreForm(int seed) {
    Map<String, Object> form = new LinkedHashMap<>();
    for (int c = 1; c <= settings.criteria; c++) {
      int rating = 1 + Math.floorMod(seed * 7 + c * 3 + seed / 5, 5);
      form.put("rating" + c, rating);
      form.put("strengths" + c, "Clear approach for criterion " + c + ".");
      form.put("rationale" + c, "Rated " + rating + " against the level definitions.");
    }
    return form;
  }

  // ---------------------------------------------------------------- 100,000 open tasks and task lists

  private void fillOpenTasks() throws InterruptedException {
    long open = taskService.createTaskQuery().count();
    int fill = (int) Math.max(0, settings.openTasks - open);
    progress(String.format(Locale.ROOT, "open tasks: %,d; starting %,d more floor instances assigned to 500 other "
        + "users, to reach %,d", open, fill, settings.openTasks));
    startFloorInstances(fill, i -> "bench.filler" + (i % 500), "fill");
    long start = System.nanoTime();
    jdbc.execute("analyze");
    progress(String.format(Locale.ROOT, "analyze after the bulk load: %.1f s; open tasks now %,d",
        (System.nanoTime() - start) / 1e9, taskService.createTaskQuery().count()));
    details.put("openTasksDuringMeasurements", taskService.createTaskQuery().count());
  }

  private void taskLists() {
    String reviewer = reviewers.get(0);
    String floorUser = bareUsers.get(0);
    String ours = "/engine-rest/task?assignee=" + reviewer + "&processDefinitionKeyIn=" + RfiProcess.KEY + ","
        + RfiProcess.SCORING_KEY;
    String floor = "/engine-rest/task?assignee=" + floorUser + "&processDefinitionKey=" + BARE_KEY;
    int oursSize = require(http.get(reviewer, ours), 200, "list tasks").json().size();
    int floorSize = require(http.get(floorUser, floor), 200, "list tasks").json().size();
    progress("task lists: " + reviewer + " sees " + oursSize + " tasks, " + floorUser + " " + floorSize
        + "; " + settings.listCalls + " calls each, alternating, one client");
    Filter reviewerFilter = context.getBean(FilterService.class).createFilterQuery().filterName(REVIEWER_FILTER)
        .singleResult();
    String oursFilter = "/engine-rest/filter/" + reviewerFilter.getId() + "/list?firstResult=0&maxResults=15";
    String floorFilter = "/engine-rest/filter/" + details.get("floorFilterId") + "/list?firstResult=0&maxResults=15";
    require(http.get(reviewer, oursFilter), 200, "filter list");
    require(http.get(floorUser, floorFilter), 200, "filter list");
    resetStatements();
    Latencies oursQuery = new Latencies();
    Latencies floorQuery = new Latencies();
    Latencies oursList = new Latencies();
    Latencies floorList = new Latencies();
    int warmUp = Math.max(10, settings.listCalls / 10);
    for (int i = -warmUp; i < settings.listCalls; i++) {
      time(i >= 0 ? oursQuery : null, () -> http.get(reviewer, ours));
      time(i >= 0 ? floorQuery : null, () -> http.get(floorUser, floor));
      time(i >= 0 ? oursList : null, () -> http.get(reviewer, oursFilter));
      time(i >= 0 ? floorList : null, () -> http.get(floorUser, floorFilter));
    }
    dumpStatements("task-lists");
    String load = Machine.load();
    double ratio = oursQuery.percentileMs(95) / floorQuery.percentileMs(95);
    figure("taskList.p95", String.format(Locale.ROOT, "task list p95, GET /engine-rest/task?assignee&"
        + "processDefinitionKey (%d tasks of %,d open)", oursSize, settings.openTasks), oursQuery.percentileMs(95),
        "ms", null, null, load);
    figure("taskList.floorP95", "task list p95, the floor's same query", floorQuery.percentileMs(95), "ms", null,
        null, load);
    figure("taskList.ratio", "task list p95, ours / floor", ratio, "x", "<= 1.2x", ratio <= 1.2, load);
    double filterRatio = oursList.percentileMs(95) / floorList.percentileMs(95);
    figure("filterList.p95", "Tasklist filter page p95 (GET /engine-rest/filter/{id}/list, 15 tasks)",
        oursList.percentileMs(95), "ms", null, null, load);
    figure("filterList.floorP95", "Tasklist filter page p95, the floor's filter", floorList.percentileMs(95), "ms",
        null, null, load);
    figure("filterList.ratio", "Tasklist filter page p95, ours / floor", filterRatio, "x", "<= 1.2x",
        filterRatio <= 1.2, load);
    details.put("taskLists", Map.of("oursP50", oursQuery.percentileMs(50), "floorP50", floorQuery.percentileMs(50),
        "oursFilterP50", oursList.percentileMs(50), "floorFilterP50", floorList.percentileMs(50)));
  }

  private static void time(Latencies into, java.util.function.Supplier<HttpTestClient.Response> call) {
    long start = System.nanoTime();
    HttpTestClient.Response response = call.get();
    long elapsed = System.nanoTime() - start;
    require(response, 200, "list tasks");
    if (into != null) {
      into.add(elapsed);
    }
  }

  // ---------------------------------------------------------------- the OMB dashboard

  /**
   * The OMB view of the dashboard over a program of 1,000 designations and 100 RFIs (records written
   * straight into the tables, beside the open tasks already there): its p95, one client.
   */
  private void dashboard() {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    int designations = Integer.getInteger("bench.designations", 1000);
    int rfis = Integer.getInteger("bench.rfis", 100);
    jdbc.update("""
        insert into qsmo.designation (id, functional_area_code, agency_code, scope, plan_due_date, status, created_by,
            created_at, updated_at)
        select 'DSG-BENCH-' || lpad(g::text, 5, '0'), (array['CYBER','FM','HR','GRANTS','ACQ'])[1 + g % 5],
               (array['DHS','TREAS','GSA','OPM','HHS'])[1 + g % 5], 'Benchmark designation.',
               current_date + (g % 200) - 100,
               (array['IDENTIFIED','PRE_DESIGNATED','PLAN_SUBMITTED','UNDER_BOARD_REVIEW','AWAITING_OMB_DECISION',
                      'DESIGNATED'])[1 + g % 6], 'bench', now() - make_interval(days => g % 400), now()
        from generate_series(1, ?) g""", designations);
    jdbc.update("""
        insert into qsmo.designation_event (designation_id, occurred_at, actor, action, status)
        select id, created_at, 'bench', status, status from qsmo.designation where id like 'DSG-BENCH-%'""");
    jdbc.update("""
        insert into qsmo.rfi (id, title, description, agency_code, closes_at, allow_late, panel_chair_id, scale_type,
            status, created_by, created_at, updated_at)
        select 'RFI-BENCH-' || lpad(g::text, 4, '0'), 'Benchmark RFI ' || g, 'Benchmark.', 'HHS', now(), false,
               'bench.chair', 'NUMERIC',
               (array['OPEN','SCREENING','PANEL_FORMING','ATTESTATION','SCORING','CONSENSUS','REPORT_REVIEW',
                      'COMPLETED'])[1 + g % 8], 'bench', now(), now()
        from generate_series(1, ?) g""", rfis);
    String path = "/api/dashboard/program";
    require(http.get(ANALYST, path), 200, "read the OMB dashboard");
    Latencies latencies = new Latencies();
    int warmUp = Math.max(10, settings.listCalls / 10);
    for (int i = -warmUp; i < settings.listCalls; i++) {
      long start = System.nanoTime();
      require(http.get(ANALYST, path), 200, "read the OMB dashboard");
      if (i >= 0) {
        latencies.add(System.nanoTime() - start);
      }
    }
    String load = Machine.load();
    figure("dashboard.p95", String.format(Locale.ROOT, "OMB dashboard p95, GET %s (%,d designations, %,d RFIs, "
        + "%,d open tasks)", path, designations + 5, rfis, settings.openTasks), latencies.percentileMs(95), "ms",
        "< 300 ms", latencies.percentileMs(95) < 300, load);
    details.put("dashboard", Map.of("p50", latencies.percentileMs(50), "max", latencies.maxMs()));
  }

  // ---------------------------------------------------------------- scoring against the floor

  private record Work(String user, String taskId, int seed) {
  }

  private void scoring() {
    List<Task> ours = taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
        .taskDefinitionKey(RfiProcess.Elements.TASK_SCORE_RESPONSE).orderByTaskId().asc().list();
    progress("scoring order: " + settings.scoringOrder() + (settings.scoringOrder().equals("reviewers")
        ? " (each reviewer down their own list, from a different response; the clients take the reviewers in turn)"
        : " (task order: the reviewers of one response submit at the same moment, in turn under its lock)")
        + "; each run scores whole responses, every other response in task order");
    details.put("scoringOrder", settings.scoringOrder());
    List<Task> floor = taskService.createTaskQuery().processDefinitionKey(BARE_KEY)
        .taskAssigneeIn(bareUsers.toArray(String[]::new)).orderByTaskId().asc().list();
    int runs = settings.clients.size();
    for (int run = 0; run < runs; run++) {
      int clients = settings.clients.get(run);
      List<Work> oursWork = responsesOfRun(ours, run, runs, settings.scoringOrder().equals("reviewers"));
      List<Work> floorWork = share(floor, run, runs);
      // ABBA: floor first, then ours; the next run ours first: a steady drift of the machine cancels out.
      Clients.Run oursRun;
      Clients.Run floorRun;
      if (run % 2 == 0) {
        floorRun = complete("floor", clients, floorWork);
        oursRun = complete("scoring", clients, oursWork);
      } else {
        oursRun = complete("scoring", clients, oursWork);
        floorRun = complete("floor", clients, floorWork);
      }
      String load = Machine.load();
      String at = clients + " clients";
      figure("scoring." + clients + ".rate", "scoring completions/s, " + at + " (" + oursRun.succeeded() + " tasks)",
          oursRun.perSecond(), "/s", null, null, load);
      figure("scoring." + clients + ".p50", "scoring latency p50, " + at, oursRun.latencies().percentileMs(50), "ms",
          null, null, load);
      figure("scoring." + clients + ".p95", "scoring latency p95, " + at, oursRun.latencies().percentileMs(95), "ms",
          null, null, load);
      figure("scoring." + clients + ".p99", "scoring latency p99, " + at, oursRun.latencies().percentileMs(99), "ms",
          null, null, load);
      figure("floor." + clients + ".rate", "floor completions/s, " + at + " (" + floorRun.succeeded() + " tasks)",
          floorRun.perSecond(), "/s", null, null, load);
      figure("floor." + clients + ".p95", "floor latency p95, " + at, floorRun.latencies().percentileMs(95), "ms",
          null, null, load);
      double ratio = oursRun.perSecond() / floorRun.perSecond();
      figure("scoring." + clients + ".ratio", "scoring / floor rate, " + at, ratio, "x", ">= 0.8x", ratio >= 0.8,
          load);
      figure("scoring." + clients + ".failed", "failed scoring completions (non-2xx), " + at, oursRun.failed(), "",
          clients >= 50 ? "0" : null, clients >= 50 ? oursRun.failed() == 0 : null, load);
      figure("floor." + clients + ".failed", "failed floor completions (non-2xx), " + at, floorRun.failed(), "",
          null, null, load);
    }
    long incidents = runtimeService.createIncidentQuery().count();
    figure("incidents.afterScoring", "incidents after scoring (failed jobs)", incidents, "", "0", incidents == 0,
        Machine.load());
    progress("scoring done");
  }

  /**
   * The scoring tasks as reviewers work them: each reviewer down their own list (the tasks of a response are
   * created together, so task order is response order), each starting at a different response; the clients take
   * the reviewers in turn. Reviewers of one response then rarely submit at the same moment, as on a real panel;
   * {@code -Dbench.scoringOrder=tasks} keeps task order, where they all do.
   */
  static List<Task> reviewersInParallel(List<Task> tasks) {
    Map<String, List<Task>> byReviewer = new TreeMap<>();
    tasks.forEach(t -> byReviewer.computeIfAbsent(t.getAssignee(), k -> new ArrayList<>()).add(t));
    List<List<Task>> lists = new ArrayList<>();
    int reviewer = 0;
    for (List<Task> own : byReviewer.values()) {
      List<Task> rotated = new ArrayList<>(own);
      Collections.rotate(rotated, -(reviewer++ * own.size() / byReviewer.size()));
      lists.add(rotated);
    }
    List<Task> order = new ArrayList<>(tasks.size());
    for (int i = 0; order.size() < tasks.size(); i++) {
      for (List<Task> own : lists) {
        if (i < own.size()) {
          order.add(own.get(i));
        }
      }
    }
    return order;
  }

  /**
   * The scoring tasks of one run: all tasks of every {@code runs}-th response (a response's tasks are in its own
   * scoring instance), so that each run completes whole responses and carries its share of what a response's last
   * score costs (the multi-instance's end, the response's end job). Taking every other task instead put every
   * response's last score into the last run. In reviewers' order ({@link #reviewersInParallel}) or task order.
   */
  static List<Work> responsesOfRun(List<Task> tasks, int run, int runs, boolean reviewersInTurn) {
    List<String> responses = tasks.stream().map(Task::getProcessInstanceId).distinct().toList();
    java.util.Set<String> mine = new java.util.HashSet<>();
    for (int i = run; i < responses.size(); i += runs) {
      mine.add(responses.get(i));
    }
    List<Task> own = tasks.stream().filter(t -> mine.contains(t.getProcessInstanceId())).toList();
    if (reviewersInTurn) {
      own = reviewersInParallel(own);
    }
    Map<String, Integer> seeds = new java.util.HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      seeds.put(tasks.get(i).getId(), i);
    }
    return own.stream().map(t -> new Work(t.getAssignee(), t.getId(), seeds.get(t.getId()))).toList();
  }

  private static List<Work> share(List<Task> tasks, int run, int runs) {
    List<Work> work = new ArrayList<>();
    for (int i = run; i < tasks.size(); i += runs) {
      work.add(new Work(tasks.get(i).getAssignee(), tasks.get(i).getId(), i));
    }
    return work;
  }

  private Clients.Run complete(String what, int clients, List<Work> work) {
    resetStatements();
    Profile profile = null;
    if (settings.profile) {
      try {
        profile = Profile.start(server);
      } catch (IOException e) {
        progress("  no profile: " + e.getMessage());
      }
    }
    Clients.Run run = Clients.run(what, clients, work,
        item -> http.submitForm(item.user(), item.taskId(), scoreForm(item.seed())));
    dumpStatements(what + "-" + clients);
    if (profile != null) {
      try {
        Files.createDirectories(settings.out);
        Map<String, Object> shares = profile.stop(settings.out.resolve("profile-" + what + "-" + clients + ".jfr"));
        progress("  CPU samples of the server's JVM (%): " + shares);
        details.put("profile." + what + "." + clients, shares);
      } catch (IOException e) {
        progress("  profile not written: " + e);
      }
    }
    double drain = 0;
    if (what.equals("scoring")) {
      long start = System.nanoTime();
      // The scoring's continuations: those of the instances scoring the responses, of their batches, and the RFI's
      // own at "Score RFI responses" (a batch's end). What follows the last score (the aggregation, the consensus
      // step, the chair's mail) is measured apart below.
      await("asynchronous continuations", 600, () -> scoringJobs() == 0);
      drain = (System.nanoTime() - start) / 1e9;
      figure("scoring." + clients + ".drain", "continuations drained after the scoring run, " + clients + " clients",
          drain, "s", clients >= 50 ? "<= 5 s" : null, clients >= 50 ? drain <= 5 : null, Machine.load());
      long open = taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
          .taskDefinitionKey(RfiProcess.Elements.TASK_SCORE_RESPONSE).count();
      if (open > 0 && run.failed() > 0) {
        progress("  " + open + " scoring tasks still open after failed completions: the aggregation will not start");
      }
      if (open == 0) {
        // The last score: the RFI aggregates the scores and opens the consensus step, in jobs of its own, and the
        // chair is mailed the consensus tasks. That is not the scoring run's time, and the next run must not share
        // the machine with it.
        // Each part's end is noted when first seen: the scores aggregated (the status moved on), the consensus
        // tasks open (no job left), the chair's mail sent.
        long aggregating = System.nanoTime();
        long[] seen = new long[2];
        await("scores aggregated", 600, () -> {
          if (seen[0] == 0 && !"SCORING".equals(jdbc.queryForObject("select status from qsmo.rfi where id = ?",
              String.class, rfiId))) {
            seen[0] = System.nanoTime();
          }
          // Open: every response's consensus task there, and no job left, in the RFI's instance or its consensus
          // batches (ADR 0034), whose jobs are also counted by their process's key: on 7 December a wait on the RFI's
          // root instance id alone ended while the batches still opened their tasks (a profile of the next run
          // showed the job threads in them).
          if (seen[0] != 0 && seen[1] == 0
              && taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
                  .taskDefinitionKey(RfiProcess.Elements.TASK_HOLD_CONSENSUS).count() == settings.responses
              && managementService.createJobQuery().rootProcessInstanceId(rfiInstance).messages().count() == 0
              && managementService.createJobQuery().processDefinitionKey(RfiProcess.CONSENSUS_BATCH_KEY).messages()
                  .count() == 0) {
            seen[1] = System.nanoTime();
          }
          return seen[1] != 0 && pendingMail() == 0;
        });
        long done = System.nanoTime();
        double seconds = (done - aggregating) / 1e9;
        double aggregated = (seen[0] - aggregating) / 1e9;
        double opened = (seen[1] - aggregating) / 1e9;
        String load = Machine.load();
        figure("scoring.aggregated", "scores aggregated (the RFI in its consensus step), after the last score's "
            + "continuations", aggregated, "s", null, null, load);
        figure("scoring.consensusOpen", "consensus tasks open (no job left), after the last score's continuations",
            opened, "s", null, null, load);
        figure("scoring.aggregation", "scores aggregated, the consensus step opened and its mail sent, after the "
            + "last score's continuations", seconds, "s", null, null, load);
        progress(String.format(Locale.ROOT, "  scores aggregated %.1f s, consensus tasks open %.1f s, their mail sent "
            + "%.1f s after that", aggregated, opened, seconds));
        // A person's tasks of one record assigned together are told in one message (Notifications.DIGEST_MAX).
        Integer chairMessages = jdbc.queryForObject("select count(*) from qsmo.notification_message where record_id = ? "
            + "and recipient_user_id = ? and kind = 'TASK_ASSIGNED' and subject like '%Hold consensus review%'",
            Integer.class, rfiId, CHAIR);
        Integer reviewerMessages = jdbc.queryForObject("select max(n) from (select count(*) n from "
            + "qsmo.notification_message where record_id = ? and kind = 'TASK_ASSIGNED' and recipient_user_id like "
            + "'bench.reviewer%' and subject like '%Score RFI response%' group by recipient_user_id) m", Integer.class,
            rfiId);
        figure("mail.chairConsensus", "e-mail to the chair of the " + settings.responses + " consensus tasks (messages)",
            chairMessages == null ? 0 : chairMessages, "", null, null, load);
        figure("mail.reviewerScoring", "e-mail to a reviewer of their scoring tasks, most to one reviewer (messages)",
            reviewerMessages == null ? 0 : reviewerMessages, "", null, null, load);
      }
    }
    progress(String.format(Locale.ROOT, "%-7s %2d clients: %4d completed, %d failed in %5.1f s = %6.1f/s; "
        + "p50 %5.1f, p95 %5.1f, p99 %5.1f, max %6.1f ms%s", what, clients, run.succeeded(), run.failed(),
        run.seconds(), run.perSecond(), run.latencies().percentileMs(50), run.latencies().percentileMs(95),
        run.latencies().percentileMs(99), run.latencies().maxMs(),
        what.equals("scoring") ? String.format(Locale.ROOT, "; continuations drained %.1f s later", drain) : ""));
    run.failures().forEach(f -> progress("  failed: " + f));
    details.put("run." + what + "." + clients, Map.of("succeeded", run.succeeded(), "failed", run.failed(),
        "seconds", run.seconds(), "perSecond", run.perSecond(), "p50", run.latencies().percentileMs(50),
        "p95", run.latencies().percentileMs(95), "p99", run.latencies().percentileMs(99),
        "maxMs", run.latencies().maxMs(), "drainSeconds", drain, "failures", run.failures()));
    return run;
  }

  // ---------------------------------------------------------------- a board round

  private void boardRound() {
    HttpTestClient.Response started = http.post(ANALYST, "/engine-rest/process-definition/key/" + DesignationProcess.KEY
        + "/submit-form", HttpTestClient.form(Map.of("functionalAreaCode", "ACQ", "agencyCode",
            "GSA", "scope", "Acquisition marketplace (benchmark).", "planDueDate",
            gov.qsmo.workflow.calendar.TestDates.businessDay(java.time.LocalDate.now().plusMonths(3)).toString())));
    require(started, 200, "start a designation");
    String instance = started.json().path("id").asText();
    completeOne(DECIDER, instance, DesignationProcess.Elements.TASK_PRE_DESIGNATE_CANDIDATE,
        Map.of("decision", "PRE_DESIGNATE"));
    completeOne(GSA_DIRECTOR, instance, DesignationProcess.Elements.TASK_PREPARE_MARKETPLACE_PLAN, Map.of(
        "serviceOfferings", "Contract writing | commercial | Schedule vendors | GSA MAS",
        "acquisitionStrategy", "Schedules.", "governance", "A customer council.", "financialInfrastructure", "Fees.",
        "organization", "An office of the QSMO."));
    await("board review tasks", 300, () -> taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(DesignationProcess.Elements.TASK_REVIEW_PLAN).count() == settings.boardMembers);
    List<Work> votes = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(DesignationProcess.Elements.TASK_REVIEW_PLAN).list().stream()
        .map(t -> new Work(t.getAssignee(), t.getId(), 0)).toList();
    Clients.Run run = Clients.run("board", votes.size(), votes, item -> http.submitForm(item.user(), item.taskId(),
        Map.of("recommendation", "ENDORSE", "governanceComment", "Clear governance.")));
    await("board round closed", 300, () -> taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(DesignationProcess.Elements.TASK_CONSOLIDATE_RECOMMENDATION).count() == 1);
    progress(String.format(Locale.ROOT, "board round: %d votes by %d members at once, %d failed; p50 %.1f, "
        + "max %.1f ms; the round closed and waits for the chair", run.succeeded(), votes.size(), run.failed(),
        run.latencies().percentileMs(50), run.latencies().maxMs()));
    String load = Machine.load();
    figure("board.failed", "failed board votes (non-2xx), " + votes.size() + " members at once", run.failed(), "",
        "0", run.failed() == 0, load);
    figure("board.p95", "board vote latency p95", run.latencies().percentileMs(95), "ms", null, null, load);
  }

  /** The scoring's message jobs still there: in the responses' instances, their batches, and the RFI's call. */
  private long scoringJobs() {
    long called = 0;
    for (String key : List.of(RfiProcess.SCORING_KEY, RfiProcess.SCORING_BATCH_KEY)) {
      called += managementService.createJobQuery().rootProcessInstanceId(rfiInstance).processDefinitionKey(key)
          .messages().count();
    }
    return called + managementService.createJobQuery().processInstanceId(rfiInstance)
        .activityId(RfiProcess.Elements.CALL_SCORE_RESPONSES).messages().count();
  }

  // ---------------------------------------------------------------- consensus, the report, the end

  private void consensusAndReport() {
    progress("waiting for the aggregation and the consensus tasks");
    // By the RFI id: the consensus tasks are in the batches the RFI's instance calls (ADR 0034).
    await("consensus tasks created", 600, () -> taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
        .taskDefinitionKey(RfiProcess.Elements.TASK_HOLD_CONSENSUS).count() == settings.responses);
    List<Work> reviews = taskService.createTaskQuery().processInstanceBusinessKey(rfiId)
        .taskDefinitionKey(RfiProcess.Elements.TASK_HOLD_CONSENSUS).list().stream()
        .map(t -> new Work(CHAIR, t.getId(), 0)).toList();
    Map<String, Object> form = new LinkedHashMap<>();
    for (int c = 1; c <= settings.criteria; c++) {
      form.put("consensusRating" + c, 3);
      form.put("consensusRationale" + c, "The panel agreed on 3 after discussing the spread.");
    }
    int clients = settings.clients.get(0);
    Clients.Run run = Clients.run("consensus", clients, reviews, item -> http.submitForm(item.user(), item.taskId(),
        form));
    long last = System.nanoTime();
    progress(String.format(Locale.ROOT, "consensus: %d reviews by the chair (%d clients), %d failed, %.1f/s, "
        + "p95 %.1f ms", run.succeeded(), clients, run.failed(), run.perSecond(), run.latencies().percentileMs(95)));
    run.failures().forEach(f -> progress("  failed: " + f));
    figure("consensus.rate", "consensus completions/s (the chair, " + clients + " clients)", run.perSecond(), "/s",
        null, null, Machine.load());
    await("report generated", 600, () -> taskService.createTaskQuery().processInstanceId(rfiInstance)
        .taskDefinitionKey(RfiProcess.Elements.TASK_APPROVE_REPORT).count() == 1);
    double inProcess = (System.nanoTime() - last) / 1e9;
    progress(String.format(Locale.ROOT, "report generated by the process %.1f s after the last consensus", inProcess));
    details.put("reportInProcessSeconds", inProcess);

    RfiReportTiming.Timing timing = RfiReportTiming.time(context, rfiId, 2, settings.reportRounds);
    String load = Machine.load();
    progress("report timing (warm, " + timing.rounds() + " rounds): " + timing);
    figure("report.pdf", String.format(Locale.ROOT, "report PDF rendering, %,d scores (median of %d, warm)",
        timing.scores(), timing.rounds()), timing.pdfMedianMs() / 1000, "s", "< 3 s", timing.pdfMedianMs() < 3000,
        load);
    figure("report.csv", "report CSV rendering (median)", timing.csvMedianMs() / 1000, "s", "< 1 s",
        timing.csvMedianMs() < 1000, load);
    figure("report.generate", "report generation as the process runs it: read, PDF, CSV, store (median)",
        timing.generateMedianMs() / 1000, "s", "< 3 s", timing.generateMedianMs() < 3000, load);
    details.put("report", timing);

    completeOne(DIRECTOR, rfiInstance, RfiProcess.Elements.TASK_APPROVE_REPORT, Map.of("reportDecision", "APPROVE"));
    HistoryService history = context.getBean(HistoryService.class);
    await("RFI evaluation completed", 300, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(rfiInstance).finished().count() == 1);
    progress("RFI " + rfiId + ": report approved, evaluation completed");
  }

  /** The server's resident memory after the scoring runs (its own JVM: no client thread in it). */
  private void memoryAtEnd() {
    String load = Machine.load();
    long rss = server.rssMib();
    figure("memory.end", "resident memory of the server after the scoring runs (VmRSS; JVM options "
        + String.join(" ", settings.serverJvmArgs) + ")", rss, "MiB", "< 700 MiB", rss < 700, load);
    figure("memory.peak", "peak resident memory of the server (VmHWM)", server.peakRssMib(), "MiB", null, null, load);
    figure("memory.benchJvm", "resident memory of the benchmark's own JVM (clients, set-up; not the server)",
        Machine.rssMib(), "MiB", null, null, load);
  }

  // ---------------------------------------------------------------- e-mail on and off

  /**
   * Task completions that assign a task (which is mailed) with e-mail on and off, in one run: the same server
   * restarted with {@code qsmo.notification.enabled} on, off, on, ... ({@code bench.emailRuns} runs, 5 by default:
   * one run varies from the next by more than the 5 % being measured), each completing its share of the first
   * tasks of {@value #TWO_TASKS_KEY} instances, as their users, with the first client count (the first quarter of
   * each share unmeasured, to warm the restarted server). The figure: the mean rate of the runs with e-mail on over
   * the mean of those with it off. The messages
   * go to this JVM's SMTP server ({@link SmtpSink}: it accepts and counts, as a mail server on another machine
   * would cost the server's cores nothing) while the run goes on, as in production.
   */
  private void notifications() throws Exception {
    // Runs alternate on, off, on, ...: an odd number, at least three, so that e-mail on surrounds every off run.
    int runs = Math.max(3, settings.emailRuns % 2 == 0 ? settings.emailRuns + 1 : settings.emailRuns);
    int count = settings.notificationTasks - settings.notificationTasks % runs;
    if (count < 20 * runs) {
      progress("e-mail on and off: not measured (bench.notificationTasks under " + 20 * runs + ")");
      return;
    }
    startInstances(TWO_TASKS_KEY, count, i -> bareUsers.get(i % bareUsers.size()), "notifications");
    // The database's own work left over from the earlier phases (dead rows to vacuum, dirty pages to write) is
    // done now, not during whichever run comes first.
    long settle = System.nanoTime();
    try {
      jdbc.execute("vacuum analyze");
      jdbc.execute("checkpoint");
      progress(String.format(Locale.ROOT, "notifications: vacuum, analyze and checkpoint before the runs: %.1f s",
          (System.nanoTime() - settle) / 1e9));
    } catch (RuntimeException e) {
      // CHECKPOINT needs a superuser (or pg_checkpoint): a database named by SPRING_DATASOURCE_URL may not allow it.
      progress("notifications: vacuum and checkpoint before the runs skipped: " + e.getMessage());
    }
    List<Task> first = taskService.createTaskQuery().processDefinitionKey(TWO_TASKS_KEY).taskDefinitionKey(BARE_TASK)
        .orderByTaskId().asc().list();
    int clients = settings.clients.get(0);
    double[] rates = new double[runs];
    int failed = 0;
    for (int run = 0; run < runs; run++) {
      boolean on = run % 2 == 0;
      startServer(on);
      long mailBefore = mailRows();
      long acceptedBefore = smtp.accepted();
      List<Work> work = share(first, run, runs);
      // A quarter of the completions before the clock starts: the restarted server's code is compiled (warm), as
      // it is for the scoring runs after the earlier phases.
      int warmUp = Math.max(10, work.size() / 4);
      Clients.run("warm-up", clients, work.subList(0, warmUp), item -> http.submitForm(item.user(), item.taskId(),
          scoreForm(item.seed())));
      Profile profile = settings.profile ? Profile.start(server) : null;
      long[] cpuBefore = {Machine.cpuMs(server.pid()), Machine.cpuMs(), Machine.machineBusyMs()};
      Map<String, Long> threadsBefore = Machine.cpuMsByThreadKind(server.pid());
      Clients.Run measured = Clients.run("notifications-" + (on ? "on" : "off"), clients, work.subList(warmUp,
          work.size()), item -> http.submitForm(item.user(), item.taskId(), scoreForm(item.seed())));
      // The run ends when its mail has gone out: the sender writes the messages of tasks assigned (ADR 0032) and
      // sends them after the steps' commits, so that work is counted in the rate and in the CPU figures.
      long startDrain = System.nanoTime();
      await("e-mail sent", 300, () -> pendingMail() == 0);
      double drain = (System.nanoTime() - startDrain) / 1e9;
      // Where the machine's CPU went during the measured completions and their mail, per completion: the server,
      // this JVM (the clients and the SMTP server) and the rest (PostgreSQL, anything else running).
      double per = Math.max(1, measured.succeeded());
      double serverCpu = (Machine.cpuMs(server.pid()) - cpuBefore[0]) / per;
      double benchCpu = (Machine.cpuMs() - cpuBefore[1]) / per;
      double restCpu = (Machine.machineBusyMs() - cpuBefore[2]) / per - serverCpu - benchCpu;
      if (Math.min(cpuBefore[0], Math.min(cpuBefore[1], cpuBefore[2])) >= 0) {
        progress(String.format(Locale.ROOT, "  CPU per completion: server %.1f ms, benchmark JVM (clients, SMTP "
            + "server) %.1f ms, the rest (PostgreSQL, ...) %.1f ms", serverCpu, benchCpu, restCpu));
        Map<String, String> byKind = new LinkedHashMap<>();
        Machine.cpuMsByThreadKind(server.pid()).forEach((kind, ms) -> byKind.put(kind, String.format(Locale.ROOT,
            "%.1f ms", (ms - threadsBefore.getOrDefault(kind, 0L)) / per)));
        progress("  the server's CPU per completion by thread: " + byKind);
      }
      if (profile != null) {
        Files.createDirectories(settings.out);
        progress("  CPU samples of the server's JVM (%): " + profile.stop(settings.out.resolve("profile-e-mail-"
            + (on ? "on" : "off") + "-" + run + ".jfr")));
      }
      double rate = measured.succeeded() / (measured.seconds() + drain);
      rates[run] = rate;
      failed += measured.failed();
      long written = mailRows() - mailBefore;
      progress(String.format(Locale.ROOT, "e-mail %-3s %2d clients: %4d completed, %d failed, %.1f/s (%.1f/s until the "
          + "last completion), p95 %.1f ms; %d messages written, all sent %.1f s after the last completion (%d "
          + "accepted by the SMTP server)", on ? "on" : "off", clients, measured.succeeded(), measured.failed(), rate,
          measured.perSecond(), measured.latencies().percentileMs(95), written, drain,
          smtp.accepted() - acceptedBefore));
      measured.failures().forEach(f -> progress("  failed: " + f));
      details.put("run.notifications." + run, Map.of("on", on, "succeeded", measured.succeeded(), "failed",
          measured.failed(), "perSecond", rate, "perSecondUntilLastCompletion", measured.perSecond(), "p95",
          measured.latencies().percentileMs(95), "drainSeconds", drain, "messagesWritten", written, "cpuMsPerCompletion", Map.of("server", serverCpu, "benchJvm", benchCpu,
              "rest", restCpu)));
    }
    String load = Machine.load();
    double on = 0;
    double off = 0;
    for (int run = 0; run < runs; run++) {
      if (run % 2 == 0) {
        on += rates[run] / ((runs + 1) / 2);
      } else {
        off += rates[run] / (runs / 2);
      }
    }
    double ratio = on / off;
    figure("notifications.on", "completions that assign a mailed task, e-mail on (/s, mean of " + (runs + 1) / 2
        + " runs, " + clients + " clients)", on, "/s", null, null, load);
    figure("notifications.off", "the same completions, e-mail off (/s, mean of " + runs / 2 + " runs)", off, "/s",
        null, null, load);
    figure("notifications.ratio", "completions with e-mail on / off", ratio, "x", ">= 0.95x", ratio >= 0.95, load);
    figure("notifications.failed", "failed completions (non-2xx), e-mail on and off", failed, "", "0", failed == 0,
        load);
  }

  private static SmtpSink startSink() {
    try {
      return new SmtpSink();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long mailRows() {
    Long rows = jdbc.queryForObject("select count(*) from qsmo.notification_message", Long.class);
    return rows == null ? 0 : rows;
  }

  /** Messages not yet sent, and tasks assigned or offered whose messages are not yet written (ADR 0032). */
  private long pendingMail() {
    Long rows = jdbc.queryForObject(gov.qsmo.workflow.TestMailServer.UNSENT_MAIL_SQL, Long.class);
    return rows == null ? 0 : rows;
  }

  // ---------------------------------------------------------------- output

  /** The figures so far, to target/bench: after each phase, so that a run stopped half-way leaves them. */
  private void write() throws IOException {
    Files.createDirectories(settings.out);
    Map<String, Object> json = new LinkedHashMap<>(details);
    json.put("figures", figures);
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(settings.out.resolve("results.json").toFile(), json);
    StringBuilder csv = new StringBuilder("key,figure,value,unit,target,met,load\n");
    for (Figure f : figures) {
      csv.append(String.join(",", f.key(), quote(f.label()), number(f.value()).replace(",", ""), f.unit(),
          quote(f.target() == null ? "" : f.target()), f.met() == null ? "" : f.met().toString(), f.load()))
          .append('\n');
    }
    Files.writeString(settings.out.resolve("results.csv"), csv);
    Files.writeString(settings.out.resolve("results.txt"), table());
  }

  private String table() {
    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "%n%-92s %14s  %-10s %-7s %s%n", "figure", "value", "target", "met",
        "load (1/5/15 min)"));
    table.append("-".repeat(150)).append('\n');
    for (Figure f : figures) {
      table.append(String.format(Locale.ROOT, "%-92s %10s %-3s  %-10s %-7s %s%n", f.label(), number(f.value()),
          f.unit(), f.target() == null ? "" : f.target(), f.met() == null ? "" : f.met() ? "yes" : "MISSED",
          f.load()));
    }
    return table.toString();
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f" : "%.1f", value);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private void figure(String key, String label, double value, String unit, String target, Boolean met) {
    figure(key, label, value, unit, target, met, Machine.load());
  }

  private void figure(String key, String label, double value, String unit, String target, Boolean met, String load) {
    figures.add(new Figure(key, label, value, unit, target, met, load));
  }

  // ---------------------------------------------------------------- pg_stat_statements

  private void resetStatements() {
    if (settings.pgStatements) {
      jdbc.execute("select pg_stat_statements_reset()");
    }
  }

  /** The statements that took the most time since the last reset, into target/bench/pg-statements-*.txt. */
  private void dumpStatements(String phase) {
    if (!settings.pgStatements) {
      return;
    }
    List<String> lines = jdbc.query("select calls, round(total_exec_time::numeric, 1) as total, "
        + "round(mean_exec_time::numeric, 3) as mean, rows, regexp_replace(query, '\\s+', ' ', 'g') as query "
        + "from pg_stat_statements where query not like '%pg_stat_statements%' "
        + "order by total_exec_time desc limit 25", (rs, n) -> String.format(Locale.ROOT,
            "%8d calls %10s ms total %8s ms mean %8d rows  %s", rs.getLong("calls"), rs.getString("total"),
            rs.getString("mean"), rs.getLong("rows"), rs.getString("query")));
    Long calls = jdbc.queryForObject("select coalesce(sum(calls), 0) from pg_stat_statements "
        + "where query not like '%pg_stat_statements%'", Long.class);
    try {
      Files.createDirectories(settings.out);
      Files.writeString(settings.out.resolve("pg-statements-" + phase + ".txt"), "statements executed: " + calls
          + "\n" + String.join("\n", lines) + "\n");
    } catch (IOException e) {
      progress("could not write the statements of " + phase + ": " + e);
    }
    details.put("statements." + phase, calls);
  }

  // ---------------------------------------------------------------- helpers

  /** What a phase of its own class sees of the benchmark. */
  private DataCallPhase.Bench phaseView() {
    return new DataCallPhase.Bench() {
      @Override
      public ConfigurableApplicationContext context() {
        return context;
      }

      @Override
      public HttpTestClient http() {
        return http;
      }

      @Override
      public void figure(String key, String label, double value, String unit, String target, Boolean met) {
        WorkflowBenchmark.this.figure(key, label, value, unit, target, met);
      }

      @Override
      public void detail(String key, Object value) {
        details.put(key, value);
      }

      @Override
      public void progress(String message) {
        WorkflowBenchmark.this.progress(message);
      }

      @Override
      public void await(String what, int seconds, BooleanSupplier condition) {
        WorkflowBenchmark.this.await(what, seconds, condition);
      }
    };
  }

  /** Completes the only task of this key in the instance that the user sees, over REST. */
  private void completeOne(String user, String instance, String key, Map<String, Object> form) {
    await(key + " for " + user, 300, () -> http.get(user, "/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + key).json().size() > 0);
    JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key)
        .json();
    require(http.submitForm(user, tasks.get(0).path("id").asText(), form), 204, key + " as " + user);
  }

  static HttpTestClient.Response require(HttpTestClient.Response response, int status, String what) {
    if (response.status() != status) {
      throw new IllegalStateException("Could not " + what + ": " + response.status() + " " + response.body());
    }
    return response;
  }

  private void await(String what, int seconds, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Gave up waiting for " + what + " after " + seconds + " s");
      }
      if (System.nanoTime() > nextNote) {
        progress("  still waiting for " + what);
        nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private void progress(String message) {
    System.out.printf(Locale.ROOT, "[bench %6.1f s | load %s] %s%n", (System.nanoTime() - began) / 1e9,
        Machine.load(), message);
    System.out.flush();
  }
}
