package gov.qsmo.workflow.resilience;

import static org.awaitility.Awaitility.await;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.TestQsmoWorkflowApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The application as a separate JVM, killed as a real process dies: the demo run (its users and
 * data), the job executor on, on a PostgreSQL database the test gives it. Its output goes to
 * {@code target/resilience/<name>.log}. The child's classpath is the test JVM's (main and test
 * classes), so {@link TestQsmoWorkflowApplication} is there; with {@code SPRING_DATASOURCE_URL} set it
 * starts no embedded PostgreSQL of its own.
 */
final class AppNode implements AutoCloseable {

  /** Where the nodes' logs go: the place to look when a resilience test fails. */
  static final Path LOG_DIR = Path.of("target", "resilience");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

  /** Nodes still running when the test JVM ends (interrupted, timed out) are killed with it. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
        "kill-application-nodes"));
  }

  final String name;
  final int port;
  final HttpTestClient http;
  final Path log;
  private final Process process;

  private AppNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.http = new HttpTestClient(port);
  }

  /**
   * Starts a node; {@code name} is also the engine's host name, so Camunda's job log tells which
   * node ran each job.
   */
  static AppNode start(String name, SharedDatabase database, List<String> arguments) {
    int port = freePort();
    Path log = LOG_DIR.resolve(name + ".log");
    List<String> javaArguments = new ArrayList<>(List.of(
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-cp", classPath(),
        TestQsmoWorkflowApplication.class.getName(),
        // Camunda's job log records this name with every job it ran.
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    javaArguments.addAll(arguments);
    // The arguments go in a file (java @file): the node's command line stays short, and names neither
    // the main class nor the classpath that other tools on the machine might match.
    Path argumentFile = LOG_DIR.resolve(name + ".args").toAbsolutePath();
    try {
      Files.createDirectories(LOG_DIR);
      Files.write(argumentFile, javaArguments.stream().map(argument -> "\"" + argument + "\"").toList(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + argumentFile);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(LOG_DIR.toAbsolutePath().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("QSMO_") || key.startsWith("SPRING_")
        || key.startsWith("CAMUNDA_"));
    environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
    environment.put("SPRING_DATASOURCE_USERNAME", database.user());
    environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
    environment.put("PORT", String.valueOf(port));
    environment.put("QSMO_JOB_EXECUTION_ENABLED", "true");
    try {
      Process process = builder.start();
      RUNNING.add(process);
      return new AppNode(name, port, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + String.join(" ", command), e);
    }
  }

  /** Waits until the node accepts traffic: its start-up set-up (identity, demo data) has run. */
  AppNode awaitReady() {
    await("node " + name + " ready (log: " + log + ")").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new AssertionError("Node " + name + " exited with " + process.exitValue() + " before it was "
                + "ready:\n" + tail());
          }
          try {
            HttpTestClient.Response readiness = http.get(null, "/actuator/health/readiness");
            return readiness.status() == 200 && readiness.body().contains("\"UP\"");
          } catch (RuntimeException notListeningYet) {
            return false;
          }
        });
    return this;
  }

  /**
   * kill -9: SIGKILL, no shutdown hook, no graceful stop of the engine or the connection pool.
   * Returns the exit status, 137 (128 + 9) for a process ended by SIGKILL.
   */
  int killHard() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("Node " + name + " still runs 30 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    RUNNING.remove(process);
    return process.exitValue();
  }

  /** The last lines of the node's output, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Ends the node if it still runs (a test's clean-up): SIGKILL, as the database is thrown away anyway. */
  @Override
  public void close() {
    if (process.isAlive()) {
      killHard();
    }
  }

  /**
   * The test JVM's classpath without empty entries: an empty entry (failsafe's ends with a separator)
   * would put the working directory on the classpath, and with it the project's bpmn/ folder a second
   * time.
   */
  private static String classPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
