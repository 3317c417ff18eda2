package gov.qsmo.workflow.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.web.JsonResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. {@code /engine-rest/**} and {@code /api/**} need HTTP Basic credentials of a
 * Camunda user (401 without); {@code /api/**} also accepts the session of a user signed in to Tasklist
 * (with the webapps' CSRF token for anything but reading: {@link WebappSessionAuthenticationFilter}); the app's API checks the caller's groups (403 when wrong), and the
 * engine's REST API applies Camunda's authorizations to the authenticated user (403 when missing).
 * The webapps under {@code /camunda} keep their own session login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json,
      ProcessEngine engine) throws Exception {
    return http
        // Full-path matchers: /engine-rest is Camunda's Jersey servlet, not Spring MVC.
        .securityMatcher(new OrRequestMatcher(path(null, "/engine-rest/**"), path(null, "/api/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path(HttpMethod.GET, "/api/agencies"), path(HttpMethod.GET, "/api/agencies/**"),
                path(HttpMethod.GET, "/api/functional-areas"), path(HttpMethod.GET, "/api/functional-areas/**"))
            .authenticated()
            // OMB maintains the program's reference data (ADR 0020).
            .requestMatchers(path(null, "/api/agencies"), path(null, "/api/agencies/**"),
                path(null, "/api/functional-areas"), path(null, "/api/functional-areas/**"))
            .hasAuthority(Roles.OMB_DECIDERS)
            .requestMatchers(path(HttpMethod.GET, "/api/designations/**")).hasAnyAuthority(Roles.DESIGNATION_READERS)
            .requestMatchers(path(HttpMethod.POST, "/api/designations/*/redesignation"),
                path(HttpMethod.POST, "/api/designations/*/assessments"),
                path(HttpMethod.POST, "/api/designations/*/assessments/*/decision"))
            .hasAuthority(Roles.OMB_DECIDERS)
            // Which agency's directors: the API checks against the designation.
            .requestMatchers(path(HttpMethod.POST, "/api/designations/*/plan-versions"),
                path(HttpMethod.POST, "/api/designations/*/conditions/*/progress"),
                path(HttpMethod.POST, "/api/designations/*/assessments/*/submission"),
                path(HttpMethod.POST, "/api/designations/*/conditions/*/evidence"),
                path(HttpMethod.POST, "/api/designations/*/transition/milestones"),
                path(HttpMethod.POST, "/api/designations/*/offerings"),
                path(HttpMethod.PUT, "/api/marketplace/offerings/*"),
                path(HttpMethod.POST, "/api/marketplace/rfi-decisions/*"),
                path(HttpMethod.POST, "/api/designations/*/data-calls"))
            .hasAuthority(Roles.QSMO_DIRECTORS)
            // Systems inventories (ADR 0028): an agency's points of contact submit; who reads what, the API checks.
            .requestMatchers(path(HttpMethod.POST, "/api/data-calls/*/agencies/*/inventory"))
            .hasAuthority(Roles.INVENTORY_CONTACTS)
            .requestMatchers(path(HttpMethod.GET, "/api/data-calls/**")).hasAnyAuthority(Roles.FEDERAL_USERS)
            // The marketplace catalog (ADR 0025): every federal user browses it.
            .requestMatchers(path(HttpMethod.GET, "/api/marketplace/**")).hasAnyAuthority(Roles.FEDERAL_USERS)
            .requestMatchers(path(HttpMethod.POST, "/api/designations/*/conditions/*/decision"),
                path(HttpMethod.POST, "/api/designations/*/conditions/*/overdue-resolution"),
                path(HttpMethod.POST, "/api/designations/*/scope-amendments"),
                path(HttpMethod.POST, "/api/designations/*/transition/closure"))
            .hasAuthority(Roles.OMB_DECIDERS)
            .requestMatchers(path(null, "/api/rfis"), path(null, "/api/rfis/**")).hasAnyAuthority(Roles.RFI_USERS)
            // The dashboard (ADR 0021): one view per persona; everyone sees their own work.
            .requestMatchers(path(HttpMethod.GET, "/api/dashboard/program"))
            .hasAnyAuthority(Roles.OMB_ANALYSTS, Roles.OMB_DECIDERS, Roles.AUDITORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(path(HttpMethod.GET, "/api/dashboard/board-rounds"))
            .hasAnyAuthority(Roles.SSGB_CHAIRS, Roles.OMB_ANALYSTS, Roles.OMB_DECIDERS, Roles.AUDITORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(path(HttpMethod.GET, "/api/dashboard/panels"))
            .hasAnyAuthority(Roles.RFI_PANEL_CHAIRS, Roles.AUDITORS, Roles.CAMUNDA_ADMIN)
            .requestMatchers(path(HttpMethod.GET, "/api/dashboard/qsmo")).hasAuthority(Roles.QSMO_DIRECTORS)
            .requestMatchers(path(HttpMethod.GET, "/api/dashboard/my-work")).authenticated()
            // Every signed-in user's own settings (their e-mail); undeliverable mail is for administrators.
            .requestMatchers(path(null, "/api/me/**")).authenticated()
            .requestMatchers(path(null, "/api/notifications/**")).hasAuthority(Roles.CAMUNDA_ADMIN)
            .requestMatchers(path(null, "/api/**")).hasAuthority(Roles.CAMUNDA_ADMIN)
            .requestMatchers(path(null, "/engine-rest/**")).authenticated()
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          // A page's script (X-Requested-With) says "signed out" itself: no challenge, so no browser password box.
          if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"qsmo-workflow\"");
          }
          problem(json, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
              "Sign in with HTTP Basic credentials of a qsmo-workflow user. After a wrong password, the next "
                  + "sign-in of that user is refused for a few seconds (longer after each failure).");
        }))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            problem(json, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI() + ".")))
        // No session of its own, and the webapps' session (WebappSessionAuthenticationFilter) left as it is: a
        // new session id per call would sign out Tasklist and every request still in flight with the old one.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .csrf(csrf -> csrf.disable())
        // Tasklist's signed-in user, for links in forms (GET) and, with the webapps' CSRF token, any call.
        .addFilterBefore(new WebappSessionAuthenticationFilter(identityService, engine.getName(), json),
            BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The Camunda webapps bring their own session login and CSRF protection.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(withDefaults())
        .build();
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  private static void problem(ObjectMapper json, HttpServletResponse response, int status, String title,
      String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    JsonResponses.write(json, response, status, MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
  }
}
