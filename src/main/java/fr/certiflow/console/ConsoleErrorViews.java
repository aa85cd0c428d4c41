package fr.certiflow.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors met under /certiflow/ outside the console's controllers, shown as the console's French page instead of the
 * API's JSON problem or Spring Boot's « Whitelabel » page: an address that leads nowhere (which Spring MVC's resource
 * handler refuses, before any advice of the console), and whatever Spring Boot's error page renders for a browser
 * there. Elsewhere (the API, the Camunda webapps) nothing changes.
 */
@Component
class ConsoleErrorViews implements ErrorViewResolver, HandlerExceptionResolver, Ordered {

    private final ConsoleErrors errors;

    ConsoleErrorViews(ConsoleErrors errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (e instanceof NoResourceFoundException && underConsole(request.getRequestURI(), request)) {
            return errors.page(HttpStatus.NOT_FOUND, ConsoleErrors.detail(HttpStatus.NOT_FOUND));
        }
        return null;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && underConsole(uri.toString(), request) ? errors.page(status, ConsoleErrors.detail(status)) : null;
    }

    private static boolean underConsole(String uri, HttpServletRequest request) {
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals("/certiflow") || path.startsWith("/certiflow/");
    }
}
