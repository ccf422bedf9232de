package io.storeops.system;

import static io.storeops.system.StandaloneSystem.json;
import static io.storeops.system.StandaloneSystem.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alert rules of {@code deploy/} against what the running system exports. Orders
 * go through both storefronts, the warehouse and the after-sale desk; Debian's Prometheus scrapes every
 * service (and the console) each second with the rule files loaded; then every dashboard query,
 * dashboard variable and rule is evaluated through Prometheus' HTTP API. Each must parse. A dashboard
 * query must return series (an alert's expression returns none while all is well). And every metric a
 * query names must be exported, carrying every label the query matches on, groups by or joins on: a
 * query about a metric or label no service exports shows nothing in Grafana and never fires.
 */
class LiveMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final String NUMBER = "T20261130-0702";
    private static final String ORDER = "tmall-flagship:" + NUMBER;
    /** Grafana's own variables, replaced by what Grafana would put there for a few minutes' view. */
    private static final Map<String, String> GRAFANA_VARIABLES =
            Map.of("__rate_interval", "1m", "__interval", "1m", "__range", "5m");
    /** {@code $name}, {@code ${name}} or {@code ${name:format}}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)(?::\\w+)?}?");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\s*\\)");

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    private static PrometheusServer prometheus;
    /** Each metric's label names over the series exported so far, asked once per metric. */
    private static final Map<String, Set<String>> LABELS = new ConcurrentHashMap<>();

    @BeforeAll
    static void ordersFlowAndPrometheusScrapesEveryService() throws IOException {
        driveOrders();
        Map<String, Integer> jobs = new LinkedHashMap<>();
        List<String> services = List.of(
                "order-service", "fulfillment-service", "refund-service", "analytics-service", "listing-service");
        for (int i = 0; i < services.size(); i++) {
            jobs.put(services.get(i), system.servicePorts().get(i));
        }
        // The console's metrics came later than the services'; a console without them is not this test's subject.
        if (status(system.get(system.consolePort(), "/actuator/prometheus", null)) == 200) {
            jobs.put("console", system.consolePort());
        }
        Path workDir = Path.of(System.getProperty("storeops.system-test.dir", "target/system-test"))
                .resolve("prometheus-" + System.currentTimeMillis());
        prometheus = PrometheusServer.start(
                workDir, jobs, DEPLOY.resolve("prometheus").toAbsolutePath().normalize() + "/*.rules.yml");
        Instant started = Instant.now();
        prometheus.awaitScrapesOfEveryTarget(5);
        prometheus.awaitUntil(
                "evaluating every rule",
                () -> rules().allMatch(rule ->
                        Instant.parse(rule.path("lastEvaluation").asString()).isAfter(started)));
    }

    /**
     * A paid order held for review (the buyer's note), one dispatched and then asked a refund of
     * (above the amount refunds need no supervisor for), a Shopify order, and a forged delivery.
     */
    private static void driveOrders() throws IOException {
        URI orders = system.uri(system.orderPort(), "/");
        assertThat(status(system.send(Storefronts.nativeOrderPaid(
                        orders, "live-evt-1", Storefronts.nativeOrder("T20261130-0701"), Storefronts.TMALL_SECRET))))
                .isEqualTo(200);
        String withoutNote = Storefronts.nativeOrder(NUMBER).replace("\"buyerNote\":\"请发顺丰\",", "");
        assertThat(status(system.send(
                        Storefronts.nativeOrderPaid(orders, "live-evt-2", withoutNote, Storefronts.TMALL_SECRET))))
                .isEqualTo(200);
        assertThat(json(system.send(Storefronts.shopifyOrderPaid(
                                orders, "live-shopify-1", Storefronts.shopifyOrder(7_770_001L))))
                        .get("status")
                        .asString())
                .isEqualTo("accepted");
        assertThat(status(system.send(Storefronts.nativeOrderPaid(
                        orders, "live-evt-3", Storefronts.nativeOrder("T20261130-0703"), "not-the-secret"))))
                .isEqualTo(401);

        String warehouse = system.token("WAREHOUSE");
        await().atMost(PATIENCE)
                .until(() -> system.get(system.fulfillmentPort(), "/api/shipments/shp-" + ORDER, warehouse)
                        .body()
                        .contains("\"status\":\"READY\""));
        assertThat(status(system.postJson(
                        system.fulfillmentPort(),
                        "/api/shipments/shp-" + ORDER + "/dispatch",
                        warehouse,
                        "{\"carrier\":\"SF\",\"trackingNumber\":\"SF2026113000702\",\"accessoriesChecked\":true}")))
                .isEqualTo(200);

        String manager = system.token("MANAGER");
        await().atMost(PATIENCE)
                .until(() -> status(system.get(system.refundPort(), "/api/refund-ledgers/" + ORDER, manager)) == 200);
        String request = """
                {"refundId":"TB-RF-0702","orderId":"%s","type":"REFUND_ONLY","reason":"发货慢","goodsReceived":false,
                 "lines":[{"lineIndex":0,"amountMinor":2000}]}""".formatted(NUMBER);
        assertThat(status(system.send(Storefronts.tmallDelivery(
                        system.uri(system.refundPort(), "/"),
                        "refund.requested",
                        "live-rf-1",
                        request,
                        Storefronts.TMALL_SECRET))))
                .isEqualTo(200);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void everyDashboardQueryParsesReturnsSeriesAndReadsOnlyExportedMetricsAndLabels() throws IOException {
        List<String> problems = new ArrayList<>();
        int queries = 0;
        for (Path file : dashboards()) {
            JsonNode dashboard = EventJson.mapper().readTree(file.toFile());
            for (JsonNode target : dashboard.findValues("targets").stream()
                    .flatMap(JsonNode::valueStream)
                    .toList()) {
                queries++;
                String where = file.getFileName() + " " + target.path("refId").asString() + " "
                        + target.path("expr").asString();
                problems.addAll(
                        problemsOf(where, withVariables(target.path("expr").asString()), true));
            }
        }

        assertThat(queries).isGreaterThan(40);
        assertThat(problems).as("%d of %d queries", problems.size(), queries).isEmpty();
    }

    @Test
    void everyDashboardVariableFindsValues() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : dashboards()) {
            for (JsonNode variable : EventJson.mapper()
                    .readTree(file.toFile())
                    .path("templating")
                    .path("list")) {
                if (!"query".equals(variable.path("type").asString())) {
                    continue;
                }
                String definition = variable.path("definition").asString();
                Matcher labelValues = LABEL_VALUES.matcher(definition);
                if (!labelValues.matches()) {
                    problems.add(
                            file.getFileName() + " $" + variable.path("name").asString()
                                    + " is not a label_values(selector, label) query: " + definition);
                    continue;
                }
                JsonNode values = prometheus.api(
                        "label/" + labelValues.group(2) + "/values", "match[]", withVariables(labelValues.group(1)));
                if (values.path("data").isEmpty()) {
                    problems.add(file.getFileName() + " $"
                            + variable.path("name").asString() + " offers nothing: " + definition + " " + values);
                }
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void everyRuleParsesEvaluatesAndReadsOnlyExportedMetricsAndLabels() {
        List<String> problems = new ArrayList<>();
        List<JsonNode> rules = rules().toList();
        for (JsonNode rule : rules) {
            String where =
                    rule.path("name").asString() + " " + rule.path("query").asString();
            if (!"ok".equals(rule.path("health").asString())) {
                problems.add(where + " is " + rule.path("health").asString() + ": "
                        + rule.path("lastError").asString());
            }
            // A recording rule records what it returns; an alert returns nothing while all is well.
            problems.addAll(problemsOf(
                    where,
                    rule.path("query").asString(),
                    "recording".equals(rule.path("type").asString())));
        }

        assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
        assertThat(problems).as("%d of %d rules", problems.size(), rules.size()).isEmpty();
    }

    /** What is wrong with {@code query}, evaluated now: one line per problem, none when all is right. */
    private static List<String> problemsOf(String where, String query, boolean returnsSeries) {
        JsonNode answer = prometheus.api("query", "query", query);
        if (!"success".equals(answer.path("status").asString())) {
            return List.of(where + ": " + answer.path("error").asString());
        }
        List<String> problems = new ArrayList<>();
        if (returnsSeries && answer.path("data").path("result").isEmpty()) {
            problems.add(where + ": returns no series");
        }
        for (PromQl.Selector selector : PromQl.selectors(query)) {
            Set<String> exported = LABELS.computeIfAbsent(selector.metric(), LiveMetricsIT::exportedLabels);
            if (exported.isEmpty()) {
                problems.add(where + ": no service exports " + selector.metric());
            } else if (!exported.containsAll(selector.labels())) {
                Set<String> missing = new TreeSet<>(selector.labels());
                missing.removeAll(exported);
                problems.add(where + ": " + selector.metric() + " has no label " + missing);
            }
        }
        return problems;
    }

    /** The label names {@code metric}'s series carry, any of them: empty when it has none. */
    private static Set<String> exportedLabels(String metric) {
        Set<String> labels = new HashSet<>();
        prometheus
                .api(
                        "series",
                        "match[]",
                        metric,
                        "start",
                        String.valueOf(
                                Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond()))
                .path("data")
                .forEach(series -> labels.addAll(series.propertyNames()));
        return labels;
    }

    private static Stream<JsonNode> rules() {
        return prometheus
                .api("rules")
                .path("data")
                .path("groups")
                .valueStream()
                .flatMap(group -> group.path("rules").valueStream());
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY.resolve("grafana").resolve("dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * {@code expr} as Grafana sends it with every store, service or instance chosen: its own variables
     * as durations, the dashboard's (always in a regex matcher) as {@code .+}.
     */
    private static String withVariables(String expr) {
        return VARIABLE.matcher(expr)
                .replaceAll(
                        variable -> Matcher.quoteReplacement(GRAFANA_VARIABLES.getOrDefault(variable.group(1), ".+")));
    }

    /**
     * The metric selectors of a PromQL expression, each with the labels the expression needs its series
     * to carry: those it matches on, and those of every {@code by}, {@code without}, {@code on},
     * {@code ignoring} and {@code group_left}/{@code group_right} whose operands it is in. A small
     * recursive descent over PromQL's operator precedence; Prometheus has already parsed the
     * expression, so this only has to read valid ones.
     */
    static final class PromQl {

        record Selector(String metric, Set<String> labels) {}

        private static final Pattern TOKEN = Pattern.compile("\\s*(?:"
                + "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`" // strings
                + "|\\[[^\\]]*]" // ranges and subqueries
                + "|0x[0-9a-fA-F]+|(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?(?:(?:ms|[smhdwy])(?:\\d+(?:ms|[smhdwy]))*)?"
                + "|[A-Za-z_:][\\w:]*" // names and keywords
                + "|==|!=|>=|<=|=~|!~|[-+*/%^<>=(){},@])");
        /** Binary operators from the loosest to the tightest. */
        private static final List<Set<String>> PRECEDENCE = List.of(
                Set.of("or"),
                Set.of("and", "unless"),
                Set.of("==", "!=", ">=", "<=", ">", "<"),
                Set.of("+", "-"),
                Set.of("*", "/", "%", "atan2"),
                Set.of("^"));

        private static final Set<String> AGGREGATIONS = Set.of(
                "sum",
                "min",
                "max",
                "avg",
                "group",
                "stddev",
                "stdvar",
                "count",
                "count_values",
                "bottomk",
                "topk",
                "quantile");

        private final List<String> tokens = new ArrayList<>();
        private int next;

        private PromQl(String expr) {
            Matcher token = TOKEN.matcher(expr.strip());
            int at = 0;
            while (at < expr.strip().length()) {
                if (!token.region(at, expr.strip().length()).lookingAt()) {
                    throw new IllegalArgumentException("unreadable at " + at + ": " + expr);
                }
                tokens.add(token.group().strip());
                at = token.end();
            }
        }

        static List<Selector> selectors(String expr) {
            PromQl reader = new PromQl(expr);
            List<Selector> selectors = reader.binary(0);
            if (reader.next != reader.tokens.size()) {
                throw new IllegalArgumentException("unread from " + reader.peek() + ": " + expr);
            }
            return selectors;
        }

        private List<Selector> binary(int level) {
            if (level == PRECEDENCE.size()) {
                return unary();
            }
            List<Selector> left = binary(level + 1);
            while (PRECEDENCE.get(level).contains(peek().toLowerCase(Locale.ROOT))) {
                next++;
                accept("bool");
                Set<String> matching = accept("on") || accept("ignoring") ? labelList() : Set.of();
                String grouping = peek().toLowerCase(Locale.ROOT);
                Set<String> included = Set.of();
                if (accept("group_left") || accept("group_right")) {
                    included = "(".equals(peek()) ? labelList() : Set.of();
                }
                List<Selector> right = binary(level + 1);
                need(left, matching);
                need(right, matching);
                // the labels group_left copies come from the right-hand side, and the other way round
                need(
                        "group_left".equals(grouping) ? right : "group_right".equals(grouping) ? left : List.of(),
                        included);
                left = Stream.concat(left.stream(), right.stream()).toList();
            }
            return left;
        }

        private List<Selector> unary() {
            return accept("-") || accept("+") ? unary() : postfix(primary());
        }

        private List<Selector> postfix(List<Selector> selectors) {
            while (true) {
                if (peek().startsWith("[")) {
                    next++;
                } else if (accept("offset")) {
                    accept("-");
                    next++;
                } else if (accept("@")) {
                    if (!take().matches("[\\d.].*")) { // start() or end()
                        next += 2;
                    }
                } else {
                    return selectors;
                }
            }
        }

        private List<Selector> primary() {
            String token = take();
            if (token.equals("(")) {
                List<Selector> inner = binary(0);
                expect(")");
                return inner;
            }
            if (!token.matches("[A-Za-z_:][\\w:]*") || token.matches("(?i)nan|inf")) {
                return List.of(); // a number or a string
            }
            String name = token.toLowerCase(Locale.ROOT);
            if (AGGREGATIONS.contains(name) && (peek().equals("(") || peek().matches("(?i)by|without"))) {
                Set<String> grouping = accept("by") || accept("without") ? labelList() : Set.of();
                List<Selector> operands = arguments();
                if (accept("by") || accept("without")) {
                    grouping = labelList();
                }
                need(operands, grouping);
                return operands;
            }
            if (peek().equals("(")) {
                return arguments();
            }
            Set<String> matchers = new HashSet<>();
            if (accept("{")) {
                while (!accept("}")) {
                    matchers.add(take());
                    next += 2; // the operator and the value
                    accept(",");
                }
            }
            matchers.remove("__name__");
            return List.of(new Selector(token, matchers));
        }

        private List<Selector> arguments() {
            expect("(");
            List<Selector> selectors = new ArrayList<>();
            while (!accept(")")) {
                selectors.addAll(binary(0));
                accept(",");
            }
            return selectors;
        }

        private Set<String> labelList() {
            expect("(");
            Set<String> labels = new HashSet<>();
            while (!accept(")")) {
                labels.add(take());
                accept(",");
            }
            return labels;
        }

        private static void need(List<Selector> selectors, Set<String> labels) {
            selectors.forEach(selector -> selector.labels().addAll(labels));
        }

        private String peek() {
            return next < tokens.size() ? tokens.get(next) : "";
        }

        private String take() {
            if (next >= tokens.size()) {
                throw new IllegalArgumentException("ends early: " + String.join(" ", tokens));
            }
            return tokens.get(next++);
        }

        private boolean accept(String token) {
            if (peek().equalsIgnoreCase(token)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!accept(token)) {
                throw new IllegalArgumentException(
                        "expected " + token + " at " + peek() + ": " + String.join(" ", tokens));
            }
        }
    }
}
