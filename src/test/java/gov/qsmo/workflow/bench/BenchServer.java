package gov.qsmo.workflow.bench;

import gov.qsmo.workflow.QsmoWorkflowApplication;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as the benchmark measures it: a server in a JVM of its own (not the clients' JVM), on the
 * benchmark's database, as a production node runs. Prints one line the benchmark reads once it is ready
 * (port, boot time, CPU time, resident memory), then serves until it is stopped (SIGTERM: Spring closes the
 * application). Started by {@link ServerProcess} with {@code SPRING_DATASOURCE_URL} set.
 */
public final class BenchServer {

  static final String PREFIX = "BENCH_SERVER ";

  private BenchServer() {
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
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=warn",
        "--spring.main.banner-mode=off"));
    arguments.addAll(List.of(args));
    ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
    int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println(PREFIX + "port=" + port + " bootMs=" + (ready[0] - began) / 1_000_000 + " jvmUptimeMs="
        + jvmUptime + " cpuMs=" + ready[1] + " rssMib=" + Machine.rssMib());
    System.out.flush();
  }
}
