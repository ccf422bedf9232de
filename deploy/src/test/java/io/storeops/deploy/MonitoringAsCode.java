package io.storeops.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboards and Prometheus rules of {@code deploy/} as files, and two conventions every
 * query in them keeps, read from the query's text: it never groups by an id, and it aggregates each
 * StoreOps gauge over instances the way the README's "Metrics" section says.
 *
 * <p>Only the text is read here, never a PromQL parse tree: the system test {@code LiveMetricsIT} parses
 * the same queries and has Prometheus evaluate them against a running system.
 */
final class MonitoringAsCode {

    static final Path DASHBOARDS = Path.of("grafana", "dashboards");
    static final Path PROMETHEUS = Path.of("prometheus");
    static final Path RULE_TESTS = PROMETHEUS.resolve("tests");

    /**
     * Gauges that count a service's whole database or its configuration (or, for the outbox's oldest
     * entry and the binder's group lag, that every instance reports for what it sees of the whole):
     * every instance shows the same value, so a sum over instances would multiply it.
     */
    static final Set<String> MAX_OVER_INSTANCES = Set.of(
            "storeops_outbox_oldest_age_seconds",
            "storeops_outbox_parked",
            "storeops_review_queue_length",
            "storeops_review_queue_oldest_age_seconds",
            "storeops_stockout_queue_length",
            "storeops_stockout_queue_oldest_age_seconds",
            "storeops_reviews_low_waiting",
            "storeops_shipments_in_warehouse",
            "storeops_dispatch_batch_open_shipments",
            "storeops_dispatch_batch_open_age_seconds",
            "storeops_dispatch_next_cutoff_seconds",
            "storeops_shipment_exceptions_open",
            "storeops_shipment_exceptions_oldest_age_seconds",
            "storeops_returns_awaited",
            "storeops_refund_cases_open",
            "storeops_refund_cases_oldest_age_seconds",
            "storeops_refund_deadlines_overdue",
            "storeops_listing_products",
            "storeops_sales_orders",
            "storeops_sales_gmv_minor",
            "storeops_sales_refunded_minor",
            "storeops_promotion_spend_minor",
            "storeops_sales_target_minor",
            "storeops_store_open",
            "spring_cloud_stream_binder_kafka_offset");

    /** Gauges of what one instance holds: the service's figure is their sum. */
    static final Set<String> SUM_OVER_INSTANCES = Set.of("storeops_outbox_pending");

    /** Label names that would make a series per order, buyer, SKU, shipment, case, product or client. */
    static final Pattern HIGH_CARDINALITY =
            Pattern.compile("(?i).*(order|buyer|sku|shipment|case|product|tracking|customer|email|phone).*|id|.*_id");

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
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern STOREOPS_GAUGE =
            Pattern.compile("(?<![\\w:])(storeops_\\w+|spring_cloud_stream_binder_kafka_offset)(?![\\w:])");
    private static final Pattern NOT_A_GAUGE = Pattern.compile(".*_(total|count|sum|max|bucket)");
    /** An aggregation with its clause between the operator and its parenthesis: {@code max by (store) (}. */
    private static final Pattern OPERATOR_WITH_CLAUSE_AT_END =
            Pattern.compile("([A-Za-z_]\\w*)\\s*(?:by|without)\\s*\\([^()]*\\)\\s*$");

