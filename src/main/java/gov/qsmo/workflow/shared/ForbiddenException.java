package gov.qsmo.workflow.shared;

/** The caller is known but may not do this; answered as 403 with the message. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
