package fr.certiflow.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session on the console and the Camunda webapps, without the browser: cookies kept, redirects not
 * followed (so the test sees them), the console's CSRF token read from its forms as a browser submits it.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    /** The last CSRF token a console page handed out. */
    private String csrf;

    private final String engine;

    ConsoleSession(int port, String engine) {
        this.engine = engine;
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What a browser asks for when it follows a link. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    record Page(int status, String body, String location) {
    }

    Page get(String path) throws IOException, InterruptedException {
        return page(http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private Page page(HttpResponse<String> response) {
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    }

    /** Logs in on the console's login page (which logs into the webapps too). */
    Page consoleLogin(String user, String password) throws IOException, InterruptedException {
        get("/certiflow/connexion");
        return form("/certiflow/connexion", Map.of("username", user, "password", password));
    }

    /** Logs in as the login page of a Camunda webapp (tasklist, cockpit) does. */
    void webappLogin(String app, String user, String password) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/" + engine + "/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", user, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " could not log into " + app + ": " + login.statusCode());
        }
    }

    /** Who Camunda's webapps think is logged in (404 when nobody). */
    Page webappsUser() throws IOException, InterruptedException {
        return page(http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A form posted as the browser does, with the page's CSRF token. */
    Page form(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = withToken(fields);
        return page(http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(all))).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A file uploaded by a form (multipart), with the page's CSRF token and the given fields. */
    Page upload(String path, Map<String, String> fields, String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "----console" + UUID.randomUUID();
        Map<String, String> all = withToken(fields);
        byte[] body = fr.certiflow.packaged.CampaignClient.multipartBody(boundary, all, filename, content);
        return page(http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private Map<String, String> withToken(Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return all;
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
    }

    private static String encode(Map<String, String> fields) {
        return String.join("&", fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
    }
}
