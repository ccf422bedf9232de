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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The alert rules as Prometheus reads them (promtool checks them and runs their unit tests, as CI
 * does), each with a test that fires it and one that does not, a severity and a runbook, and none
 * grouping by an id or summing a gauge every instance reports alike.
 */
class AlertRulesTest {

    private static final Set<String> SEVERITIES = Set.of("page", "ticket");
    private static final String RUNBOOK = "docs/operations.md#";

    @Test
    void promtoolFindsEveryRuleFileValid() {
        List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
        MonitoringAsCode.ruleFiles().forEach(file -> command.add(file.toString()));

        assertThat(MonitoringAsCode.ruleFiles()).isNotEmpty();
        assertPromtoolSucceeds(command);
    }

    @Test
    void everyUnitTestOfTheRulesPasses() {
        List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
        MonitoringAsCode.ruleTestFiles().forEach(file -> command.add(file.toString()));

        assertThat(MonitoringAsCode.ruleTestFiles()).isNotEmpty();
        assertPromtoolSucceeds(command);
    }

    @Test
    void everyAlertHasATestThatFiresItAndOneWhereItStaysQuiet() {
        Set<String> fired = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Path file : MonitoringAsCode.ruleTestFiles()) {
            for (Object test : list(MonitoringAsCode.yaml(file).get("tests"))) {
                for (Object expectation : list(map(test).get("alert_rule_test"))) {
                    String alert = String.valueOf(map(expectation).get("alertname"));
                    (list(map(expectation).get("exp_alerts")).isEmpty() ? quiet : fired).add(alert);
                }
            }
        }
        Set<String> alerts = new TreeSet<>();
        MonitoringAsCode.rules().stream().filter(Rule::isAlert).forEach(rule -> alerts.add(rule.name()));

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);
        assertThat(fired).as("alerts a test fires").containsAll(alerts);
        assertThat(quiet).as("alerts a test expects not to fire").containsAll(alerts);
        assertThat(alerts)
                .as("a test of an alert no rule defines expects nothing and passes")
                .containsAll(fired)
                .containsAll(quiet);
    }

    @Test
    void everyAlertSaysWhoActsWhatHappenedAndWhereItsRunbookIs() throws IOException {
        List<String> guideHeadings = Files.readAllLines(Path.of("..", "docs", "operations.md"));
        List<String> wrong = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Rule rule : MonitoringAsCode.rules()) {
            if (!rule.isAlert()) {
                continue;
            }
            String where = rule.file().getFileName() + " " + rule.name();
            if (!names.add(rule.name())) {
                wrong.add(where + " is defined twice");
            }
            if (!SEVERITIES.contains(String.valueOf(rule.labels().get("severity")))) {
                wrong.add(where + " has severity " + rule.labels().get("severity") + ", not one of " + SEVERITIES);
            }
            Map<String, Object> annotations = rule.annotations();
            for (String annotation : List.of("summary", "description")) {
                if (String.valueOf(annotations.getOrDefault(annotation, "")).isBlank()) {
                    wrong.add(where + " has no " + annotation);
                }
            }
            String runbook = RUNBOOK + rule.name().toLowerCase(Locale.ROOT);
            if (!runbook.equals(annotations.get("runbook_url"))) {
                wrong.add(where + " has runbook_url " + annotations.get("runbook_url") + ", not " + runbook);
            }
            // the anchor GitHub makes of the heading `### <alert name>`
            if (!guideHeadings.contains("### " + rule.name())) {
                wrong.add(where + "'s runbook entry `### " + rule.name() + "` is missing from docs/operations.md");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noRuleGroupsByAnIdOrSumsAGaugeEveryInstanceReportsAlike() {
        List<String> broken = new ArrayList<>();
        MonitoringAsCode.rules().forEach(rule -> broken.addAll(MonitoringAsCode.conventionsBroken(rule.query())));

        assertThat(broken).isEmpty();
    }

    private static void assertPromtoolSucceeds(List<String> command) {
        ToolRun promtool = ToolRun.run(command, "Debian's prometheus package has it (.ci/run installs it)");

        assertThat(promtool.exitCode()).as("%s", promtool).isZero();
    }
}
