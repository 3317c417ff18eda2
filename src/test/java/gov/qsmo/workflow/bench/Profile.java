package gov.qsmo.workflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder sampling profile of the server's JVM during one measured run (started and written with
 * {@code jcmd}), and where its CPU samples fall: which threads, and how many of them are in a few places worth
 * knowing.
 */
final class Profile {

  /** Places in a stack, by the text a frame's method starts with. */
  private static final Map<String, List<String>> PLACES = new LinkedHashMap<>();

  static {
    PLACES.put("loading an instance's execution tree", List.of(
        "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.ensureExecutionTreeInitialized",
        "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.restoreProcessInstance"));
    PLACES.put("engine flush (writing the changes)", List.of(
        "org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"));
    PLACES.put("the application's listeners, delegates and services", List.of("gov.qsmo.workflow.rfi.",
        "gov.qsmo.workflow.designation.", "gov.qsmo.workflow.process.FormValidation"));
    PLACES.put("Hibernate (the application's tables)", List.of("org.hibernate."));
    PLACES.put("authentication (password check)", List.of(
        "org.camunda.bpm.engine.impl.IdentityServiceImpl.checkPassword"));
  }

  private static final String NAME = "bench-run";

  private final ServerProcess server;

  private Profile(ServerProcess server) {
    this.server = server;
  }

  /** Starts a recording in the server's JVM ({@code settings=profile}: a CPU sample every 10 ms). */
  static Profile start(ServerProcess server) throws IOException {
    server.jcmd("JFR.start", "name=" + NAME, "settings=profile");
    return new Profile(server);
  }

  /** Stops, writes the recording and answers the share of samples per thread kind and per place. */
  Map<String, Object> stop(Path file) throws IOException {
    server.jcmd("JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
    Map<String, Long> threads = new LinkedHashMap<>();
    Map<String, Long> places = new LinkedHashMap<>();
    long total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      total++;
      String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
      threads.merge(Machine.threadKind(thread), 1L, Long::sum);
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      for (Map.Entry<String, List<String>> place : PLACES.entrySet()) {
        boolean in = frames.stream().anyMatch(f -> {
          String method = f.getMethod().getType().getName() + "." + f.getMethod().getName();
          return place.getValue().stream().anyMatch(method::startsWith);
        });
        if (in) {
          places.merge(place.getKey(), 1L, Long::sum);
        }
      }
    }
    Map<String, Object> shares = new LinkedHashMap<>();
    shares.put("samples", total);
    long all = Math.max(1, total);
    threads.forEach((k, v) -> shares.put("thread: " + k, Math.round(1000.0 * v / all) / 10.0));
    places.forEach((k, v) -> shares.put("in: " + k, Math.round(1000.0 * v / all) / 10.0));
    return shares;
  }
}
