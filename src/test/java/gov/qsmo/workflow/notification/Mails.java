package gov.qsmo.workflow.notification;

import gov.qsmo.workflow.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the test mail server received, read as people would: recipient, subject, text and HTML. */
record Mails(String to, String subject, String text, String html, String messageId, String headers) {

  static List<Mails> received() {
    List<Mails> all = new ArrayList<>();
    for (MimeMessage message : TestMailServer.received()) {
      all.add(read(message));
    }
    return all;
  }

  /** Messages to this address (a user id's address is {@code id@qsmo.example.gov}). */
  static List<Mails> to(String userId) {
    String address = userId.contains("@") ? userId : userId + "@qsmo.example.gov";
    return received().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
  }

  static Mails read(MimeMessage message) {
    try {
      String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
          .findFirst().orElse("");
      StringBuilder text = new StringBuilder();
      StringBuilder html = new StringBuilder();
      collect(message, text, html);
      StringBuilder headers = new StringBuilder();
      message.getAllHeaderLines().asIterator().forEachRemaining(h -> headers.append(h).append('\n'));
      return new Mails(to, message.getSubject(), text.toString(), html.toString(), message.getMessageID(),
          headers.toString());
    } catch (MessagingException | IOException e) {
      throw new AssertionError("Unreadable message", e);
    }
  }

  private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException,
      IOException {
    if (part.isMimeType("text/plain")) {
      text.append(part.getContent());
    } else if (part.isMimeType("text/html")) {
      html.append(part.getContent());
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, text, html);
      }
    }
  }

  boolean mentions(String text) {
    return subject.contains(text) || this.text.contains(text) || html.contains(text);
  }
}
