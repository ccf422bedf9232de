package io.storeops.system;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MongoDB commands each service has sent to the store so far, as its driver counts them
 * ({@code mongodb_driver_commands_seconds_count{command=...}} on {@code /actuator/prometheus}),
 * split into writes and reads; commands of neither kind (hello, ping, createIndexes, ...) are left out.
 */
record StoreCommands(Map<String, Tally> byService) {

    static final List<String> SERVICES =
            List.of("order-service", "fulfillment-service", "refund-service", "analytics-service");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");
    private static final Set<String> READS = Set.of("find", "aggregate", "count", "getMore");
    private static final Pattern COMMAND_COUNT =
            Pattern.compile("^mongodb_driver_commands_seconds_count\\{(.*)} (\\S+)$");
    private static final Pattern COMMAND_LABEL = Pattern.compile("command=\"([^\"]*)\"");

    record Tally(double writes, double reads) {

        Tally plus(Tally other) {
            return new Tally(writes + other.writes, reads + other.reads);
        }

        Tally minus(Tally other) {
            return new Tally(writes - other.writes, reads - other.reads);
        }
    }

    /** Reads the four services' counters now. */
    static StoreCommands scrape(StandaloneSystem system) {
        Map<String, Tally> byService = new LinkedHashMap<>();
        List<Integer> ports = system.servicePorts();
        for (int i = 0; i < SERVICES.size(); i++) {
            HttpResponse<String> metrics = system.get(ports.get(i), "/actuator/prometheus", null);
            if (StandaloneSystem.status(metrics) != 200) {
                throw new IllegalStateException(
                        SERVICES.get(i) + " answered its metrics with " + StandaloneSystem.status(metrics));
            }
            byService.put(SERVICES.get(i), tally(metrics.body()));
        }
        return new StoreCommands(byService);
    }

    private static Tally tally(String prometheusText) {
        Tally tally = new Tally(0, 0);
        for (String line : prometheusText.split("\n")) {
            Matcher count = COMMAND_COUNT.matcher(line);
            if (!count.matches()) {
                continue;
            }
            Matcher command = COMMAND_LABEL.matcher(count.group(1));
            String name = command.find() ? command.group(1) : "";
            double value = Double.parseDouble(count.group(2));
            if (WRITES.contains(name)) {
                tally = tally.plus(new Tally(value, 0));
            } else if (READS.contains(name)) {
                tally = tally.plus(new Tally(0, value));
            }
        }
        return tally;
    }

    /** The commands sent between {@code earlier} and this reading. */
    StoreCommands since(StoreCommands earlier) {
        Map<String, Tally> difference = new LinkedHashMap<>();
        byService.forEach((service, tally) -> difference.put(service, tally.minus(earlier.byService.get(service))));
        return new StoreCommands(difference);
    }

    Tally total() {
        return byService.values().stream().reduce(new Tally(0, 0), Tally::plus);
    }
}