    private static final Pattern WORD_AT_END = Pattern.compile("([A-Za-z_]\\w*)\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A query and where it is written, for messages. */
    record Query(String where, String expr) {}

    /** An alerting or recording rule as its file writes it. */
    record Rule(Path file, String group, Map<String, Object> definition) {

        boolean isAlert() {
            return definition.containsKey("alert");
        }

        String name() {
            return String.valueOf(isAlert() ? definition.get("alert") : definition.get("record"));
        }

        String expr() {
            return String.valueOf(definition.get("expr"));
        }

        Map<String, Object> labels() {
            return map(definition.get("labels"));
        }

        Map<String, Object> annotations() {
            return map(definition.get("annotations"));
        }

        Query query() {
            return new Query(file.getFileName() + " " + name(), expr());
        }
    }

    private MonitoringAsCode() {}

    static List<Path> dashboardFiles() {
        return list(DASHBOARDS, ".json");
    }

    static JsonNode dashboard(Path file) {
        return JSON.readTree(file.toFile());
    }

    /** Every panel, those inside rows included; rows themselves too. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static List<Query> dashboardQueries() {
        return dashboardFiles().stream()
                .flatMap(file -> dashboardQueries(file).stream())
                .toList();
    }

    static List<Query> dashboardQueries(Path file) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard(file))) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(
                        file.getFileName() + " panel \"" + panel.path("title").asString() + "\" "
                                + target.path("refId").asString(),
                        target.path("expr").asString()));
            }
        }
        return queries;
    }

    static List<Path> ruleFiles() {
        return list(PROMETHEUS, ".rules.yml");
    }

    static List<Path> ruleTestFiles() {
        return list(RULE_TESTS, ".test.yml");
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (Object group : list(yaml(file).get("groups"))) {
                for (Object rule : list(map(group).get("rules"))) {
                    rules.add(new Rule(file, String.valueOf(map(group).get("name")), map(rule)));
                }
            }
        }
        return rules;
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * What is wrong with {@code query} by the two conventions, one line each: a label list naming an
     * id, and a StoreOps gauge not aggregated over instances as its kind requires.
     */
    static List<String> conventionsBroken(Query query) {
        String text = withoutStrings(query.expr());
        List<String> broken = new ArrayList<>();
        Matcher lists = LABEL_LIST.matcher(text);
        while (lists.find()) {
            for (String label : lists.group(2).split(",")) {
                if (HIGH_CARDINALITY.matcher(label.strip()).matches()) {
                    broken.add(query.where() + ": " + lists.group(1) + " (" + label.strip()
                            + ") makes a series per id; ids are never labels");
                }
            }
        }
        Matcher gauges = STOREOPS_GAUGE.matcher(text);
        while (gauges.find()) {
            String gauge = gauges.group(1);
            if (NOT_A_GAUGE.matcher(gauge).matches()) {
                continue;
            }
            String wanted =
                    MAX_OVER_INSTANCES.contains(gauge) ? "max" : SUM_OVER_INSTANCES.contains(gauge) ? "sum" : null;
            Optional<String> aggregation = enclosingAggregation(text, gauges.start());
            if (wanted == null) {
                broken.add(query.where() + ": " + gauge + " is a gauge not yet known to count either the whole"
                        + " database (max over instances) or one instance's share (sum): add it to one of the two");
            } else if (!aggregation.equals(Optional.of(wanted))) {
                broken.add(query.where() + ": " + gauge + " must be aggregated over instances with " + wanted + ", not "
                        + aggregation.orElse("nothing"));
            }
        }
        return broken;
    }

    /** The innermost aggregation operator around position {@code at}, through any function calls between. */
    static Optional<String> enclosingAggregation(String text, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth > 0) {
                depth--;
            } else if (c == '(') {
                String before = text.substring(0, i);
                Matcher withClause = OPERATOR_WITH_CLAUSE_AT_END.matcher(before);
                Matcher word = WORD_AT_END.matcher(before);
                String operator = withClause.find() ? withClause.group(1) : word.find() ? word.group(1) : "";
                if (AGGREGATIONS.contains(operator)) {
                    return Optional.of(operator);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code expr} with its string literals' contents blanked, so that a regex's brackets are not read as PromQL. */
    static String withoutStrings(String expr) {
        return STRING.matcher(expr).replaceAll(literal -> {
            String quote = literal.group().substring(0, 1);
            return Matcher.quoteReplacement(quote + " ".repeat(literal.group().length() - 2) + quote);
        });
    }

    private static List<Path> list(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object yaml) {
        return yaml instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> list(Object yaml) {
        return yaml instanceof List<?> list ? List.copyOf(list) : List.of();
    }
}
