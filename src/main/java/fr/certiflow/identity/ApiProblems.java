package fr.certiflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The bodies of the refusals decided before Spring MVC (authentication, roles, CSRF, origin, firewall): the same
 * RFC 9457 problems, in French, as the API's other errors, with the API's security headers.
 */
final class ApiProblems {

    private final ObjectMapper json;
    private final List<HeaderWriter> headers;

    ApiProblems(ObjectMapper json, List<HeaderWriter> headers) {
        this.json = json;
        this.headers = headers;
    }

    /** The security headers of every API response. */
    List<HeaderWriter> headers() {
        return headers;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // A path the firewall refused may not even be a URI: the problem goes without it.
        }
        // Written here too: a refusal from the firewall never reaches the chain's header writer (the writers leave
        // a header already set alone).
        headers.forEach(writer -> writer.writeHeaders(request, response));
        response.setStatus(status.value());
        // As Spring MVC writes its problems: JSON, hence UTF-8, without a charset parameter.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
