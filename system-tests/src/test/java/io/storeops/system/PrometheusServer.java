package io.storeops.system;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Debian's Prometheus as its own process on a free port, with a data folder of its own, scraping
 * each job's {@code /actuator/prometheus} every second and evaluating the rule files every second:
 * what an operator's Prometheus does, only faster.
 */
final class PrometheusServer implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Process process;
    private final int targets;
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, int targets, int port, Path log) {
        this.process = process;
        this.targets = targets;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts it in {@code workDir} scraping {@code 127.0.0.1:<port>} for each job of {@code jobs} (the
     * job's name to its port) with the rule files {@code ruleFiles} (a glob, as Prometheus reads it),
     * and waits until it answers.
     */
    static PrometheusServer start(Path workDir, Map<String, Integer> jobs, String ruleFiles) throws IOException {
        Files.createDirectories(workDir);
        Path config = Files.writeString(workDir.resolve("prometheus.yml"), config(jobs, ruleFiles));
        Path log = workDir.resolve("prometheus.log");
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder(
                            "prometheus",
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + workDir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException(
                    "prometheus is not on the PATH: Debian's prometheus package has it (.ci/run installs it)",
                    notInstalled);
        }
        PrometheusServer prometheus = new PrometheusServer(process, jobs.size(), port, log);
        try {
            prometheus.awaitUntil("it answers", () -> status(prometheus.send("/-/ready")) == 200);
        } catch (RuntimeException neverReady) {
            process.destroyForcibly();
            throw neverReady;
        }
        return prometheus;
    }

    private static String config(Map<String, Integer> jobs, String ruleFiles) {
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - '%s'
                scrape_configs:
                """.formatted(ruleFiles));
        jobs.forEach((job, port) -> config.append("""
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(job, port)));
        return config.toString();
    }

    /** Waits until every target is up and has been scraped {@code scrapes} times or more. */
    void awaitScrapesOfEveryTarget(int scrapes) {
        awaitUntil("scraping every target up " + scrapes + " times", this::targetsReport, () -> {
            JsonNode active = api("targets").path("data").path("activeTargets");
            return active.size() == targets
                    && active.valueStream()
                            .allMatch(
                                    target -> "up".equals(target.path("health").asString()))
                    && api("query", "query", "min(count_over_time(up[1m])) >= " + scrapes)
                                    .path("data")
                                    .path("result")
                                    .size()
                            == 1;
        });
    }

    /** Waits until {@code condition} holds, failing early with Prometheus' log if it has stopped. */
    void awaitUntil(String what, Callable<Boolean> condition) {
        awaitUntil(what, () -> "", condition);
    }

    /** The same, saying what {@code state} says when it fails. */
    void awaitUntil(String what, Supplier<String> state, Callable<Boolean> condition) {
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "prometheus exited with " + process.exitValue() + ":\n" + logTail());
                }
                return condition.call();
            });
        } catch (ConditionTimeoutException late) {
            throw new IllegalStateException(
                    "prometheus: not " + what + " within " + PATIENCE + state.get() + "\n" + logTail(), late);
        }
    }

    /** Each target's health and last error, one line each. */
    private String targetsReport() {
        StringBuilder report = new StringBuilder();
        api("targets")
                .path("data")
                .path("activeTargets")
                .forEach(target -> report.append("\n  ")
                        .append(target.path("labels").path("job").asString())
                        .append(' ')
                        .append(target.path("health").asString())
                        .append(' ')
                        .append(target.path("lastError").asString()));
        return report.toString();
    }

    /**
     * The answer of the HTTP API at {@code /api/v1/<path>} to the query parameters {@code parameters}
     * (name, value, name, value...; a name may repeat), errors included: its {@code status},
     * {@code data}, {@code error}.
     */
    JsonNode api(String path, String... parameters) {
        StringJoiner query = new StringJoiner("&", "?", "");
        for (int i = 0; i < parameters.length; i += 2) {
            query.add(URLEncoder.encode(parameters[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = send("/api/v1/" + path + query);
        if (answer == null) {
            throw new IllegalStateException("prometheus does not answer /api/v1/" + path);
        }
        return EventJson.mapper().readTree(answer.body());
    }

    private HttpResponse<String> send(String pathAndQuery) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException none) {
            throw new UncheckedIOException(none);
        }
    }

    /** Stops it as Ctrl-C would, and waits until it has exited. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
