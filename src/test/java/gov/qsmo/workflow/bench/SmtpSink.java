package gov.qsmo.workflow.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's mail server: real SMTP on a port of this machine (greeting, EHLO, MAIL, RCPT, DATA up to the
 * lone dot, RSET, NOOP, QUIT), which counts the messages it accepts and keeps nothing. In production the mail
 * server is another machine; a full server in the benchmark's JVM (GreenMail parses and stores every message)
 * would charge its own CPU to the completions measured on the same cores.
 */
final class SmtpSink implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicLong accepted = new AtomicLong();
  private final Thread acceptor;

  SmtpSink() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Messages accepted (250 after DATA) since the start. */
  long accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread session = new Thread(() -> serve(connection), "smtp-sink-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream()) {
      reply(out, "220 bench-sink ESMTP");
      String line;
      while ((line = readLine(in)) != null) {
        String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4)
            .toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO" -> reply(out, "250-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "HELO" -> reply(out, "250 bench-sink");
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            String data;
            while ((data = readLine(in)) != null && !data.equals(".")) {
              // The message's lines are read and dropped.
            }
            if (data == null) {
              return;
            }
            accepted.incrementAndGet();
            reply(out, "250 OK");
          }
          case "QUIT" -> {
            reply(out, "221 Bye");
            return;
          }
          default -> reply(out, "250 OK");
        }
      }
    } catch (IOException e) {
      // The client went away: nothing to keep.
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** One line without its CR LF, or null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(80);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
