package io.storeops.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Command-line options and environment variables of the standalone launcher. */
record Options(
        Path dataDir,
        int orderPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int consolePort,
        double simulateRate,
        boolean inMemoryStore,
        boolean help) {

    /** The options and environment, also what ./standalone.sh --help prints before anything is built. */
    static final String USAGE = usage();

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
                port(environment, "STOREOPS_CONSOLE_PORT", 8080),
                simulate,
                inMemoryStore,
                help);
    }

    private static int port(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String usage() {
        try (InputStream text = Options.class.getResourceAsStream("/storeops-standalone-usage.txt")) {
            return new String(text.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
