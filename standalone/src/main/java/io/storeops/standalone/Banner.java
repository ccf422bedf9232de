package io.storeops.standalone;

import java.util.List;
import java.util.Map;

/**
 * What a person needs after the start: where everything this process started is (and, for its
 * services, where they find the broker and store run elsewhere), the demo stores and secrets, the tokens.
 */
final class Banner {

    private Banner() {}

    static void print(
            Options options,
            List<StoreOpsStandalone.Service> services,
            String kafkaBootstrapServers,
            String mongoUri,
            Map<String, String> tokens) {
        StringBuilder out = new StringBuilder("\n==================== StoreOps is running ====================\n");
        if (!options.startsEverything()) {
            out.append("  this process runs: ")
                    .append(String.join(
                            ", ", options.parts().stream().map(Part::optionName).toList()))
                    .append("\n");
        }
        if (options.starts(Part.CONSOLE)) {
            out.append(String.format(
                    "  %-20s http://localhost:%d   (sign in as one of the dev identities below)%n",
                    "console", options.httpPort(Part.CONSOLE)));
        }
        for (StoreOpsStandalone.Service service : services) {
            String base = "http://localhost:" + service.port();
            out.append(String.format(
                    "  %-20s %s   (API docs %s/swagger-ui.html, metrics %s/actuator/prometheus)%n",
                    service.name(), base, base, base));
        }
        List<String> servicesElsewhere = Part.services().stream()
                .filter(service -> !options.starts(service))
                .map(service -> service.optionName() + " :" + options.httpPort(service))
                .toList();
        if (options.starts(Part.CONSOLE) && !servicesElsewhere.isEmpty()) {
            out.append(String.format(
                    "  %-20s %s on 127.0.0.1%n", "services elsewhere", String.join(", ", servicesElsewhere)));
        }
        if (options.starts(Part.BROKER)) {
            out.append(String.format("  %-20s %s%n", "Kafka (KRaft)", kafkaBootstrapServers));
        } else if (!services.isEmpty()) {
            out.append(String.format("  %-20s %s%n", "Kafka elsewhere", kafkaBootstrapServers));
        }
        if (options.starts(Part.STORE)) {
            out.append(String.format(
                    "  %-20s %s%s%n",
                    "Mongo-wire store", mongoUri, options.inMemoryStore() ? "   (in memory, not kept)" : ""));
        } else if (!services.isEmpty()) {
            out.append(String.format("  %-20s %s%n", "store elsewhere", mongoUri));
        }
        out.append(
                String.format("  %-20s %s%n%n", "data folder", options.dataDir().toAbsolutePath()));
        if (options.startsServiceOrConsole()) {
            appendDemoStoresAndTokens(out, options, tokens);
        }
        if (!options.startsEverything()) {
            out.append("Ctrl-C stops this process's parts.\n");
        } else {
            out.append(
                    options.inMemoryStore()
                            ? "Ctrl-C stops everything; the store is in memory, so the next start finds none of its data.\n"
                            : "Ctrl-C stops everything; the next start finds the same data.\n");
        }
        System.out.println(out);
    }

    private static void appendDemoStoresAndTokens(StringBuilder out, Options options, Map<String, String> tokens) {
        out.append("Demo stores (development secrets, standalone only):\n");
        out.append(String.format(
                "  %-16s CNY, Asia/Shanghai     native webhooks  secret %s%n",
                DemoStores.TMALL, DemoStores.TMALL_SECRET));
        out.append(String.format(
                "  %-16s USD, America/New_York Shopify %s  secret %s%n",
                DemoStores.SHOPIFY, DemoStores.SHOPIFY_DOMAIN, DemoStores.SHOPIFY_SECRET));
        out.append("\n");
        out.append("Dev tokens (valid ")
                .append(DevCredentials.TOKEN_LIFETIME.toHours())
                .append(" h, every configured store; also in ")
                .append(options.dataDir().resolve(DevCredentials.TOKENS_FILE))
                .append("):\n");
        tokens.forEach((role, token) -> out.append(String.format("  %-14s %s%n", role, token)));
        out.append("\n");
    }
}
