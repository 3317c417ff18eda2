package gov.qsmo.workflow.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Checks user input that reaches the server untyped: Camunda Form submissions and JSON bodies.
 * Each method names the field and says what to fix, so that the message can go straight back to
 * the person who typed it.
 */
public final class Inputs {

  /**
   * The longest text one field may hold. Camunda stores a String variable in a varchar(4000) column;
   * a longer value would fail inside the database instead of with a message.
   */
  public static final int MAX_TEXT = 4000;

  private Inputs() {
  }

  /** A non-blank text of at most {@code max} characters, trimmed. */
  public static String requiredText(Map<String, ?> values, String field, String label, int max) {
    String text = optionalText(values, field, label, max);
    if (text == null) {
      throw new InvalidRequestException(field, label + " is required.");
    }
    return text;
  }

  /** A text of at most {@code max} characters, trimmed; null when missing or blank. */
  public static String optionalText(Map<String, ?> values, String field, String label, int max) {
    Object value = values.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidRequestException(field, label + " must be text, not " + describe(value) + ".");
    }
    return checkedText(field, label, text, max);
  }

  /** Trims and checks a text: length, and no characters that cannot be stored faithfully. */
  public static String checkedText(String field, String label, String text, int max) {
    if (text.length() > max) {
      throw new InvalidRequestException(field,
          label + " is " + text.length() + " characters long; shorten it to at most " + max + ".");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '\u0000' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        throw new InvalidRequestException(field, label + " contains a control character (position " + (i + 1)
            + "); remove it.");
      }
      if (Character.isHighSurrogate(c) && (i + 1 >= trimmed.length() || !Character.isLowSurrogate(trimmed.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(trimmed.charAt(i - 1)))) {
        throw new InvalidRequestException(field, label + " contains an invalid Unicode character (position "
            + (i + 1) + "); retype it.");
      }
    }
    return trimmed;
  }

  /**
   * Checks every value a form submission leaves in the process, whether a listener reads it or not:
   * text the database stores faithfully (at most {@link #MAX_TEXT} characters, no control characters or
   * broken surrogates), a number, a date, true/false or nothing. {@code engineCounters} are kept by the
   * engine (a multi-instance activity's counters) and may only hold whole numbers.
   */
  public static void storableValues(Map<String, ?> values, java.util.Set<String> engineCounters) {
    values.forEach((field, value) -> {
      if (engineCounters.contains(field)) {
        if (!(value instanceof Integer)) {
          throw new InvalidRequestException(field, "'" + field
              + "' is kept by the engine and cannot be set by a form.");
        }
      } else if (value instanceof String text) {
        checkedText(field, "'" + field + "'", text, MAX_TEXT);
      } else if (value != null && !(value instanceof Number || value instanceof Boolean
          || value instanceof java.util.Date)) {
        throw new InvalidRequestException(field, "'" + field + "' must be text, a number, a date or true/false, not "
            + describe(value) + ".");
      }
    });
  }

  /** A code (agency, area, choice) given as text, upper-cased letters, digits and '_' only. */
  public static String requiredCode(Map<String, ?> values, String field, String label) {
    String code = requiredText(values, field, label, 40);
    if (!code.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new InvalidRequestException(field, label + " '" + code + "' is not a valid code.");
    }
    return code;
  }

  /** One of an enum's constants, given by name, as radio buttons submit it. */
  public static <E extends Enum<E>> E requiredChoice(Map<String, ?> values, String field, String label,
      Class<E> choices) {
    String value = requiredCode(values, field, label);
    for (E choice : choices.getEnumConstants()) {
      if (choice.name().equals(value)) {
        return choice;
      }
    }
    throw new InvalidRequestException(field, label + " '" + value + "' is not one of "
        + java.util.Arrays.toString(choices.getEnumConstants()) + ".");
  }

  /** An ISO date (yyyy-MM-dd), as Camunda Forms' date field submits it. */
  public static LocalDate requiredDate(Map<String, ?> values, String field, String label) {
    Object value = values.get(field);
    if (value == null || value instanceof String s && s.isBlank()) {
      throw new InvalidRequestException(field, label + " is required.");
    }
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    if (!(value instanceof String text)) {
      throw new InvalidRequestException(field, label + " must be a date (yyyy-mm-dd), not " + describe(value) + ".");
    }
    String trimmed = text.strip();
    try {
      return LocalDate.parse(trimmed);
    } catch (DateTimeParseException notADate) {
      try {
        return java.time.OffsetDateTime.parse(trimmed).toLocalDate();
      } catch (DateTimeParseException notADateTime) {
        throw new InvalidRequestException(field, label + " '" + trimmed + "' is not a date; use the form yyyy-mm-dd.");
      }
    }
  }

  /** A whole number within [min, max], as JSON or Tasklist sends it (an integer, or text of one); null when missing. */
  public static Integer optionalWholeNumber(Map<String, ?> values, String field, String label, int min, int max) {
    return optionalWholeNumber(values, field, label, min, max, "from " + min + " to " + max);
  }

  /**
   * The same, saying what is expected in the caller's words when the value is not a whole number ("on the scale (1
   * to 5)"), where the caller checks the range more closely itself.
   */
  public static Integer optionalWholeNumber(Map<String, ?> values, String field, String label, int min, int max,
      String expected) {
    Object value = values.get(field);
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    long number;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).longValue();
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && !Double.isInfinite(n.doubleValue())) {
      number = (long) n.doubleValue();
    } else if (value instanceof String text && text.strip().matches("[+-]?\\d{1,9}")) {
      number = Long.parseLong(text.strip());
    } else {
      throw new InvalidRequestException(field, label + " must be a whole number " + expected
          + ", not " + (value instanceof String s ? "'" + s + "'" : describe(value)) + ".");
    }
    if (number < min || number > max) {
      throw new InvalidRequestException(field, label + " is " + number + "; it must be from " + min + " to " + max
          + ".");
    }
    return (int) number;
  }

  /** A yes/no value (a checkbox submits true or false); {@code fallback} when missing. */
  public static boolean optionalBoolean(Map<String, ?> values, String field, String label, boolean fallback) {
    Object value = values.get(field);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(text);
    }
    throw new InvalidRequestException(field, label + " must be true or false, not " + describe(value) + ".");
  }

  private static String describe(Object value) {
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "true/false";
    }
    if (value instanceof java.util.Collection) {
      return "a list";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return "a value of type " + value.getClass().getSimpleName();
  }
}
