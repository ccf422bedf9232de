package io.storeops.deploy;

import static io.storeops.deploy.MonitoringAsCode.dashboard;
import static io.storeops.deploy.MonitoringAsCode.dashboardFiles;
import static io.storeops.deploy.MonitoringAsCode.panels;
import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.deploy.MonitoringAsCode.Query;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The Grafana dashboards as a file provider loads them: each under a stable uid, every query through
 * the Prometheus chosen in the {@code datasource} variable, variables used the way Grafana expands
 * them, and no query grouping by an id or summing a gauge every instance reports alike. Whether the
 * queries find what the services export is {@code LiveMetricsIT}'s question.
 */
class DashboardsTest {

    private static final String DATASOURCE = "${datasource}";
    private static final String STORES = "label_values(storeops_orders_received_total, store)";
    /** {@code $name}, {@code ${name}} or {@code ${name:format}}; Grafana's own ({@code $__range}) start with two underscores. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)(?::\\w+)?}?");

    private static final Pattern REGEX_MATCHER = Pattern.compile("[=!]~\\s*\"[^\"]*\"");

    @Test
    void theFourDashboardsHaveStableUidsNamedLikeTheirFiles() {
        Map<String, Path> byUid = new TreeMap<>();
        Set<String> titles = new HashSet<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = dashboard(file);
            String uid = dashboard.path("uid").asString();
            assertThat(byUid.put(uid, file))
                    .as("uid %s of %s is taken", uid, file)
                    .isNull();
            assertThat(file.getFileName()).as("the file of uid %s", uid).hasToString(uid + ".json");
            assertThat(titles.add(dashboard.path("title").asString()))
                    .as("title of %s", file)
                    .isTrue();
            assertThat(dashboard.path("id").isMissingNode()
                            || dashboard.path("id").isNull())
                    .as("%s carries no database id: provisioning assigns one", file)
                    .isTrue();
        }
        assertThat(byUid)
                .containsOnlyKeys("storeops-operations", "storeops-pipeline", "storeops-promotion", "storeops-runtime");
    }

    @Test
    void panelIdsAreUniqueWithinEachDashboard() {
        for (Path file : dashboardFiles()) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels(dashboard(file))) {
                assertThat(panel.path("id").isInt())
                        .as("%s panel %s has an id", file, panel.path("title"))
                        .isTrue();
                assertThat(ids.add(panel.path("id").asInt()))
                        .as("%s: panel id %s is used twice", file, panel.path("id"))
                        .isTrue();
            }
        }
    }

    @Test
    void everyPanelQueriesThePrometheusOfTheDatasourceVariable() {
        List<String> wrong = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = dashboard(file);
            JsonNode datasource = variable(dashboard, "datasource");
            if (!"datasource".equals(datasource.path("type").asString())
                    || !"prometheus".equals(datasource.path("query").asString())) {
                wrong.add(file + ": no datasource variable of type datasource, query prometheus");
            }
            for (JsonNode panel : panels(dashboard)) {
                if ("row".equals(panel.path("type").asString())) {
                    continue;
                }
                String where =
                        file.getFileName() + " panel \"" + panel.path("title").asString() + "\"";
                if (!isTheVariable(panel.path("datasource"))) {
                    wrong.add(where + " has datasource " + panel.path("datasource"));
                }
                if (panel.path("targets").isEmpty()) {
                    wrong.add(where + " has no query");
                }
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    if (!isTheVariable(target.path("datasource"))) {
                        wrong.add(where + " " + target.path("refId").asString() + " has datasource "
                                + target.path("datasource"));
                    }
                    if (target.path("expr").asString("").isBlank()) {
                        wrong.add(where + " " + target.path("refId").asString() + " has no expr");
                    }
                    if (!refIds.add(target.path("refId").asString())) {
                        wrong.add(where + " uses refId " + target.path("refId").asString() + " twice");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A multi-value variable expands to {@code (a|b)}, which only a regex matcher reads as either; a
     * variable nobody defined stays {@code $name} and matches nothing.
     */
    @Test
    void queriesUseOnlyDefinedVariablesAndEachInsideARegexMatcher() {
        List<String> wrong = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = dashboard(file);
            for (Query query : MonitoringAsCode.dashboardQueries(file)) {
                for (String name : userVariables(query.expr())) {
                    if (variable(dashboard, name).isMissingNode()) {
                        wrong.add(query.where() + " uses $" + name + ", which the dashboard does not define");
                    }
                }
                Set<String> outsideRegex =
                        userVariables(REGEX_MATCHER.matcher(query.expr()).replaceAll(""));
                if (!outsideRegex.isEmpty()) {
                    wrong.add(query.where() + " uses " + outsideRegex + " outside a =~ matcher");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aDashboardThatFiltersByStoreOffersEveryStoreTheServicesCount() {
        int filtering = 0;
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = dashboard(file);
            if (MonitoringAsCode.dashboardQueries(file).stream()
                    .noneMatch(query -> userVariables(query.expr()).contains("store"))) {
                continue;
            }
            filtering++;
            JsonNode store = variable(dashboard, "store");
            assertThat(store.path("type").asString())
                    .as("%s store variable", file)
                    .isEqualTo("query");
            assertThat(isTheVariable(store.path("datasource")))
                    .as("%s store variable's datasource", file)
                    .isTrue();
            assertThat(List.of(
                            store.path("definition").asString(""),
                            store.path("query").path("query").asString("")))
                    .as("%s store variable's query", file)
                    .containsOnly(STORES);
            assertThat(store.path("multi").asBoolean())
                    .as("%s: several stores at once", file)
                    .isTrue();
            assertThat(store.path("includeAll").asBoolean())
                    .as("%s: all stores", file)
                    .isTrue();
        }
        assertThat(filtering).as("Operations and Promotion are per store").isGreaterThanOrEqualTo(2);
    }

    @Test
    void noQueryGroupsByAnIdOrSumsAGaugeEveryInstanceReportsAlike() {
        List<String> broken = new ArrayList<>();
        List<Query> queries = MonitoringAsCode.dashboardQueries();
        queries.forEach(query -> broken.addAll(MonitoringAsCode.conventionsBroken(query)));

        assertThat(queries).hasSizeGreaterThan(40);
        assertThat(broken).isEmpty();
    }

    private static Set<String> userVariables(String expr) {
        Set<String> names = new HashSet<>();
        Matcher variables = VARIABLE.matcher(expr);
        while (variables.find()) {
            if (!variables.group(1).startsWith("__")) {
                names.add(variables.group(1));
            }
        }
        return names;
    }

    private static JsonNode variable(JsonNode dashboard, String name) {
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (name.equals(variable.path("name").asString())) {
                return variable;
            }
        }
        return MissingNode.getInstance();
    }

    private static boolean isTheVariable(JsonNode datasource) {
        return "prometheus".equals(datasource.path("type").asString())
                && DATASOURCE.equals(datasource.path("uid").asString());
    }
}
