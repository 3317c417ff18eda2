package gov.qsmo.workflow.process;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Answers of Camunda's REST API ({@code /engine-rest}) that say what happened, in its own error form
 * ({@code {"type", "message"}}), where Camunda would answer 500 or an empty message:
 * <ul>
 *   <li>An action on a task that ended while the request ran (two people completing it at the same
 *   moment): 404 saying so, as {@link FinishedTaskFilter} answers when it had ended before.</li>
 *   <li>Claiming a task someone else claimed first, or that changed at the same moment (an optimistic-locking
 *   conflict, or the database's deadlock or serialization failure between two requests): 409.</li>
 *   <li>A body that is not JSON, or not JSON of the form the call expects: 400 saying where. Camunda's
 *   own answer has an empty message, and Jersey's Jackson support answers the same errors in plain
 *   text; these handlers take precedence over both.</li>
 *   <li>A refused form field or value on a call whose resource answers any engine error with 500
 *   (resolve, start): 400 with the message.</li>
 * </ul>
 * Every other error is answered exactly as Camunda answers it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  /** Ahead of the handlers Camunda and Jersey register for the same exceptions (which have no priority). */
  private static final int FIRST = 1;

  @Bean
  ResourceConfigCustomizer engineRestErrorAnswers(TaskService tasks, HistoryService history,
      IdentityService identity, ObjectMapper json) {
    Answers answers = new Answers(new FinishedTaskFilter.Filter(tasks, history, identity, json));
    return config -> config
        .register(new RestErrors(answers), FIRST)
        .register(new EngineErrors(answers), FIRST)
        .register(new OtherErrors(answers), FIRST)
        .register(new NotJson(), FIRST)
        .register(new NotTheExpectedJson(), FIRST);
  }

  static Response answer(Response.Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static final class Answers {

    private final FinishedTaskFilter.Filter finished;

    Answers(FinishedTaskFilter.Filter finished) {
      this.finished = finished;
    }

    Response to(Throwable e) {
      String gone = finishedMeanwhile();
      if (gone != null) {
        return answer(Response.Status.NOT_FOUND, "InvalidRequestException", gone);
      }
      Throwable cause = e instanceof RestException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return answer(Response.Status.CONFLICT, "TaskAlreadyClaimedException", "Task " + claimed.getTaskId()
            + " is already claimed by " + claimed.getTaskAssignee() + "; it is theirs unless they unclaim it. "
            + "Reload your task list.");
      }
      if (cause instanceof OptimisticLockingException || concurrentWrite(cause)) {
        return answer(Response.Status.CONFLICT, "OptimisticLockingException", "Someone else changed this at the "
            + "same moment (for example, claimed the same task); reload and try again.");
      }
      Response camunda = ExceptionHandlerHelper.getInstance().getResponse(e);
      if (cause instanceof FormFieldValidationException refused
          && camunda.getStatus() == Response.Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
        // A refused form value or field (SubmissionGuard, a listener's rule) on a call whose resource answers
        // every engine exception with 500, such as resolve or start.
        return answer(Response.Status.BAD_REQUEST, "FormFieldValidationException", refused.getMessage());
      }
      return camunda;
    }

    /**
     * Whether the database refused a write because another transaction wrote the same rows at the same
     * moment (PostgreSQL: deadlock detected 40P01, serialization failure 40001), or held a lock this request
     * waited for past the lock timeout (55P03, e.g. a response's scoring lock, ADR 0029): the database rolled this
     * request back and let the other one through, as an optimistic-locking conflict would.
     */
    static boolean concurrentWrite(Throwable e) {
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
            && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001")
                || sql.getSQLState().equals("55P03"))) {
          return true;
        }
      }
      return false;
    }

    /** Why the task this request acts on is not open any more, or null (not a task action, or still open). */
    private String finishedMeanwhile() {
      if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
        return null;
      }
      HttpServletRequest request = attributes.getRequest();
      Matcher action = FinishedTaskFilter.TASK_ACTION.matcher(request.getRequestURI()
          .substring(request.getContextPath().length()));
      return "POST".equals(request.getMethod()) && action.matches() ? finished.gone(action.group(1)) : null;
    }
  }

  static final class RestErrors implements ExceptionMapper<RestException> {
    private final Answers answers;

    RestErrors(Answers answers) {
      this.answers = answers;
    }

    @Override
    public Response toResponse(RestException e) {
      return answers.to(e);
    }
  }

  static final class EngineErrors implements ExceptionMapper<ProcessEngineException> {
    private final Answers answers;

    EngineErrors(Answers answers) {
      this.answers = answers;
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      return answers.to(e);
    }
  }

  static final class OtherErrors implements ExceptionMapper<Throwable> {
    private final Answers answers;

    OtherErrors(Answers answers) {
      this.answers = answers;
    }

    @Override
    public Response toResponse(Throwable e) {
      return answers.to(e);
    }
  }

  static final class NotJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      JsonLocation at = e.getLocation();
      return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "The request body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
          + "; check its brackets, quotes and commas.");
    }
  }

  static final class NotTheExpectedJson implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      if (e.getCause() instanceof JsonParseException notJson) {
        return new NotJson().toResponse(notJson);
      }
      String path = e.getPath().stream().map(reference -> reference.getFieldName() != null
          ? reference.getFieldName() : reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]" : null)
          .filter(Objects::nonNull).collect(Collectors.joining("."));
      return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", "The request body is not JSON of the "
          + "form this call expects" + (path.isEmpty() ? "" : ": check '" + path + "'")
          + " (see Camunda's REST API reference; a form submission is {\"variables\": {\"key\": {\"value\": ...}}}).");
    }
  }
}
