package fr.certiflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged into the Camunda webapps follow a link to Certiflow's API (a juror opening a grid from a
 * Tasklist form): the user of the existing session becomes the request's authentication. State-changing requests
 * authenticated this way have passed the CSRF check before reaching here (see {@link ApiSecurity}).
 */
final class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private final WebappSessions sessions;
    private final CamundaUsers users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebappSessionAuthenticationFilter(WebappSessions sessions, CamundaUsers users) {
        this.sessions = sessions;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (contexts.getContext().getAuthentication() == null) {
            sessions.user(request).flatMap(users::existing).ifPresent(authentication -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(authentication);
                contexts.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
