package gov.qsmo.workflow.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import gov.qsmo.workflow.web.JsonResponses;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API answers 500 when a task is completed that no longer exists (completed by
 * someone else, or twice from two browser tabs). This filter answers 404 instead, before the engine
 * is asked, for the public REST API and for Tasklist's own API. Open tasks pass through unchanged,
 * so Camunda's authorization checks (403) still apply. When and how the task ended is told only to
 * a caller allowed to read the task's history.
 */
@Configuration(proxyBeanMethods = false)
class FinishedTaskFilter {

  static final Pattern TASK_ACTION = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)"
      + "/task/([^/]+)/(complete|submit-form|resolve|claim|unclaim|assignee|delegate)$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> finishedTaskFilterRegistration(TaskService tasks,
      HistoryService history, IdentityService identity, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(tasks, history, identity, json));
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
    registration.setName("finishedTaskFilter");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final ObjectMapper json;

    Filter(TaskService tasks, HistoryService history, IdentityService identity, ObjectMapper json) {
      this.tasks = tasks;
      this.history = history;
      this.identity = identity;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher matcher = TASK_ACTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (!"POST".equals(request.getMethod()) || !matcher.matches()) {
        chain.doFilter(request, response);
        return;
      }
      String message = gone(matcher.group(1));
      if (message == null) {
        chain.doFilter(request, response);
        return;
      }
      JsonResponses.write(json, response, HttpServletResponse.SC_NOT_FOUND, MediaType.APPLICATION_JSON_VALUE,
          Map.of("type", "InvalidRequestException", "message", message));
    }

    /** Why the task cannot be acted on, or null when it is open. */
    String gone(String taskId) {
      Authentication caller = identity.getCurrentAuthentication();
      if (Privileged.run(identity, () -> tasks.createTaskQuery().taskId(taskId).count() > 0)) {
        // Open, whoever may see it: the engine then decides what the caller may do.
        return null;
      }
      HistoricTaskInstance finished = caller == null ? null
          : history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      if (finished == null || finished.getEndTime() == null) {
        return "Task " + taskId + " is not open: it was completed or cancelled, or never existed. "
            + "Reload your task list.";
      }
      return "Task '" + finished.getName() + "' (" + taskId + ") is no longer open: it ended at "
          + finished.getEndTime().toInstant() + " (" + finished.getDeleteReason() + "). Reload your task list.";
    }
  }
}
