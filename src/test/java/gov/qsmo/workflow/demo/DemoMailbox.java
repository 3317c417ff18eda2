package gov.qsmo.workflow.demo;

import gov.qsmo.workflow.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo run's inbox: every message the application sent to the embedded mail server, newest first, at
 * {@code /demo/mail} ({@code ?to=omb.decider} for one user's). Test scope, like the rest of the demo.
 */
@RestController
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
class DemoMailbox {

  private static final int SHOWN = 200;

  @GetMapping(path = "/demo/mail", produces = MediaType.TEXT_HTML_VALUE)
  String inbox(@RequestParam(required = false) String to) throws MessagingException, IOException {
    List<MimeMessage> all = new ArrayList<>(TestMailServer.received());
    java.util.Collections.reverse(all);
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
        + "<title>qsmo-workflow demo inbox</title></head><body style=\"font-family: sans-serif;\">"
        + "<h1>Demo inbox</h1><p>Mail the demo sent (newest first). One user's: <code>/demo/mail?to=omb.decider</code>"
        + "</p>");
    int shown = 0;
    for (MimeMessage message : all) {
      String recipient = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
          .findFirst().orElse("");
      if (to != null && !recipient.startsWith(to + "@") && !recipient.equals(to)) {
        continue;
      }
      if (shown++ == SHOWN) {
        break;
      }
      html.append("<article style=\"border-top: 1px solid #ccc; padding: 0.5em 0;\"><h2 style=\"font-size: 1em;\">")
          .append(escape(message.getSubject())).append("</h2><p>To ").append(escape(recipient)).append(", ")
          .append(escape(String.valueOf(message.getSentDate()))).append("</p><pre style=\"white-space: pre-wrap;\">")
          .append(escape(text(message))).append("</pre></article>");
    }
    if (shown == 0) {
      html.append("<p>No mail yet.</p>");
    }
    return html.append("</body></html>").toString();
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }
}
