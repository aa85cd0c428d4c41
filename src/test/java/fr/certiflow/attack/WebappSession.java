package fr.certiflow.attack;

import fr.certiflow.packaged.CampaignClient;
import fr.certiflow.packaged.CertiflowNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A user logged into a Camunda webapp as a browser is: the session cookie, and the CSRF token the webapp hands out,
 * which the browser's scripts send back in {@code X-XSRF-TOKEN}. (The login starts a new session: the token of the
 * login page no longer holds, and the first state-changing request that sends it loses the session.)
 */
final class WebappSession {

    private final CertiflowNode node;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private WebappSession(CertiflowNode node) {
        this.node = node;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens the webapp's page, then logs in with the page's CSRF token, as the login form does. */
    static WebappSession login(CertiflowNode node, String user, String password, String app) throws IOException, InterruptedException {
        WebappSession session = new WebappSession(node);
        session.http.send(HttpRequest.newBuilder(node.uri("/camunda/app/" + app + "/default/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.http.send(HttpRequest.newBuilder(node.uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.token())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not log into " + app + ": " + login.statusCode() + " " + login.body());
        }
        // As the webapp's first call after its login does: the logged-in session's own CSRF token comes with it.
        session.http.send(HttpRequest.newBuilder(node.uri("/camunda/api/admin/auth/user/default")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return session;
    }

    /** The CSRF token of the session, from the cookie the webapp set. */
    String token() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
    }

    /** A page of the console: its status and body, read as the browser does (redirects not followed). */
    CampaignClient.Response page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofMinutes(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new CampaignClient.Response(response.statusCode(), response.body(), response.headers());
    }

    /** A console form posted with the session cookie (fields URL-encoded, the console's CSRF token among them if given). */
    CampaignClient.Response form(String path, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = String.join("&", fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new CampaignClient.Response(response.statusCode(), response.body(), response.headers());
    }

    /** A call carried by the session cookie, with the given extra headers (the token, an origin) and a JSON body. */
    CampaignClient.Response call(String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofMinutes(1))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new CampaignClient.Response(response.statusCode(), response.body(), response.headers());
    }
}
