package gov.qsmo.workflow.shared;

/** The request is valid but the object is not in a state that allows it. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
