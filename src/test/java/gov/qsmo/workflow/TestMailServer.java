package gov.qsmo.workflow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server (GreenMail) for the tests and the demo run, on a free port of this machine, started
 * once per JVM: the application's {@code spring.mail.host} and {@code spring.mail.port} point at it. Tests
 * read what arrived, stop it (the mail server is down) and start it again on the same port.
 * {@code qsmo.test-mail.enabled=false} leaves the application's own mail settings alone (a node of a
 * resilience test pointed at the test's server).
 */
public class TestMailServer implements EnvironmentPostProcessor {

  /**
   * Mail not yet sent: pending messages, and tasks assigned or offered whose messages the sender has not yet
   * written (ADR 0032). Zero once the outbox has done everything the steps so far asked of it.
   */
  public static final String UNSENT_MAIL_SQL = "select (select count(*) from qsmo.notification_message where "
      + "status = 'PENDING') + (select count(*) from qsmo.notification_task_event)";

  private static GreenMail server;
  private static int port;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("qsmo.test-mail.enabled", Boolean.class, true)) {
      return;
    }
    start();
    environment.getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", String.valueOf(port))));
  }

  /** Starts the server (again, on the port it had) unless it runs. */
  public static synchronized GreenMail start() {
    if (server == null) {
      GreenMail started = new GreenMail(port == 0 ? new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
          .dynamicPort() : new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      started.start();
      port = started.getSmtp().getPort();
      server = started;
    }
    return server;
  }

  /** Stops the server: the application's mail server is unreachable until {@link #start()}. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  public static synchronized int port() {
    start();
    return port;
  }

  /** Every message received since the server (re)started. */
  public static synchronized List<MimeMessage> received() {
    return server == null ? List.of() : List.of(server.getReceivedMessages());
  }
}
