package io.storeops.system;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The standalone jar split into its parts, each its own process on free ports over one data
 * folder: the Mongo-wire store, the Kafka broker, and {@code instances} processes of each of the
 * five services ({@code --only=<service> --port=<port>}). Settings for the services go in as
 * {@code SPRING_APPLICATION_JSON}, which every process reads.
 */
final class SplitSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("order", "fulfillment", "refund", "analytics", "listing");
    private static final Duration START_PATIENCE = Duration.ofMinutes(5);
    /**
     * Ten services and the broker share two cores here, and every kill costs a start: the client
     * compiler only, which starts a service in about half the CPU time, and a heap well above the
     * services' live data.
     */
    private static final List<String> SERVICE_JVM =
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=1");

    private final Path workDir;
    private final Path dataDir;
    private final SystemProcess store;
    private final SystemProcess broker;
    private final Map<String, List<SystemProcess>> instances = new LinkedHashMap<>();
    /** Ports handed out: each is probed free on its own, so two could otherwise be the same. */
    private final Set<Integer> taken = new HashSet<>();
    /** Starts and health waits block: threads of their own, not the common pool's few. */
    private final ExecutorService waits = Executors.newCachedThreadPool();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SplitSystem(Path workDir, int instancesPerService, String settingsJson) throws IOException {
        this.workDir = workDir;
        this.dataDir = workDir.resolve("data");
        Path jar =
                Path.of(System.getProperty("storeops.standalone.jar", "../standalone/target/storeops-standalone.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the standalone jar first: " + jar.toAbsolutePath());
        }
        int kafkaPort = StandaloneSystem.freeRange(2);
        taken.add(kafkaPort);
        taken.add(kafkaPort + 1);
        int mongoPort = distinctFreePort();
        Map<String, String> environment = Map.of(
                "STOREOPS_DATA_DIR", dataDir.toString(),
                "STOREOPS_KAFKA_PORT", String.valueOf(kafkaPort),
                "STOREOPS_MONGO_PORT", String.valueOf(mongoPort),
                "SPRING_APPLICATION_JSON", settingsJson);
        // The audit reads whole collections, which the embedded store answers from memory: a find
        // of 34,400 orders (70 MB as JSON) left two thirds of 1 GB in use; room here for N = 100,000.
        store = new SystemProcess(
                "store", mongoPort, List.of("-Xmx3g"), List.of("--only=store"), environment, jar, workDir);
        broker = new SystemProcess(
                "broker", kafkaPort, List.of("-Xmx768m"), List.of("--only=broker"), environment, jar, workDir);
        for (String service : SERVICES) {
            List<SystemProcess> processes = new ArrayList<>();
            for (int instance = 1; instance <= instancesPerService; instance++) {
                int port = distinctFreePort();
                processes.add(new SystemProcess(
                        service + "-" + instance,
                        port,
                        SERVICE_JVM,
                        List.of("--only=" + service, "--port=" + port),
                        environment,
                        jar,
                        workDir));
            }
            instances.put(service, List.copyOf(processes));
        }
    }

    /** Store and broker first (the services need both), then every instance at once; returns when all answer healthy. */
    void start() {
        // A test JVM that dies (a build's timeout, Ctrl-C) must not leave a dozen processes behind.
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "split-system-kill"));
        store.start();
        broker.start();
        awaitListening(store);
        awaitListening(broker);
        CompletableFuture.allOf(serviceProcesses().stream()
                        .map(process -> CompletableFuture.runAsync(
                                () -> {
                                    process.start();
                                    awaitHealthy(process);
                                },
                                waits))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    SystemProcess store() {
        return store;
    }

    SystemProcess broker() {
        return broker;
    }

    List<SystemProcess> instances(String service) {
        return instances.get(service);
    }

    List<SystemProcess> serviceProcesses() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    List<URI> baseUris(String service) {
        return instances(service).stream()
                .map(process -> URI.create("http://127.0.0.1:" + process.port()))
                .toList();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + broker.port();
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + store.port();
    }

    String token(String role) {
        try {
            return EventJson.mapper()
                    .readTree(dataDir.resolve("dev-tokens.json").toFile())
                    .get(role)
                    .asString();
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("no dev token for " + role + " in " + dataDir, unreadable);
        }
    }

    /** Kills the part as {@code kill -9} would and starts it again on its port, without waiting for it. */
    void killAndRestart(SystemProcess process) throws InterruptedException {
        process.kill();
        process.start();
    }

    private int distinctFreePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = StandaloneSystem.freeRange(1);
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IOException("no distinct free port found");
    }

    /** Waits until {@code process} is healthy, on a thread of its own. */
    CompletableFuture<Void> whenHealthy(SystemProcess process) {
        return CompletableFuture.runAsync(() -> awaitHealthy(process), waits);
    }

    void awaitListening(SystemProcess process) {
        awaitUp(process, () -> listening(process.port()));
    }

    void awaitHealthy(SystemProcess process) {
        awaitUp(process, () -> healthy(process));
    }

    boolean healthy(SystemProcess process) {
        try {
            HttpResponse<Void> health = http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + process.port() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException unreachable) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitUp(SystemProcess process, Callable<Boolean> up) {
        try {
            await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.alive()) {
                    throw new IllegalStateException(process.name() + " exited while starting; last lines of "
                            + process.log() + ":\n" + process.logTail(60));
                }
                return up.call();
            });
        } catch (ConditionTimeoutException notUp) {
            throw new IllegalStateException(
                    process.name() + " not up within " + START_PATIENCE + "; last lines of " + process.log() + ":\n"
                            + process.logTail(60),
                    notUp);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private void killAll() {
        for (SystemProcess process : allProcesses()) {
            try {
                process.kill();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<SystemProcess> allProcesses() {
        List<SystemProcess> all = new ArrayList<>(serviceProcesses());
        all.add(broker);
        all.add(store);
        return all;
    }

    Path workDir() {
        return workDir;
    }

    /** Services first (they leave their consumer groups and flush), then broker and store. */
    @Override
    public void close() throws InterruptedException {
        List<Thread> stopping = new ArrayList<>();
        for (SystemProcess process : serviceProcesses()) {
            Thread thread = new Thread(() -> {
                try {
                    process.stop();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            thread.join();
        }
        broker.stop();
        store.stop();
        waits.shutdownNow();
    }

    static Path newWorkDir(String prefix) {
        try {
            return Files.createDirectories(
                            Path.of(System.getProperty("storeops.system-test.dir", "target/system-test")))
                    .resolve(prefix + "-" + System.currentTimeMillis());
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
