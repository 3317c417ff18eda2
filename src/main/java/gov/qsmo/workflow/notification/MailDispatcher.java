package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.notification.Outbox.Claimed;
import gov.qsmo.workflow.shared.EmailAddresses;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, after the steps that wrote it have committed. A pass first writes the messages of
 * the tasks assigned or offered ({@link Notifications#writeTaskMessages}), then claims a batch of due
 * messages with row locks that other nodes skip ({@code FOR UPDATE SKIP LOCKED}), sends them over one connection
 * to the mail server and records each one's outcome in the same transaction: a message goes out once, whichever node takes it, and after a crash
 * mid-pass the lock is gone with the connection and the message is taken again. While the mail server cannot
 * be reached the batch waits, with a back-off that doubles up to {@code retry-max}; an address the server
 * refuses, or too many failures, makes the message undeliverable (listed for administrators).
 */
@Component
class MailDispatcher {

  /** How one attempt ended. */
  enum Outcome {
    SENT, RETRY_LATER, SERVER_DOWN, UNDELIVERABLE
  }

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  /** Batches of task events one pass writes at most before it sends. */
  static final int MAX_WRITE_BATCHES = 50;

  private final Outbox outbox;
  private final Notifications notifications;
  private final JavaMailSender mailSender;
  private final NotificationProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private volatile long lastServerDownWarning;

  MailDispatcher(Outbox outbox, Notifications notifications, JavaMailSender mailSender,
      NotificationProperties properties, PlatformTransactionManager transactionManager, Clock clock,
      MailSenderWake wake) {
    this.outbox = outbox;
    this.notifications = notifications;
    this.mailSender = mailSender;
    this.properties = properties;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    wake.onWake(this::sendQuietly);
  }

  /** The periodic pass: whatever is due, including what waited for the mail server; and the clean-up. */
  @Scheduled(initialDelayString = "${qsmo.notification.poll-interval:PT5S}",
      fixedDelayString = "${qsmo.notification.poll-interval:PT5S}")
  void poll() {
    sendQuietly();
    try {
      outbox.deleteSentBefore(clock.instant().minus(Duration.ofDays(properties.keepSentDays())), 1000);
    } catch (RuntimeException e) {
      log.warn("Could not delete old sent messages: {}", e.toString());
    }
  }

  /**
   * Writes the messages of the tasks assigned or offered since the last pass, then sends every due message,
   * batch after batch, until none is due or the mail server is down.
   */
  void sendQuietly() {
    writeTaskMessagesQuietly();
    try {
      while (true) {
        Pass pass = transaction.execute(status -> sendBatch());
        if (pass == null || pass.claimed() < properties.batchSize() || pass.serverDown()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.warn("Sending e-mail failed: {}", e.toString());
    }
  }

  record Pass(int claimed, boolean serverDown) {
  }

  /**
   * Writes the messages of the tasks assigned or offered, batch after batch (at most {@value #MAX_WRITE_BATCHES}
   * batches a pass; the next pass takes the rest). A batch that fails is tried event by event, and an event
   * that fails alone is set aside as undeliverable: one event that cannot be written holds up neither the others
   * nor the sending.
   */
  private void writeTaskMessagesQuietly() {
    for (int batch = 0; batch < MAX_WRITE_BATCHES; batch++) {
      int written;
      try {
        Integer taken = transaction.execute(status -> notifications.writeTaskMessages(properties.batchSize()));
        written = taken == null ? 0 : taken;
      } catch (Notifications.TaskMessagesFailed failed) {
        log.warn("Writing the messages of {} task(s) assigned or offered failed; trying them one by one: {}",
            failed.eventIds().size(), failed.getMessage());
        failed.eventIds().forEach(this::writeOneQuietly);
        written = failed.eventIds().size();
      } catch (RuntimeException e) {
        log.warn("Writing the messages of tasks assigned or offered failed: {}", e.toString());
        return;
      }
      if (written < properties.batchSize()) {
        return;
      }
    }
  }

  private void writeOneQuietly(long eventId) {
    try {
      transaction.execute(status -> notifications.writeTaskMessagesOf(eventId));
    } catch (Notifications.TaskMessagesFailed failed) {
      log.warn("The messages of task event {} cannot be written; set aside as undeliverable: {}", eventId,
          failed.getMessage());
      try {
        transaction.executeWithoutResult(status -> notifications.setAside(eventId, failed.getMessage()));
      } catch (RuntimeException e) {
        log.warn("Could not set task event {} aside: {}", eventId, e.toString());
      }
    } catch (RuntimeException e) {
      log.warn("Writing the messages of task event {} failed: {}", eventId, e.toString());
    }
  }

  /**
   * One batch in one transaction: claim, send over one connection to the mail server (not one per message),
   * record each message's outcome.
   */
  Pass sendBatch() {
    List<Claimed> batch = outbox.claimDue(properties.batchSize());
    Map<MimeMessage, Claimed> built = new LinkedHashMap<>();
    for (Claimed message : batch) {
      String problem = EmailAddresses.problem(message.address());
      if (problem != null) {
        undeliverable(message, problem);
        continue;
      }
      try {
        built.put(build(message), message);
      } catch (MessagingException e) {
        undeliverable(message, "Message could not be built: " + e.getMessage());
      }
    }
    if (built.isEmpty()) {
      return new Pass(batch.size(), false);
    }
    Map<Object, Exception> failed = Map.of();
    try {
      mailSender.send(built.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      failed = e.getFailedMessages();
      if (failed.isEmpty()) {
        // Nothing says which message failed: the server's state is unknown, every message waits.
        return serverDown(List.copyOf(built.values()), classify(e).error(), batch.size());
      }
    } catch (MailException e) {
      // Refused credentials, or a failure before any message went: nothing went out.
      return serverDown(List.copyOf(built.values()), classify(e).error(), batch.size());
    }
    List<Claimed> waiting = new ArrayList<>();
    List<Long> sent = new ArrayList<>();
    String downError = null;
    for (Map.Entry<MimeMessage, Claimed> entry : built.entrySet()) {
      Claimed message = entry.getValue();
      Exception failure = failed.get(entry.getKey());
      if (failure == null) {
        sent.add(message.id());
        continue;
      }
      Attempt attempt = classify(new MailSendException("Sending failed", failure, Map.of(entry.getKey(), failure)));
      switch (attempt.outcome()) {
        case UNDELIVERABLE -> undeliverable(message, attempt.error());
        case RETRY_LATER -> retry(message, attempt.error());
        case SERVER_DOWN -> {
          waiting.add(message);
          downError = attempt.error();
        }
        default -> sent.add(message.id());
      }
    }
    outbox.markSent(sent);
    if (!waiting.isEmpty()) {
      return serverDown(waiting, downError, batch.size());
    }
    return new Pass(batch.size(), false);
  }

  /** The mail server could not be reached: these messages wait for the next attempt. */
  private Pass serverDown(List<Claimed> waiting, String error, int claimed) {
    for (Claimed message : waiting) {
      retry(message, error);
    }
    warnServerDown(waiting.size(), properties.backoff(waiting.get(0).attempts() + 1), error);
    return new Pass(claimed, true);
  }

  private void undeliverable(Claimed message, String reason) {
    outbox.markUndeliverable(message.id(), reason);
    log.warn("E-mail {} is undeliverable: {}", message.id(), reason);
  }

  /** Says that the mail server is unreachable once a minute, not for every message that waits. */
  private void warnServerDown(int waiting, Duration next, String error) {
    long now = System.nanoTime();
    if (now - lastServerDownWarning > Duration.ofMinutes(1).toNanos() || lastServerDownWarning == 0) {
      lastServerDownWarning = now;
      log.warn("Mail server unreachable; {} message(s) wait, next attempt in {}: {}", waiting, next, error);
    }
  }

  private void retry(Claimed message, String error) {
    if (message.attempts() + 1 >= properties.maxAttempts()) {
      outbox.markUndeliverable(message.id(), "Gave up after " + (message.attempts() + 1) + " attempts: " + error);
    } else {
      outbox.postpone(message.id(), clock.instant().plus(properties.backoff(message.attempts() + 1)), error);
    }
  }

  record Attempt(Outcome outcome, String error) {
  }

  /**
   * The message: its plain text and its HTML as the two alternatives of one {@code multipart/alternative}.
   * Built with the Jakarta Mail API itself rather than Spring's {@code MimeMessageHelper}, which, for a message
   * not created by the sender, reads the MIME type table from the class path again for every message.
   */
  private MimeMessage build(Claimed message) throws MessagingException {
    MimeMessage mime = new IdentifiedMessage(mailSender.createMimeMessage(), message.id(), properties.from());
    mime.setFrom(new InternetAddress(properties.from(), true));
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.address(), true));
    mime.setSubject(Notifications.subject(message.subject()), "UTF-8");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), "UTF-8", "html");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    mime.setContent(alternatives);
    return mime;
  }

  /** Whether a failure is the server's absence (wait), a refusal of this message (give up) or passing. */
  static Attempt classify(MailException e) {
    if (e instanceof MailAuthenticationException) {
      return new Attempt(Outcome.SERVER_DOWN, "The mail server refused the credentials: " + e.getMessage());
    }
    if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
      for (Exception failure : send.getFailedMessages().values()) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
          if (t instanceof org.eclipse.angus.mail.util.MailConnectException || t instanceof java.net.ConnectException
              || t instanceof java.net.SocketTimeoutException || t instanceof java.net.UnknownHostException
              || t instanceof java.net.SocketException) {
            return new Attempt(Outcome.SERVER_DOWN, e.getMessage());
          }
          if (t instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
            return new Attempt(Outcome.UNDELIVERABLE, "The mail server refused the address "
                + refused.getAddress() + ": " + refused.getMessage().strip());
          }
          if (t instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 500) {
            return new Attempt(Outcome.UNDELIVERABLE, "The mail server refused the message: "
                + failed.getMessage().strip());
          }
          if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
              && failed.getInvalidAddresses().length > 0 && (failed.getValidSentAddresses() == null
                  || failed.getValidSentAddresses().length == 0)) {
            return new Attempt(Outcome.UNDELIVERABLE, "The mail server refused the address: "
                + failed.getMessage().strip());
          }
        }
      }
      return new Attempt(Outcome.RETRY_LATER, e.getMessage());
    }
    return new Attempt(Outcome.SERVER_DOWN, e.getMessage());
  }

  /** A message whose Message-ID is its outbox id: a copy sent twice is recognisably the same message. */
  private static final class IdentifiedMessage extends MimeMessage {

    private final long id;
    private final String domain;

    IdentifiedMessage(MimeMessage template, long id, String from) {
      super(template.getSession());
      this.id = id;
      this.domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "qsmo-workflow";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<notification-" + id + "@" + domain + ">");
    }
  }
}
