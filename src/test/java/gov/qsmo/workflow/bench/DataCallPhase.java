package gov.qsmo.workflow.bench;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.calendar.TestDates;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.inventory.InventoryCsv;
import gov.qsmo.workflow.inventory.InventoryProcess;
import gov.qsmo.workflow.reference.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The systems inventory data call at size: a designated QSMO's director asks {@code bench.dataCallAgencies}
 * agencies (100), each agency's point of contact uploads a CSV of {@code bench.dataCallSystems} systems (50), and
 * the director reads the consolidated inventory: its summary, its pages and its CSV export. Everything the figures
 * time goes over HTTP to the server under measurement, which runs the jobs.
 */
final class DataCallPhase {

  static final String DIRECTOR = "bench.director.treas";
  static final String AGENCY_PREFIX = "BENCH";
  /** The QSMO that issues the call: a designation the migrations seed, the financial management QSMO. */
  static final String QSMO_AGENCY = "TREAS";
  private static final List<String> PROVIDERS = IntStream.rangeClosed(1, 24)
      .mapToObj(i -> String.format(Locale.ROOT, "Provider %02d", i)).toList();
  private static final List<String> FUNCTIONS = List.of("Core financial", "Payments", "Budget formulation",
      "Travel", "Payroll", "Grants accounting", "Procurement", "Asset management", "Reporting", "Payables");
  private static final List<String> HOSTINGS = List.of("ON_PREMISES", "AGENCY_CLOUD", "COMMERCIAL_CLOUD",
      "SHARED_SERVICE_PROVIDER");

  /** What the phase needs of the benchmark: its set-up application, its client, and where figures go. */
  interface Bench {
    ConfigurableApplicationContext context();

    HttpTestClient http();

    void figure(String key, String label, double value, String unit, String target, Boolean met);

    void detail(String key, Object value);

    void progress(String message);

    void await(String what, int seconds, java.util.function.BooleanSupplier condition);
  }

  private final Bench bench;
  private final int agencyCount;
  private final int systems;
  private final int clients;
  private List<String> agencies;

  DataCallPhase(Bench bench, int agencyCount, int systems, int clients) {
    this.bench = bench;
    this.agencyCount = agencyCount;
    this.systems = systems;
    this.clients = clients;
  }

  /** Agencies, their points of contact and the QSMO's director, in the set-up application (not timed). */
  void setUp() {
    ReferenceData referenceData = bench.context().getBean(ReferenceData.class);
    IdentitySetup identity = bench.context().getBean(IdentitySetup.class);
    identity.ensureUser(DIRECTOR, "Bench", "Treasury Director", DIRECTOR, Roles.QSMO_DIRECTORS,
        Roles.directorsOf(QSMO_AGENCY));
    agencies = IntStream.rangeClosed(1, agencyCount)
        .mapToObj(i -> String.format(Locale.ROOT, "%s%03d", AGENCY_PREFIX, i)).toList();
    long start = System.nanoTime();
    for (int i = 0; i < agencies.size(); i++) {
      String code = agencies.get(i);
      if (referenceData.agencies().stream().noneMatch(a -> a.getCode().equals(code))) {
        referenceData.addAgency(new ReferenceData.AgencyInput(code, "Benchmark Agency " + (i + 1),
            "Bench " + (i + 1)), "bench.admin");
      }
      identity.ensureUser(contact(code), "Bench", "Contact " + code, contact(code), Roles.INVENTORY_CONTACTS,
          Roles.inventoryContactsOf(code));
    }
    bench.progress(String.format(Locale.ROOT, "data call: %d agencies and their points of contact set up in %.1f s",
        agencies.size(), (System.nanoTime() - start) / 1e9));
  }

