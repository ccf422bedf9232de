package io.storeops.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Command-line options and environment variables of the standalone launcher.
 *
 * @param parts                 what this process starts ({@code --only}); everything by default
 * @param port                  {@code --port}: the HTTP port of the one service or console this process starts
 * @param kafkaBootstrapServers where the broker is when another process runs it
 * @param mongoUri              where the store is when another process runs it
 */
record Options(
        Path dataDir,
        int orderPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int consolePort,
        Set<Part> parts,
        OptionalInt port,
        String kafkaBootstrapServers,
        String mongoUri,
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
        Set<Part> parts = EnumSet.allOf(Part.class);
        OptionalInt port = OptionalInt.empty();
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
            } else if (arg.startsWith("--only=")) {
                parts = Part.parseList(arg.substring("--only=".length()));
            } else if (arg.startsWith("--port=")) {
                port = OptionalInt.of(httpPort(arg.substring("--port=".length())));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "\n\n" + USAGE);
            }
        }
        if (port.isPresent() && !(parts.size() == 1 && startsServiceOrConsole(parts))) {
            throw new IllegalArgumentException(
                    "--port sets the port of the one service or console a process starts, as in --only=order --port=9081");
        }
        if (simulate > 0 && !parts.contains(Part.ORDER)) {
            throw new IllegalArgumentException(
                    "--simulate sends orders to the order service in this process: add order to --only");
        }
        if (inMemoryStore && !parts.contains(Part.STORE)) {
            throw new IllegalArgumentException(
                    "--in-memory-store applies to the store in this process: add store to --only");
        }
        int kafkaPort = port(environment, "STOREOPS_KAFKA_PORT", 19092);
        int mongoPort = port(environment, "STOREOPS_MONGO_PORT", 37017);
        return new Options(
                Path.of(environment.getOrDefault("STOREOPS_DATA_DIR", "storeops-data")),
                port(environment, "STOREOPS_ORDER_PORT", 8081),
                kafkaPort,
                kafkaPort + 1,
                mongoPort,
                port(environment, "STOREOPS_CONSOLE_PORT", 8080),
                Collections.unmodifiableSet(parts),
                port,
                setting(environment, "STOREOPS_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort),
                setting(environment, "STOREOPS_MONGO_URI", "mongodb://127.0.0.1:" + mongoPort),
                simulate,
                inMemoryStore,
                help);
    }

    boolean starts(Part part) {
        return parts.contains(part);
    }

    boolean startsEverything() {
        return parts.size() == Part.values().length;
    }

    /** True when this process starts a service or the console: what needs the stores, dev tokens and demo secrets. */
    boolean startsServiceOrConsole() {
        return startsServiceOrConsole(parts);
    }

    /**
     * The HTTP port of a service or the console: {@code --port} for the one this process starts with it, otherwise
     * the console's port or the service's place after the order service's, where the console also looks for it.
     */
    int httpPort(Part part) {
        if (port.isPresent() && parts.equals(Set.of(part))) {
            return port.getAsInt();
        }
        return part == Part.CONSOLE ? consolePort : orderPort + part.portOffset();
    }

    private static boolean startsServiceOrConsole(Set<Part> parts) {
        return parts.stream().anyMatch(part -> part.isService() || part == Part.CONSOLE);
    }

    private static int httpPort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a number out of range is
        }
        throw new IllegalArgumentException("--port takes a port number from 1 to 65535, not '" + value + "'");
    }

    private static int port(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String setting(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String usage() {
        try (InputStream text = Options.class.getResourceAsStream("/storeops-standalone-usage.txt")) {
            return new String(text.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
