package gov.qsmo.workflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.qsmo.workflow.web.JsonResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the application's API accept the session of Camunda's webapps (Tasklist, Cockpit), so that a link
 * in a task form (an attachment, a report, the decision package) opens for the signed-in user without a
 * second sign-in. A request without an {@code Authorization} header whose session holds a webapp sign-in
 * to this engine is the session's user, with their current Camunda groups as authorities: the API's rules
 * then apply as for HTTP Basic. A request that changes something (anything but GET, HEAD, OPTIONS) must
 * carry the webapps' CSRF token in the {@code X-XSRF-TOKEN} header, as the webapps' own API requires;
 * without it the answer is 403 and nothing changes. HTTP Basic is unaffected.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final String engineName;
  private final ObjectMapper json;

  WebappSessionAuthenticationFilter(IdentityService identityService, String engineName, ObjectMapper json) {
    this.identityService = identityService;
    this.engineName = engineName;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = sessionUser(request);
    if (userId == null) {
      chain.doFilter(request, response);
      return;
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "about:blank");
      body.put("title", "Forbidden");
      body.put("status", HttpServletResponse.SC_FORBIDDEN);
      body.put("detail", "A request signed in through Tasklist's session must carry the X-XSRF-TOKEN header with the "
          + "value of the XSRF-TOKEN cookie (or use HTTP Basic credentials). Nothing was changed.");
      JsonResponses.write(json, response, HttpServletResponse.SC_FORBIDDEN, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
          body);
      return;
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, groups));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /**
   * The user signed in to the webapps in this request's session, or null (none, HTTP Basic given, or not the
   * application's API: Camunda's REST API keeps HTTP Basic only).
   */
  private String sessionUser(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    if (authentication == null || authentication.getIdentityId() == null || authentication == Authentication.ANONYMOUS) {
      return null;
    }
    return authentication.getIdentityId();
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null && given != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
