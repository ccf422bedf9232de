package io.storeops.standalone;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a person needs after the start: where everything is, the demo stores and secrets, the tokens. */
final class Banner {

    private Banner() {}

    static void print(
            List<StoreOpsStandalone.Service> services,
            int consolePort,
            EmbeddedKafkaBroker broker,
            EmbeddedDocumentStore store,
            Path dataDir,
            Map<String, String> tokens) {
        StringBuilder out = new StringBuilder("\n==================== StoreOps is running ====================\n");
        out.append(String.format(
                "  %-20s http://localhost:%d   (sign in as one of the dev identities below)%n",
                "console", consolePort));
        for (StoreOpsStandalone.Service service : services) {
            String base = "http://localhost:" + service.port();
            out.append(String.format(
                    "  %-20s %s   (API docs %s/swagger-ui.html, metrics %s/actuator/prometheus)%n",
                    service.name(), base, base, base));
        }
        out.append(String.format("  %-20s %s%n", "Kafka (KRaft)", broker.bootstrapServers()));
        out.append(String.format(
                "  %-20s %s%s%n", "Mongo-wire store", store.uri(), store.inMemory() ? "   (in memory, not kept)" : ""));
        out.append(String.format("  %-20s %s%n%n", "data folder", dataDir.toAbsolutePath()));
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
                .append(dataDir.resolve("dev-tokens.json"))
                .append("):\n");
        tokens.forEach((role, token) -> out.append(String.format("  %-14s %s%n", role, token)));
        out.append(
                store.inMemory()
                        ? "\nCtrl-C stops everything; the store is in memory, so the next start finds none of its data.\n"
                        : "\nCtrl-C stops everything; the next start finds the same data.\n");
        System.out.println(out);
    }
}
