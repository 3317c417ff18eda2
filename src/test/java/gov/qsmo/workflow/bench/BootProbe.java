package gov.qsmo.workflow.bench;

import gov.qsmo.workflow.QsmoWorkflowApplication;
import java.lang.management.ManagementFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart: the application started in a JVM of its own on a database that has its schema and data
 * already (the benchmark's), as a node restarts in production. Prints one line the benchmark reads,
 * then stops. Started by {@link WorkflowBenchmark} with {@code SPRING_DATASOURCE_URL} set.
 */
public final class BootProbe {

  static final String PREFIX = "BOOT_PROBE ";

  private BootProbe() {
  }

  public static void main(String[] args) {
    long[] ready = new long[2];
    SpringApplication application = new SpringApplication(QsmoWorkflowApplication.class);
    application.addListeners(event -> {
      if (event instanceof ApplicationReadyEvent) {
        ready[0] = System.nanoTime();
        ready[1] = Machine.cpuMs();
      }
    });
    long began = System.nanoTime();
    java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
        "--logging.level.root=warn", "--spring.main.banner-mode=off"));
    arguments.addAll(java.util.List.of(args));
    ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
    long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println(PREFIX + "bootMs=" + (ready[0] - began) / 1_000_000 + " jvmUptimeMs=" + jvmUptime
        + " cpuMs=" + ready[1] + " rssMib=" + Machine.rssMib());
    context.close();
    System.exit(0);
  }
}
