package fr.certiflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refused form submission reaches the user as its French message alone. The engine's REST API (the one scripts call,
 * {@code /engine-rest}, and the one Tasklist calls, {@code /camunda/api/engine}) answers a refused submission with 400
 * and « Cannot submit task form {id}: » or « Cannot instantiate process definition {id}: » before the message, which
 * Tasklist shows as is: this takes that prefix off, and changes nothing else of the response.
 */
final class RefusalResponses extends OncePerRequestFilter {

    static final Pattern ENGINE_PREFIX = Pattern.compile("^(Cannot submit task form|Cannot instantiate process definition) \\S+: ");

    private final ObjectMapper json;

    RefusalResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, cached);
        if (cached.getStatus() == HttpServletResponse.SC_BAD_REQUEST && cached.getContentSize() > 0) {
            byte[] plain = withoutEnginePrefix(cached.getContentAsByteArray());
            if (plain != null) {
                cached.resetBuffer();
                cached.getOutputStream().write(plain);
            }
        }
        cached.copyBodyToResponse();
    }

    /** The body with the message alone, or null when it is not the engine's refusal. */
    byte[] withoutEnginePrefix(byte[] body) {
        JsonNode problem;
        try {
            problem = json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (!(problem instanceof ObjectNode object) || !problem.path("message").isTextual()) {
            return null;
        }
        String message = problem.path("message").asText();
        String plain = ENGINE_PREFIX.matcher(message).replaceFirst("");
        if (plain.equals(message)) {
            return null;
        }
        object.put("message", plain);
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
