package fr.certiflow.packaged;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** HTTP calls to one node as one user, as a coordinator's browser or script makes them; every failure is loud. */
public final class CampaignClient {

    /** The composantes of the MMDC référentiel. */
    public static final List<String> COMPONENTS = List.of("A.1", "A.2", "A.3", "A.4", "A.5");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final CertiflowNode node;
    private final String authorization;

    public CampaignClient(CertiflowNode node, String user, String password) {
        this(node, basic(user, password));
    }

    private CampaignClient(CertiflowNode node, String authorization) {
        this.node = node;
        this.authorization = authorization;
    }

    /** Calls without credentials, as a stranger would. */
    public static CampaignClient anonymous(CertiflowNode node) {
        return new CampaignClient(node, (String) null);
    }

    /** A response as it came, whatever its status. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    /** Any call, with a JSON body (or none), extra headers, and the response as it came. */
    public Response call(String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        }
        return exchange(request.build());
    }

    public Response call(String method, String path, Object body) throws IOException, InterruptedException {
        return call(method, path, body, Map.of());
    }

    /** A multipart upload with the file under "file" and any other fields, the response as it came. */
    public Response multipart(String path, Map<String, String> fields, String filename, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "certiflow-" + UUID.randomUUID();
        return exchange(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, fields, filename, content))).build());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A document (a workbook, a file), which must be there. */
    public byte[] bytes(String path) throws IOException, InterruptedException {
        HttpRequest request = request(path).GET().build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri() + ": expected 200, got " + response.statusCode());
        }
        return response.body();
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build(), 200);
    }

    public JsonNode post(String path, Object body, int expectedStatus) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), expectedStatus);
    }

    public JsonNode put(String path, int expectedStatus) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()).build(), expectedStatus);
    }

    /** A multipart upload with the file under "file" and any other fields. */
    public JsonNode upload(String path, Map<String, String> fields, String filename, byte[] content, int expectedStatus)
            throws IOException, InterruptedException {
        String boundary = "certiflow-" + UUID.randomUUID();
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody(boundary, fields, filename, content))).build(), expectedStatus);
    }

    /** A multipart body: the fields, then the file under "file". */
    public static byte[] multipartBody(String boundary, Map<String, String> fields, String filename, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /**
     * The body of {@code POST /api/campaigns} for a campaign of the MMDC référentiel: every composante due at the
     * deadline its function gives; the map can take more fields before it is sent.
     */
    public static Map<String, Object> campaign(String code, Instant opensAt, Function<String, Instant> submissionDeadline,
            Instant evaluationDeadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Campagne " + code);
        body.put("referentialCode", "MMDC");
        body.put("opensAt", opensAt.toString());
        Map<String, String> deadlines = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            deadlines.put(component, submissionDeadline.apply(component).toString());
        }
        body.put("submissionDeadlines", deadlines);
        body.put("evaluationDeadline", evaluationDeadline.toString());
        // Its cohort has no groups: the collective composantes may be passed alone.
        body.put("individualWorkAllowed", List.of("A.1", "A.3"));
        return body;
    }

    /** Creates a user of the given group through the engine REST API (an administrator's call). */
    public void createUser(String id, String password, String group) throws IOException, InterruptedException {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("firstName", id);
        profile.put("lastName", "Test");
        profile.put("email", id + "@example.org");
        post("/engine-rest/user/create", Map.of("profile", profile, "credentials", Map.of("password", password)), 204);
        put("/engine-rest/group/" + group + "/members/" + id, 204);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static Response exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers());
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": expected " + expectedStatus + ", got "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
