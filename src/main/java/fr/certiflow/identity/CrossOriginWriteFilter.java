package fr.certiflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser says comes from another origin ({@code Origin} header, or
 * {@code Sec-Fetch-Site: cross-site / same-site}), however it is authenticated: a browser sends cached Basic
 * credentials and, SameSite aside, the session cookie along with a forged cross-site request. Requests without these
 * headers (scripts, curl) are not browsers' and pass. The origin is compared with the request's own scheme, host
 * and port: behind a proxy that terminates TLS, Spring Boot must trust its forwarded headers
 * ({@code server.forward-headers-strategy}).
 */
final class CrossOriginWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");

    private final ApiProblems problems;

    CrossOriginWriteFilter(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isSafe(request.getMethod()) && comesFromAnotherOrigin(request)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "Demande refusée",
                    "Demande refusée : elle provient d'une autre origine que Certiflow.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Methods that change nothing. */
    static boolean isSafe(String method) {
        return SAFE_METHODS.contains(method);
    }

    static boolean comesFromAnotherOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && FOREIGN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !sameOrigin(origin, request);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                // "null" (sandboxed documents, some redirects) and anything that is not scheme://host[:port].
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
            return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
