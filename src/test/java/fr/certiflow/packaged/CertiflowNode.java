package fr.certiflow.packaged;

import fr.certiflow.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Certiflow as operators run it: the packaged jar in a JVM of its own, on PostgreSQL, stopped the hard way
 * ({@code SIGKILL}: no shutdown hook, no transaction committed after the signal). Each start logs into
 * target/{folder}/{name}-{start}.log (folder {@code fault} unless set).
 */
public final class CertiflowNode implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "fault-admin-secret";
    /** Short job locks: a killed node's jobs are taken over after this long instead of Camunda's 5 minutes. */
    public static final long LOCK_MILLIS = 15_000;

    private final String name;
    private final String databaseUrl;
    private final int port;
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private String heap = "512m";
    private String logFolder = "fault";
    private Process process;
    private int starts;

    public CertiflowNode(String name, String databaseUrl) throws IOException {
        this.name = name;
        this.databaseUrl = databaseUrl;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** The JVM's maximum heap ({@code -Xmx}), 512m unless set. */
    public CertiflowNode heap(String maximum) {
        this.heap = maximum;
        return this;
    }

    /** An environment variable of the application's process (a Spring property, say), in addition to the usual ones. */
    public CertiflowNode environment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
    }

    /** The folder under target/ where each start writes its log ({@code fault} unless set). */
    public CertiflowNode logsIn(String folder) {
        this.logFolder = folder;
        return this;
    }

    public String name() {
        return name;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Starts the jar and returns once the engine REST API answers. */
    public CertiflowNode start() throws IOException, InterruptedException {
        String jar = System.getProperty("certiflow.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("System property certiflow.jar must name the packaged application (mvn verify sets it): " + jar);
        }
        starts++;
        Path log = Path.of("target", logFolder, name + "-" + starts + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-jar", jar, "--server.port=" + port, "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("POSTGRES_URL", databaseUrl);
        env.put("POSTGRES_USER", PostgresServer.USER);
        env.put("POSTGRES_PASSWORD", PostgresServer.PASSWORD);
        env.put("CERTIFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CERTIFLOW_NODE_NAME", name);
        env.put("CERTIFLOW_JOB_LOCK_MILLIS", Long.toString(LOCK_MILLIS));
        env.put("CERTIFLOW_JOB_MAX_WAIT_MILLIS", "2000");
        env.putAll(extraEnvironment);
        process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during its start, exit " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/engine-rest/version"))
                        .header("Authorization", CampaignClient.basic("admin", ADMIN_PASSWORD)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer within 3 minutes; see " + log);
    }

    /** SIGKILL: the JVM stops at once, whatever it was doing. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public CampaignClient client(String user, String password) {
        return new CampaignClient(this, user, password);
    }

    public CampaignClient admin() {
        return client("admin", ADMIN_PASSWORD);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
