package fr.certiflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;

/**
 * The Camunda webapps' login as Certiflow's API sees it: the user of the request's existing session (never created
 * here) and the CSRF token Camunda keeps in that session. A request that brings its own credentials (an
 * {@code Authorization} header) is judged on them alone, whatever session it also carries.
 */
final class WebappSessions {

    private final String engineName;

    WebappSessions(String engineName) {
        this.engineName = engineName;
    }

    /** The id of the user logged into the webapps, when the request is to be authenticated by its session. */
    Optional<String> user(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return Optional.empty();
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        // Adds an empty Authentications to a session without one, as Camunda's own filters do on every request.
        return AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName)
                instanceof UserAuthentication user ? Optional.of(user.getName()) : Optional.empty();
    }

    /** The CSRF token Camunda handed to this session (cookie {@code XSRF-TOKEN}), if any. */
    static Optional<String> csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME));
    }

    /** The header the webapps send the token back in. */
    static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
}
