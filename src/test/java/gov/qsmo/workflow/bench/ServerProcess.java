package gov.qsmo.workflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The application under measurement, in a JVM of its own ({@link BenchServer}): its own heap setting, its own
 * resident memory, no client thread in it. Its output goes to a log file beside the results.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final Map<String, String> ready;

  private ServerProcess(Process process, Map<String, String> ready) {
    this.process = process;
    this.ready = ready;
  }

  /**
   * Starts the server and waits until it serves.
   *
   * @param jvmArgs the server JVM's options (its heap setting)
   * @param appArgs application arguments
   * @param environment variables added to this process's (the database, the administrator)
   * @param log where the server's output goes
   */
  static ServerProcess start(List<String> jvmArgs, List<String> appArgs, Map<String, String> environment, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BenchServer.class.getName());
    command.addAll(appArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Files.createDirectories(log.getParent());
    Process process = builder.start();
    // A benchmark stopped from outside (Ctrl-C, SIGTERM) stops its server too.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-server-stop"));
    CompletableFuture<String> readyLine = new CompletableFuture<>();
    Thread drain = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
        String line;
        while ((line = reader.readLine()) != null) {
          out.println(line);
          out.flush();
          if (line.startsWith(BenchServer.PREFIX)) {
            readyLine.complete(line.substring(BenchServer.PREFIX.length()));
          }
        }
      } catch (IOException e) {
        readyLine.completeExceptionally(e);
      }
      if (!readyLine.isDone()) {
        readyLine.completeExceptionally(new IllegalStateException("The server's output ended before it was ready; "
            + "see " + log));
      }
    }, "bench-server-output");
    drain.setDaemon(true);
    drain.start();
    try {
      String line = readyLine.get(300, TimeUnit.SECONDS);
      Map<String, String> values = Arrays.stream(line.split(" ")).map(kv -> kv.split("=", 2))
          .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
      return new ServerProcess(process, values);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("The server did not start: " + e.getMessage() + "; see " + log, e);
    }
  }

  /** The JVM options the benchmark's JVM was started with, without agents: a default for the server's. */
  static List<String> inheritedJvmArgs() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList();
  }

  int port() {
    return Integer.parseInt(ready.get("port"));
  }

  long pid() {
    return process.pid();
  }

  /** From {@code SpringApplication.run} to ready, in seconds. */
  double bootSeconds() {
    return Long.parseLong(ready.get("bootMs")) / 1000.0;
  }

  /** From the JVM's start to ready, in seconds. */
  double jvmSeconds() {
    return Long.parseLong(ready.get("jvmUptimeMs")) / 1000.0;
  }

  /** CPU time of the JVM until ready, in seconds. */
  double bootCpuSeconds() {
    return Long.parseLong(ready.get("cpuMs")) / 1000.0;
  }

  long rssAfterBootMib() {
    return Long.parseLong(ready.get("rssMib"));
  }

  long rssMib() {
    return Machine.rssMib(process.pid());
  }

  long peakRssMib() {
    return Machine.peakRssMib(process.pid());
  }

  /** Runs {@code jcmd <server> <command...>} (a flight recording, for one) and waits for it. */
  void jcmd(String... command) throws IOException {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(process.pid())));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Stops the server as a node is stopped (SIGTERM: the application closes), at most 60 s, then kills it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