  void run() {
    JdbcTemplate jdbc = bench.context().getBean(JdbcTemplate.class);
    TaskService tasks = bench.context().getBean(TaskService.class);
    HttpTestClient http = bench.http();
    String designation = jdbc.queryForObject("""
        select id from qsmo.designation where agency_code = ? and status = 'DESIGNATED'
          and id not like 'DSG-BENCH-%' order by id limit 1""", String.class, QSMO_AGENCY);

    // Issue: the request's transaction stores the call and starts its instance; each agency's instance starts in
    // a job of its own.
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("title", "Benchmark: financial systems inventory");
    request.put("instructions", "List every financial system the agency runs (synthetic benchmark data).");
    request.put("dueDate", TestDates.businessDay(LocalDate.now().plusDays(20)).toString());
    request.put("agencyCodes", agencies);
    long start = System.nanoTime();
    HttpTestClient.Response issued = http.post(DIRECTOR, "/api/designations/" + designation + "/data-calls", request);
    double issueMs = (System.nanoTime() - start) / 1e6;
    WorkflowBenchmark.require(issued, 201, "issue the data call");
    String dataCall = issued.json().path("id").asText();
    bench.await("the data call's " + agencies.size() + " inventory tasks", 600, () -> tasks.createTaskQuery()
        .processInstanceBusinessKey(dataCall).taskDefinitionKey(InventoryProcess.Elements.TASK_SUBMIT_INVENTORY)
        .count() == agencies.size());
    double tasksOpen = (System.nanoTime() - start) / 1e9;
    bench.progress(String.format(Locale.ROOT, "data call %s to %d agencies: issued in %.0f ms, every agency's task "
        + "open after %.1f s", dataCall, agencies.size(), issueMs, tasksOpen));
    bench.figure("dataCall.issue", String.format(Locale.ROOT, "data call to %d agencies: POST /api/designations/{id}"
        + "/data-calls", agencies.size()), issueMs, "ms", null, null);
    bench.figure("dataCall.tasksOpen", String.format(Locale.ROOT, "data call: all %d agencies' tasks open, after "
        + "the request", agencies.size()), tasksOpen, "s", null, null);

    // Every agency answers with a CSV upload of its systems, which completes its task.
    List<String> order = new ArrayList<>(agencies);
    Clients.Run uploads = Clients.run("inventory", clients, order, code -> http.upload(contact(code),
        "/api/data-calls/" + dataCall + "/agencies/" + code + "/inventory", code + ".csv", "text/csv", csv(code)));
    if (uploads.failed() > 0) {
      throw new IllegalStateException("Inventories refused: " + uploads.failures());
    }
    long lastUpload = System.nanoTime();
    bench.progress(String.format(Locale.ROOT, "data call: %d inventories of %d systems uploaded as CSV in %.1f s "
        + "(%d clients, %.1f/s; p50 %.0f ms, p95 %.0f ms)", uploads.succeeded(), systems, uploads.seconds(),
        clients, uploads.perSecond(), uploads.latencies().percentileMs(50), uploads.latencies().percentileMs(95)));
    bench.figure("dataCall.uploadP95", String.format(Locale.ROOT, "data call: CSV upload of %d systems p95 (checked "
        + "row by row, stored, task completed; %d clients)", systems, clients),
        uploads.latencies().percentileMs(95), "ms", null, null);
    bench.figure("dataCall.uploads", String.format(Locale.ROOT, "data call: all %d inventories uploaded (%d "
        + "clients)", agencies.size(), clients), uploads.seconds(), "s", null, null);

    // The call's instance ends once every agency's instance has ended (in jobs after the uploads).
    HistoryService history = bench.context().getBean(HistoryService.class);
    bench.await("the data call's instance to end", 600, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(dataCall).processDefinitionKey(InventoryProcess.DATA_CALL_KEY).finished()
        .count() == 1);
    double ended = (System.nanoTime() - lastUpload) / 1e9;
    bench.figure("dataCall.ended", "data call: its instance ended (every agency answered), after the last upload",
        ended, "s", null, null);

    // Consolidated: the summary (counted in the database), the first and last pages, the CSV export.
    long expected = (long) agencies.size() * systems;
    Latencies summary = repeat(10, () -> http.get(DIRECTOR, "/api/data-calls/" + dataCall + "/summary"), body -> {
      long counted = body.json().path("systems").asLong();
      if (counted != expected) {
        throw new IllegalStateException("The summary counts " + counted + " systems, not " + expected);
      }
    });
    bench.figure("dataCall.summaryP50", String.format(Locale.ROOT, "data call: consolidated summary of %,d systems "
        + "(GET /api/data-calls/{id}/summary) p50", expected), summary.percentileMs(50), "ms", null, null);
    long lastPage = (expected - 1) / 100;
    Latencies pages = repeat(10, () -> http.get(DIRECTOR, "/api/data-calls/" + dataCall + "/inventory?page="
        + lastPage + "&size=100"), body -> {
          if (body.json().size() == 0) {
            throw new IllegalStateException("The consolidated inventory's last page is empty");
          }
        });
    bench.figure("dataCall.lastPageP50", String.format(Locale.ROOT, "data call: consolidated inventory, last page of "
        + "100 (page %d) p50", lastPage), pages.percentileMs(50), "ms", null, null);
    int[] size = new int[1];
    Latencies export = repeat(5, () -> {
      byte[] bytes = http.bytes(DIRECTOR, "/api/data-calls/" + dataCall + "/inventory.csv");
      size[0] = bytes.length;
      return new HttpTestClient.Response(200, new String(bytes, StandardCharsets.UTF_8));
    }, body -> {
      long lines = body.body().lines().count();
      if (lines != expected + 1) {
        throw new IllegalStateException("The CSV export has " + lines + " lines, not " + (expected + 1));
      }
    });
    bench.figure("dataCall.csvP50", String.format(Locale.ROOT, "data call: CSV export of %,d systems (%,d KiB) p50",
        expected, size[0] / 1024), export.percentileMs(50), "ms", null, null);
    bench.detail("dataCall", Map.of("id", dataCall, "agencies", agencies.size(), "systemsPerAgency", systems,
        "uploadP50Ms", uploads.latencies().percentileMs(50), "summaryP95Ms", summary.percentileMs(95),
        "csvMaxMs", export.maxMs(), "csvBytes", size[0]));
    bench.progress(String.format(Locale.ROOT, "data call: summary p50 %.0f ms, last page p50 %.0f ms, CSV export "
        + "p50 %.0f ms (%,d bytes)", summary.percentileMs(50), pages.percentileMs(50), export.percentileMs(50),
        size[0]));
  }

