package gov.qsmo.workflow.web;

import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import gov.qsmo.workflow.shared.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns the application's exceptions into RFC 9457 problem details that say what to fix. */
@RestControllerAdvice
class ApiExceptionHandler {

  @ExceptionHandler(InvalidRequestException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
    problem.setTitle("Invalid request");
    problem.setProperty("field", e.getName());
    return problem;
  }

  @ResponseStatus(HttpStatus.BAD_REQUEST)
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
        ? mapping.getPath().stream().map(com.fasterxml.jackson.databind.JsonMappingException.Reference::getFieldName)
            .filter(java.util.Objects::nonNull).reduce((a, b) -> a + "." + b).orElse(null)
        : null;
    String detail = e.getCause() instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
        ? "'" + field + "' is not a field of this request; remove it (see /swagger-ui.html)."
        : e.getCause() instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid && field != null
            && expected(invalid.getTargetType()) != null
        ? "The request body is not JSON of the documented form (see /swagger-ui.html): check '" + field + "': "
            + shown(invalid.getValue()) + " is not " + expected(invalid.getTargetType()) + "."
        : "The request body is not JSON of the documented form (see /swagger-ui.html; dates as yyyy-mm-dd)"
            + (field == null ? "." : ": check '" + field + "'.");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperty("field", field);
    return problem;
  }

  /** What a value of this type is written as, in words; null for a type without a simple written form. */
  private static String expected(Class<?> type) {
    if (type == java.time.LocalDate.class) {
      return "a calendar date: write it as yyyy-mm-dd, a day that exists (2027-02-28)";
    }
    if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
      return "a date and time: write it as yyyy-mm-ddThh:mm:ssZ";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type != null && type.isEnum()) {
      return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
          .collect(java.util.stream.Collectors.joining(", "));
    }
    return null;
  }

  /** A refused value as the answer shows it: quoted, one line, at most 40 characters. */
  private static String shown(Object value) {
    String text = String.valueOf(value).replaceAll("\\p{Cntrl}", " ");
    return "'" + (text.length() > 40 ? text.substring(0, 39) + "…" : text) + "'";
  }

  @ResponseStatus(HttpStatus.CONFLICT)
  @ExceptionHandler({org.springframework.dao.DataIntegrityViolationException.class,
      org.springframework.dao.ConcurrencyFailureException.class})
  ProblemDetail concurrentChange(org.springframework.dao.DataAccessException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "The request conflicts with a change made at the same moment; reload and try again.");
    problem.setTitle("Not allowed in the current state");
    return problem;
  }

  /** The caller's groups allow the call, but not on this object (another agency's plan, say). */
  @ResponseStatus(HttpStatus.FORBIDDEN)
  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  @ResponseStatus(HttpStatus.NOT_FOUND)
  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ForbiddenException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  ProblemDetail forbiddenHere(ForbiddenException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  /** Camunda refused the caller (not a candidate of the task, no permission to start the process). */
  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  ProblemDetail engineForbidden(org.camunda.bpm.engine.AuthorizationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  /** A form rule the process checks (the same message Tasklist shows on the form). */
  @ExceptionHandler(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ProblemDetail formRule(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    return problem;
  }

  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
  ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "The upload is too large; attach files of at most 10 MiB.");
    problem.setTitle("Payload too large");
    return problem;
  }

  @ExceptionHandler({org.springframework.web.multipart.support.MissingServletRequestPartException.class,
      org.springframework.web.multipart.MultipartException.class,
      org.springframework.web.bind.MissingServletRequestParameterException.class})
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  ProblemDetail missingPart(Exception e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getMessage() + " (see /swagger-ui.html).");
    problem.setTitle("Invalid request");
    return problem;
  }

  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
  @ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  ProblemDetail unsupportedType(org.springframework.web.HttpMediaTypeNotSupportedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is "
        + (e.getContentType() == null ? "of no content type" : e.getContentType()) + "; send it as "
        + org.springframework.http.MediaType.toString(e.getSupportedMediaTypes()) + " (see /swagger-ui.html).");
    problem.setTitle("Unsupported media type");
    return problem;
  }

  @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
  @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
  ProblemDetail unsupportedMethod(org.springframework.web.HttpRequestMethodNotSupportedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod()
        + " is not supported here; use " + String.join(" or ", e.getSupportedMethods() == null ? new String[0]
            : e.getSupportedMethods()) + " (see /swagger-ui.html).");
    problem.setTitle("Method not allowed");
    return problem;
  }

  @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  ProblemDetail noSuchPath(org.springframework.web.servlet.resource.NoResourceFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no /"
        + e.getResourcePath().replaceFirst("^/", "") + "; the API's paths are listed at /swagger-ui.html.");
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(ConflictException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Not allowed in the current state");
    return problem;
  }
}
