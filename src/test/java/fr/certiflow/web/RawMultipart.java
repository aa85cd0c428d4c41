package fr.certiflow.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A multipart/form-data body written byte by byte, as curl writes it: the file name goes raw (UTF-8) into the part's
 * Content-Disposition, where Spring's client would encode or refuse what a hostile client sends as is.
 */
public final class RawMultipart {

    static final String BOUNDARY = "certiflow-test-boundary";

    private RawMultipart() {
    }

    /** Text fields, then one file part {@code file} named {@code filename}; headers for the given Basic user. */
    public static HttpEntity<byte[]> of(String user, Map<String, String> fields, String filename, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + BOUNDARY + "--\r\n");
        return new HttpEntity<>(body.toByteArray(), headers(user));
    }

    /** Any bytes, announced as multipart/form-data with the test boundary. */
    public static HttpEntity<byte[]> garbled(String user, String body) {
        return new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers(user));
    }

    /** Basic credentials of a test user: the id + "-secret", the test administrator's own. */
    public static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user.equals("admin") ? "test-admin-secret" : user + "-secret");
        return headers;
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = basic(user);
        headers.setContentType(new MediaType(MediaType.MULTIPART_FORM_DATA, Map.of("boundary", BOUNDARY)));
        return headers;
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
