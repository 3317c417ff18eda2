package gov.qsmo.workflow.shared;

/**
 * A request or form value the user must fix. {@code field} names the offending input (a form field
 * key or a JSON property) so that Tasklist and API clients can point at it.
 */
public class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
