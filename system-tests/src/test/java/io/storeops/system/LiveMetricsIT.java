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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alert rules of {@code deploy/} against what the running system exports. Debian's
 * Prometheus scrapes every service and the console each second with the rule files loaded while orders
 * go through both storefronts, the warehouse and the after-sale desk; then every dashboard query,
 * dashboard variable and rule is evaluated through Prometheus' HTTP API. Each must parse, a dashboard
 * query must return series, and so must every selector of every query and rule on its own, with its
 * own label matchers, its series carrying every label the query groups by or joins on: a metric, label
 * or label value no service exports shows nothing in Grafana and never fires, even when the other side
 * of an {@code or} keeps the panel drawn. And no alert is pending or firing on this healthy system.
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

    private static final List<String> SERVICES =
            List.of("order-service", "fulfillment-service", "refund-service", "analytics-service", "listing-service");
    /**
     * Holds once the after-sale desk's and the warehouse's gauges, counted every 30 s, count this run:
     * the refund asked above what needs no supervisor, the orders waiting in the warehouse. Before,
     * their panels read zeros and the rules on them have not yet seen what the run leaves behind.
     */
    private static final List<String> COUNTING_THIS_RUN =
            List.of("sum(storeops_refund_cases_open{state=\"REQUESTED\"})", "sum(storeops_shipments_in_warehouse)");

    /**
     * Matchers that only a failure satisfies, which a healthy run has none of: a selector with one of
     * them must still match series without it, carrying its label, but no run of this test can show
     * its value exported. Written as the queries write them, so a misspelt one is not among them.
     */
    private static final Set<String> UNSEEN_WHILE_HEALTHY = Set.of(
            // a 5xx answer (Spring's outcome: INFORMATIONAL, SUCCESS, REDIRECTION, CLIENT_ERROR, SERVER_ERROR)
            "http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}",
            // a store command that failed (the MongoDB driver's status: SUCCESS or FAILED)
            "mongodb_driver_commands_seconds_count{status!=\"SUCCESS\"}");

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    private static PrometheusServer prometheus;

    @BeforeAll
    static void prometheusWatchesWhileOrdersFlow() throws IOException {
        Map<String, Integer> jobs = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            jobs.put(SERVICES.get(i), system.servicePorts().get(i));
        }
        // Its panels and its StoreOpsServiceAbsent rule read it: a console whose metrics fail must fail here.
        jobs.put("console", system.consolePort());
        Path workDir = Path.of(System.getProperty("storeops.system-test.dir", "target/system-test"))
                .resolve("prometheus-" + System.currentTimeMillis());
        prometheus = PrometheusServer.start(
                workDir, jobs, DEPLOY.resolve("prometheus").toAbsolutePath().normalize() + "/*.rules.yml");
        // Scraped before the orders too, or a counter is first seen already counting them: no increase, to
        // Prometheus, and the rule on orders no longer arriving would rightly hold.
        prometheus.awaitScrapesOfEveryTarget(2);
        driveOrders();
        prometheus.awaitUntil(
                "the gauges counted on a timer counting this run's orders",
                () -> COUNTING_THIS_RUN.stream()
                        .map(figure -> "\n  " + figure + " = " + query(figure))
                        .collect(Collectors.joining()),
                () -> COUNTING_THIS_RUN.stream()
                        .allMatch(figure -> !query(figure + " > 0").isEmpty()));
        Instant counted = Instant.now();
        prometheus.awaitUntil(
                "evaluating every rule on them",
                () -> rules().allMatch(rule ->
                        Instant.parse(rule.path("lastEvaluation").asString()).isAfter(counted)));
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
    void everyDashboardQueryParsesReturnsSeriesAndReadsOnlyExportedMetricsLabelsAndValues() throws IOException {
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
        assertThat(problems)
                .as("%d problems in %d queries", problems.size(), queries)
                .isEmpty();
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
    void everyRuleParsesEvaluatesAndReadsOnlyExportedMetricsLabelsAndValues() {
        List<String> problems = new ArrayList<>();
        List<JsonNode> rules = rules().toList();
        for (JsonNode rule : rules) {
            String where =
                    rule.path("name").asString() + " " + rule.path("query").asString();
            if (!"ok".equals(rule.path("health").asString())) {
                problems.add(where + " is " + rule.path("health").asString() + ": "
                        + rule.path("lastError").asString());
            }
            // A recording rule records what it returns; an alert's expression returns nothing while all is
            // well, which its state tells (noAlertIsPendingOrFiringWhileAllIsWell).
            problems.addAll(problemsOf(
                    where,
                    rule.path("query").asString(),
                    "recording".equals(rule.path("type").asString())));
        }

        assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
        assertThat(problems)
                .as("%d problems in %d rules", problems.size(), rules.size())
                .isEmpty();
    }

    /**
     * Orders flow, every service is up and nothing is stuck: an alert pending now (its expression
     * holds, its {@code for} not yet over) would page or open a ticket on a healthy system, and one
     * that always holds (an {@code absent()} of a job no scrape has) hides the day it should fire.
     */
    @Test
    void noAlertIsPendingOrFiringWhileAllIsWell() {
        List<JsonNode> alerting = rules().filter(
                        rule -> "alerting".equals(rule.path("type").asString()))
                .toList();
        List<String> raised = alerting.stream()
                .filter(rule -> !"inactive".equals(rule.path("state").asString()))
                .map(rule -> rule.path("name").asString() + " is "
                        + rule.path("state").asString() + " for "
                        + rule.path("alerts")
                                .valueStream()
                                .map(alert -> alert.path("labels") + " = "
                                        + alert.path("value").asString())
                                .toList()
                        + ": " + rule.path("query").asString())
                .toList();

        assertThat(alerting).hasSizeGreaterThanOrEqualTo(8);
        assertThat(raised)
                .as("alerts raised while orders flow and every service is up")
                .isEmpty();
    }

    /**
     * What is wrong with {@code query}, evaluated now: one line per problem, none when all is right.
     * Beside the whole, each of its selectors is asked on its own, with its own matchers: a misspelt
     * label value leaves a selector without series even where the query as a whole still answers, as
     * one side of an {@code or} does for the other.
     */
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
            problemsOf(selector).forEach(problem -> problems.add(where + ": " + problem));
        }
        return problems;
    }

    /**
     * What is wrong with {@code selector}: it matches no series, some of its series lack a label the
     * query groups, joins or matches by, or one of its {@code !=}/{@code !~} matchers excludes
     * nothing (what it names never occurs: a misspelling, which would otherwise widen the query).
     */
    private static List<String> problemsOf(PromQl.Selector selector) {
        List<JsonNode> series = series(selector.text());
        if (series.isEmpty()) {
            series = series(selector.onlyMatching(matcher -> !UNSEEN_WHILE_HEALTHY.contains(selector.only(matcher)))
                    .text());
        }
        if (series.isEmpty()) {
            return List.of(whyNothingMatches(selector));
        }
        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        series.forEach(one ->
                selector.labels().stream().filter(label -> !one.has(label)).forEach(missing::add));
        if (!missing.isEmpty()) {
            problems.add(selector.text() + " has series without " + missing);
        }
        for (PromQl.LabelMatcher matcher : selector.matchers()) {
            if (matcher.excludes() && series(selector.textIncluding(matcher)).isEmpty()) {
                problems.add(matcher + " excludes nothing: " + absent(selector.metric(), matcher.included()));
            }
        }
        return problems;
    }

    /** Which of {@code selector}'s matchers leave it without series, or that the metric itself has none. */
    private static String whyNothingMatches(PromQl.Selector selector) {
        if (series(selector.metric()).isEmpty()) {
            return "no service exports " + selector.metric();
        }
        List<String> culprits = selector.matchers().stream()
                .filter(matcher -> series(selector.only(matcher)).isEmpty())
                .map(matcher -> absent(selector.metric(), matcher))
                .toList();
        return selector.text() + " matches no series: "
                + (culprits.isEmpty() ? "each matcher matches some, but not together" : String.join("; ", culprits));
    }

    /** That {@code matcher} matches no series of {@code metric}, and what its label's values are. */
    private static String absent(String metric, PromQl.LabelMatcher matcher) {
        return "no series of " + metric + " has " + matcher + ", its " + matcher.label() + " values are "
                + prometheus
                        .api("label/" + matcher.label() + "/values", "match[]", metric)
                        .path("data");
    }

    /** The series {@code selector} matches, their label names and values, over all this run. */
    private static List<JsonNode> series(String selector) {
        JsonNode answer = prometheus.api("series", "match[]", selector);
        if (!"success".equals(answer.path("status").asString())) {
            throw new IllegalStateException(
                    selector + ": " + answer.path("error").asString());
        }
        return answer.path("data").valueStream().toList();
    }

    private static JsonNode query(String query) {
        return prometheus.api("query", "query", query).path("data").path("result");
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
     * The vector selectors of a PromQL expression, on either side of every operator ({@code or},
     * {@code and}, {@code unless} included), each with its matchers and with the labels the expression
     * needs its series to carry: those it matches on, and those of every {@code by}, {@code without},
     * {@code on}, {@code ignoring} and {@code group_left}/{@code group_right} whose operands it is in. A small
     * recursive descent over PromQL's operator precedence; Prometheus has already parsed the
     * expression, so this only has to read valid ones.
     */
    static final class PromQl {

        /**
         * A vector selector: its metric, its label matchers, and the labels the expression needs its
         * series to carry.
         */
        record Selector(String metric, List<LabelMatcher> matchers, Set<String> labels) {

            /** As PromQL writes it, to be asked on its own. */
            String text() {
                return text(matchers);
            }

            /** The same with only the matchers that pass {@code keep}. */
            Selector onlyMatching(Predicate<LabelMatcher> keep) {
                return new Selector(metric, matchers.stream().filter(keep).toList(), labels);
            }

            /** Its metric with {@code matcher} alone, as PromQL writes it. */
            String only(LabelMatcher matcher) {
                return onlyMatching(matcher::equals).text();
            }

            /** The same, but {@code excluding} matching what it excludes. */
            String textIncluding(LabelMatcher excluding) {
                return text(matchers.stream()
                        .map(matcher -> matcher.equals(excluding) ? matcher.included() : matcher)
                        .toList());
            }

            private String text(List<LabelMatcher> matchers) {
                return matchers.isEmpty()
                        ? metric
                        : metric
                                + matchers.stream()
                                        .map(LabelMatcher::toString)
                                        .collect(Collectors.joining(",", "{", "}"));
            }
        }

        /** {@code label operator value}, the value a PromQL string literal as written. */
        record LabelMatcher(String label, String operator, String value) {

            boolean excludes() {
                return operator.startsWith("!");
            }

            /** {@code !=} as {@code =}, {@code !~} as {@code =~}. */
            LabelMatcher included() {
                return new LabelMatcher(label, operator.equals("!=") ? "=" : "=~", value);
            }

            @Override
            public String toString() {
                return label + operator + value;
            }
        }

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
            List<LabelMatcher> matchers = new ArrayList<>();
            if (accept("{")) {
                while (!accept("}")) {
                    String label = take();
                    String operator = take();
                    matchers.add(new LabelMatcher(label, operator, take()));
                    accept(",");
                }
            }
            Set<String> labels = matchers.stream()
                    .map(LabelMatcher::label)
                    .filter(label -> !label.equals("__name__"))
                    .collect(Collectors.toCollection(HashSet::new));
            return List.of(new Selector(token, List.copyOf(matchers), labels));
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
