package io.storeops.standalone;

import java.nio.file.Path;
import java.util.Map;

/** Command-line options and environment variables of the standalone launcher. */
record Options(
        Path dataDir,
        int orderPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        double simulateRate,
        boolean inMemoryStore,
        boolean help) {

    static final String USAGE = """
            StoreOps standalone: the whole system in one process.

              --simulate[=N]      send N signed paid-order webhooks per second (default 1), both demo stores
              --in-memory-store   keep the Mongo-wire store in memory: faster, but nothing of it survives a
                                  restart (Kafka's log still goes to the data folder); for trials and benchmarks
              --help              this text

            Environment (defaults in brackets):
              STOREOPS_DATA_DIR       data folder [./storeops-data]
              STOREOPS_ORDER_PORT     order-service port; fulfillment, refund, analytics take the next three [8081]
              STOREOPS_KAFKA_PORT     Kafka listener [19092]; the KRaft controller listens on the next port
              STOREOPS_MONGO_PORT     Mongo-wire store [37017]
            """;

    static Options parse(String[] args) {
        return parse(args, System.getenv());
    }

    static Options parse(String[] args, Map<String, String> environment) {
        double simulate = 0;
        boolean inMemoryStore = false;
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--simulate")) {
                simulate = 1;
            } else if (arg.startsWith("--simulate=")) {
                simulate = Double.parseDouble(arg.substring("--simulate=".length()));
                if (!(simulate > 0 && simulate <= 500)) {
                    throw new IllegalArgumentException("--simulate takes a rate between 0 and 500 orders per second");
                }
            } else if (arg.equals("--in-memory-store")) {
                inMemoryStore = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "\n\n" + USAGE);
            }
        }
        int kafkaPort = port(environment, "STOREOPS_KAFKA_PORT", 19092);
        return new Options(
                Path.of(environment.getOrDefault("STOREOPS_DATA_DIR", "storeops-data")),
                port(environment, "STOREOPS_ORDER_PORT", 8081),
                kafkaPort,
                kafkaPort + 1,
                port(environment, "STOREOPS_MONGO_PORT", 37017),
                simulate,
                inMemoryStore,
                help);
    }

    private static int port(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
