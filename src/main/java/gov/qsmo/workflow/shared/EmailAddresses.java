package gov.qsmo.workflow.shared;

import java.util.regex.Pattern;

/**
 * What counts as an e-mail address: a bare {@code local@domain.tld} (no display name, no comments, no
 * white space or control characters, so nothing that could add a mail header), at most 254 characters.
 * The same rule refuses a malformed address when a user is saved and before anything is sent to it.
 */
public final class EmailAddresses {

  public static final int MAX_LENGTH = 254;

  private static final Pattern ADDRESS = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private EmailAddresses() {
  }

  /** True for a well-formed address. */
  public static boolean isValid(String address) {
    return address != null && address.length() <= MAX_LENGTH && address.indexOf('@') <= 64
        && ADDRESS.matcher(address).matches();
  }

  /** Why the address is refused, in words for the person who typed it; null when it is well-formed. */
  public static String problem(String address) {
    if (isValid(address)) {
      return null;
    }
    return "The e-mail address '" + printable(address) + "' is not valid: write it as name@agency.gov, without "
        + "spaces, line breaks, angle brackets or a display name (at most " + MAX_LENGTH + " characters).";
  }

  /** The text with every control character (CR, LF, tab, ...) replaced by a space: safe in a header or a log. */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), 300));
    text.codePoints().limit(300).forEach(c -> out.appendCodePoint(Character.isISOControl(c)
        || c == '\u2028' || c == '\u2029' ? ' ' : c));
    return out.toString();
  }
}
