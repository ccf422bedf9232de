package io.storeops.system;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * The standalone jar as its own process, on free ports, with a data folder of its own: what a
 * person gets from the README's run command.
 */
final class StandaloneSystem implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final String LOG = "standalone.log";

    private final Path jar =
            Path.of(System.getProperty("storeops.standalone.jar", "../standalone/target/storeops-standalone.jar"));
    private final Path workDir;
    private final Path dataDir;
    private final int orderPort;
    private final int kafkaPort;
    private final int mongoPort;
    private final int consolePort;
    private final List<String> arguments;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    StandaloneSystem() throws IOException {
        this(Files.createDirectories(Path.of(System.getProperty("storeops.system-test.dir", "target/system-test")))
                .resolve("run-" + System.currentTimeMillis()));
    }

    /** One standalone for a test class ({@code @RegisterExtension}): started before its tests, stopped after them. */
    static StandaloneSystem forTestClass() {
        try {
            return new StandaloneSystem();
        } catch (IOException noPorts) {
            throw new UncheckedIOException(noPorts);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        close();
    }

    /** Runs in {@code workDir} (its log, and its data folder beneath), with the standalone's command-line {@code arguments}. */
    StandaloneSystem(Path workDir, String... arguments) throws IOException {
        this.workDir = workDir;
        this.arguments = List.of(arguments);
        dataDir = workDir.resolve("data");
        // The five services and the console on one free range: ports picked one by one may collide.
        orderPort = freeRange(6);
        consolePort = orderPort + 5;
        kafkaPort = freeRange(2);
        mongoPort = freeRange(1);
    }

    void start() throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the standalone jar first: " + jar.toAbsolutePath());
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Files.createDirectories(workDir).resolve(LOG).toFile()));
        builder.environment().put("STOREOPS_DATA_DIR", dataDir.toString());
        builder.environment().put("STOREOPS_ORDER_PORT", String.valueOf(orderPort));
        builder.environment().put("STOREOPS_KAFKA_PORT", String.valueOf(kafkaPort));
        builder.environment().put("STOREOPS_MONGO_PORT", String.valueOf(mongoPort));
        builder.environment().put("STOREOPS_CONSOLE_PORT", String.valueOf(consolePort));
        process = builder.start();
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "standalone exited with " + process.exitValue() + "; see " + log());
                        }
                        return servicePorts().stream()
                                        .allMatch(port -> status(get(port, "/actuator/health", null)) == 200)
                                && Files.exists(dataDir.resolve("dev-tokens.json"))
                                && status(get(consolePort, "/sign-in", null)) == 200; // the console starts last
                    });
        } catch (ConditionTimeoutException notHealthy) {
            throw new IllegalStateException(
                    "standalone not healthy within 3 minutes; " + healthReport() + "\nlast lines of " + log() + ":\n"
                            + logTail(80),
                    notHealthy);
        }
    }

    /** Each service's health answer, so that a start that never becomes healthy says which part is down. */
    private String healthReport() {
        StringBuilder report = new StringBuilder();
        for (int port : servicePorts()) {
            HttpResponse<String> health = get(port, "/actuator/health", null);
            report.append("\n  port ")
                    .append(port)
                    .append(": ")
                    .append(health == null ? "unreachable" : health.statusCode() + " " + health.body());
        }
        return report.toString();
    }

    private String logTail(int lines) {
        return SystemProcess.tail(log(), lines);
    }

    /** Stops it as Ctrl-C would (SIGTERM runs the same shutdown), and waits until it has exited. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("standalone did not stop within 90 s");
        }
    }

    /** Kills the process as {@code kill -9} would: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("standalone did not die within 30 s of SIGKILL");
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return workDir.resolve(LOG);
    }

    int starts() {
        return starts;
    }

    String token(String role) throws IOException {
        return EventJson.mapper()
                .readTree(dataDir.resolve("dev-tokens.json").toFile())
                .get(role)
                .asString();
    }

    int orderPort() {
        return orderPort;
    }

    int consolePort() {
        return consolePort;
    }

    int fulfillmentPort() {
        return orderPort + 1;
    }

    int refundPort() {
        return orderPort + 2;
    }

    int analyticsPort() {
        return orderPort + 3;
    }

    int listingPort() {
        return orderPort + 4;
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    List<Integer> servicePorts() {
        return List.of(orderPort, orderPort + 1, orderPort + 2, orderPort + 3, orderPort + 4);
    }

    HttpResponse<String> get(int port, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(20))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    HttpResponse<String> postJson(int port, String path, String bearer, String json) {
        return send(HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> putJson(int port, String path, String bearer, String json) {
        return send(HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Sends {@code content} as the multipart part {@code file} named {@code fileName}, as a browser uploads a file. */
    HttpResponse<String> postFile(int port, String path, String bearer, String fileName, byte[] content) {
        return postFile(port, path, bearer, Map.of(), fileName, content);
    }

    /** The same, after the form fields {@code fields} (a picture's stage and slot, say). */
    HttpResponse<String> postFile(
            int port, String path, String bearer, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "storeops-" + UUID.randomUUID();
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        byte[] head = (form + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /**
     * The first of {@code count} consecutive free ports, outside the ephemeral range: the standalone's own outgoing
     * connections take ephemeral ports while it starts, and one of them could take a listening port chosen there first.
     */
    static int freeRange(int count) throws IOException {
        int[] ephemeral = ephemeralPorts();
        boolean roomBelow = ephemeral[0] - count > 10_000;
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = roomBelow
                    ? ThreadLocalRandom.current().nextInt(10_000, ephemeral[0] - count)
                    : ThreadLocalRandom.current().nextInt(ephemeral[1] + 1, 65_536 - count);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free ports found");
    }

    /** The first and last ephemeral port: Linux says; elsewhere the IANA range. */
    private static int[] ephemeralPorts() throws IOException {
        Path linuxRange = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (!Files.exists(linuxRange)) {
            return new int[] {49_152, 65_535};
        }
        // Read by lines: readString trusts the size a /proc file reports (none) and returns a fragment.
        String[] range = Files.readAllLines(linuxRange).get(0).trim().split("\\s+");
        return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket probe = new ServerSocket(port)) {
                probe.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
