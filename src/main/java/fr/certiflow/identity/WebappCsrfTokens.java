package fr.certiflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The CSRF token of a request authenticated by the webapps' session is the one Camunda's CsrfPreventionFilter keeps
 * in that session: Spring Security's CsrfFilter reads it from there and compares it, in constant time, with the
 * {@code X-XSRF-TOKEN} header the webapps send. Certiflow never issues or stores a token of its own.
 */
final class WebappCsrfTokens implements CsrfTokenRepository {

    /** Unused parameter name: the token is read from the header only (a multipart body is not parsed for it). */
    private static final String PARAMETER = "_csrf";

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        // Reached only when the session holds no token: a value nobody knows, so the comparison fails.
        return new DefaultCsrfToken(WebappSessions.CSRF_HEADER, PARAMETER, UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        // Camunda owns the token and its cookie.
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return WebappSessions.csrfToken(request)
                .map(token -> new DefaultCsrfToken(WebappSessions.CSRF_HEADER, PARAMETER, token)).orElse(null);
    }

    /** Resolves the token from the header alone; the raw (unmasked) value, as Camunda hands it out. */
    static final class HeaderOnly extends CsrfTokenRequestAttributeHandler {

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            return request.getHeader(token.getHeaderName());
        }
    }
}
