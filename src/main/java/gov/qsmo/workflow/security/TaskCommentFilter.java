package gov.qsmo.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.web.JsonResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7 lets anyone who can read a task add a comment to it: the engine checks no permission.
 * Comments are part of the record, so only someone who may work on the task (TASK_WORK) may add
 * one; auditors and other readers get 403. Covers the REST API and Tasklist's own API.
 */
@Configuration(proxyBeanMethods = false)
class TaskCommentFilter {

  private static final Pattern ADD_COMMENT =
      Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/([^/]+))/task/([^/]+)/comment/create$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskCommentFilterRegistration(IdentityService identity,
      AuthorizationService authorizations, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(identity, authorizations, json));
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
    registration.setName("taskCommentFilter");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final ObjectMapper json;

    Filter(IdentityService identity, AuthorizationService authorizations, ObjectMapper json) {
      this.identity = identity;
      this.authorizations = authorizations;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher matcher = ADD_COMMENT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (!"POST".equals(request.getMethod()) || !matcher.matches()) {
        chain.doFilter(request, response);
        return;
      }
      Caller caller = matcher.group(1) == null ? restCaller() : webappCaller(request, matcher.group(1));
      if (caller == null) {
        // Not signed in: the API's own authentication answers 401.
        chain.doFilter(request, response);
        return;
      }
      if (authorizations.isUserAuthorized(caller.userId(), List.copyOf(caller.groups()), TaskPermissions.TASK_WORK,
          Resources.TASK, matcher.group(2))) {
        chain.doFilter(request, response);
        return;
      }
      JsonResponses.write(json, response, HttpServletResponse.SC_FORBIDDEN, MediaType.APPLICATION_JSON_VALUE,
          Map.of("type", "AuthorizationException",
          "message", "Only people who may work on this task can comment on it; " + caller.userId()
              + " may only read it."));
    }

    private Caller restCaller() {
      Caller caller = Caller.current(identity);
      return caller.isSystem() ? null : caller;
    }

    private static Caller webappCaller(HttpServletRequest request, String engine) {
      if (request.getSession(false) == null) {
        return null;
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(request.getSession(false));
      if (authentications == null
          || !(authentications.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user)) {
        return null;
      }
      return new Caller(user.getIdentityId(),
          user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds()));
    }
  }
}