  /** One warm-up call, then {@code times} timed ones, each answer checked. */
  private static Latencies repeat(int times, Supplier<HttpTestClient.Response> call,
      java.util.function.Consumer<HttpTestClient.Response> check) {
    Latencies latencies = new Latencies();
    for (int i = -1; i < times; i++) {
      long start = System.nanoTime();
      HttpTestClient.Response response = call.get();
      long elapsed = System.nanoTime() - start;
      WorkflowBenchmark.require(response, 200, "read the consolidated inventory");
      check.accept(response);
      if (i >= 0) {
        latencies.add(elapsed);
      }
    }
    return latencies;
  }

  static String contact(String agencyCode) {
    return "bench.contact." + agencyCode.toLowerCase(Locale.ROOT);
  }

  /** An agency's inventory: its systems spread over providers, functions, hostings and contract end dates. */
  byte[] csv(String agencyCode) {
    StringBuilder csv = new StringBuilder(String.join(",", InventoryCsv.COLUMNS)).append("\r\n");
    int seed = Integer.parseInt(agencyCode.substring(AGENCY_PREFIX.length()));
    for (int s = 1; s <= systems; s++) {
      int n = seed * 31 + s * 7;
      csv.append(String.join(",", "System " + s + " of " + agencyCode,
          FUNCTIONS.get(n % FUNCTIONS.size()) + "; " + FUNCTIONS.get((n / 3 + 1) % FUNCTIONS.size()),
          PROVIDERS.get(n % PROVIDERS.size()),
          HOSTINGS.get(s % HOSTINGS.size()),
          LocalDate.of(2027 + n % 6, 1 + n % 12, 1 + n % 28).toString(),
          String.valueOf(50_000 + (n % 400) * 2_500),
          "\"Move to the QSMO's marketplace, step " + (1 + n % 4) + "\"",
          LocalDate.of(2028 + n % 4, 1 + s % 12, 15).toString())).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
