package gov.qsmo.workflow.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The messages' templates, {@code notification/<name>.txt} and {@code notification/<name>.html} on the
 * class path. A template names values as {@code {{name}}}: in HTML every value is escaped (people's input
 * shows as text, never as markup); {@code {{{name}}}} inserts a fragment the code has built from escaped
 * parts. A name the model lacks is an error, not an empty gap.
 */
final class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\{?)([a-zA-Z]+)\\}?\\}\\}");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private MailTemplates() {
  }

  /** The plain-text part. */
  static String text(String name, Map<String, String> model) {
    return render(load(name + ".txt"), model, false);
  }

  /** The HTML part, every value escaped. */
  static String html(String name, Map<String, String> model) {
    return render(load(name + ".html"), model, true);
  }

  static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
  }

  private static String render(String template, Map<String, String> model, boolean html) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 512);
    while (matcher.find()) {
      String key = matcher.group(2);
      if (!model.containsKey(key)) {
        throw new IllegalStateException("Template value '" + key + "' is missing");
      }
      String value = model.get(key) == null ? "" : model.get(key);
      boolean raw = !matcher.group(1).isEmpty();
      matcher.appendReplacement(out, Matcher.quoteReplacement(html && !raw ? escape(value) : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String load(String resource) {
    return CACHE.computeIfAbsent(resource, r -> {
      try (InputStream in = MailTemplates.class.getResourceAsStream("/notification/" + r)) {
        if (in == null) {
          throw new IllegalStateException("No mail template notification/" + r);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
