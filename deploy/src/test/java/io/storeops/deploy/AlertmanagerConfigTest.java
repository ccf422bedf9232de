package io.storeops.deploy;

import static io.storeops.deploy.MonitoringAsCode.list;
import static io.storeops.deploy.MonitoringAsCode.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.deploy.MonitoringAsCode.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose deployment's Alertmanager configuration as amtool reads it (Debian's 0.25, the oldest
 * version it must suit), the start script that puts the receiver's URL from .env into it, and the
 * routing of every alert deploy/prometheus defines to that receiver.
 */
class AlertmanagerConfigTest {

    private static final Path CONFIG = Path.of("compose", "alertmanager", "alertmanager.yml");
    private static final Path RENDER = Path.of("compose", "alertmanager", "render-config.sh");
    private static final String AMTOOL = "Debian's prometheus-alertmanager package; ./mvnw verify installs it";
    private static final String RECEIVER = "operations";
    /** What a chat or incident tool's hook looks like, with the characters a naive substitution mangles. */
    private static final String URL = "https://hooks.example.com/services/T0/B0?token=a1&route=b|c\\d#team";

    @Test
    void amtoolAcceptsTheConfigurationAsItIsInTheRepository() {
        ToolRun check = ToolRun.run(List.of("amtool", "check-config", CONFIG.toString()), AMTOOL);

        assertThat(check.exitCode()).as("%s", check).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void theReceiversUrlFromTheEnvironmentIsWrittenInExactlyAndTheResultStillChecksOut(@TempDir Path folder)
            throws IOException {
        Path rendered = folder.resolve("alertmanager.yml");

        ToolRun start = render(URL, rendered, List.of("amtool", "check-config", rendered.toString()));

        assertThat(start.exitCode()).as("%s", start).isZero();
        Map<String, Object> receiver =
                map(list(MonitoringAsCode.yaml(rendered).get("receivers")).get(0));
        assertThat(map(list(receiver.get("webhook_configs")).get(0))).containsEntry("url", URL);
        List<String> before = Files.readAllLines(CONFIG);
        List<String> after = Files.readAllLines(rendered);
        List<Integer> changed = new ArrayList<>();
        for (int line = 0; line < Math.min(before.size(), after.size()); line++) {
            if (!before.get(line).equals(after.get(line))) {
                changed.add(line);
            }
        }
        assertThat(after).hasSameSizeAs(before);
        assertThat(changed).as("lines the start script changed").hasSize(1);
    }

    @Test
    void withoutAnHttpReceiverUrlAlertmanagerIsNotStarted(@TempDir Path folder) {
        Path started = folder.resolve("started");
        List<String> alertmanager = List.of("touch", started.toString());

        ToolRun missing = render(null, folder.resolve("missing.yml"), alertmanager);
        ToolRun notAUrl = render("alerts.example.com/hook", folder.resolve("not-a-url.yml"), alertmanager);

        assertThat(missing.exitCode()).as("%s", missing).isNotZero();
        assertThat(missing.output()).contains("ALERT_WEBHOOK_URL must be set");
        assertThat(notAUrl.exitCode()).as("%s", notAUrl).isNotZero();
        assertThat(notAUrl.output()).contains("must be an http(s) URL");
        assertThat(started).doesNotExist();
    }

    @Test
    void everyAlertReachesTheReceiverThroughTheRouteOfItsSeverity() {
        Set<String> severities = new TreeSet<>();
        List<String> lost = new ArrayList<>();
        for (Rule rule : MonitoringAsCode.rules()) {
            if (!rule.isAlert()) {
                continue;
            }
            String severity = String.valueOf(rule.labels().get("severity"));
            severities.add(severity);
            ToolRun route = ToolRun.run(
                    List.of(
                            "amtool",
                            "config",
                            "routes",
                            "test",
                            "--config.file=" + CONFIG,
                            "--verify.receivers=" + RECEIVER,
                            "alertname=" + rule.name(),
                            "severity=" + severity),
                    AMTOOL);
            if (route.exitCode() != 0) {
                lost.add(route.toString());
            }
        }
        Set<String> routed = new TreeSet<>();
        for (Object route : list(map(MonitoringAsCode.yaml(CONFIG).get("route")).get("routes"))) {
            list(map(route).get("matchers")).forEach(matcher -> routed.add(String.valueOf(matcher)));
        }

        assertThat(severities).isNotEmpty();
        assertThat(lost).isEmpty();
        assertThat(routed)
                .as("each severity has its own timing")
                .containsAll(severities.stream()
                        .map(severity -> "severity = \"" + severity + "\"")
                        .toList());
    }

    /** The compose Alertmanager's entrypoint, with {@code command} in place of Alertmanager itself. */
    private static ToolRun render(String url, Path output, List<String> command) {
        Map<String, String> environment = new TreeMap<>(Map.of("PATH", System.getenv("PATH")));
        if (url != null) {
            environment.put("ALERT_WEBHOOK_URL", url);
        }
        List<String> script = new ArrayList<>(List.of("sh", RENDER.toString(), CONFIG.toString(), output.toString()));
        script.addAll(command);
        return ToolRun.run(script, environment, null, "a POSIX sh");
    }
}
