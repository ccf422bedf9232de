package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.order.OrderServiceApplication;
import io.storeops.platform.stores.StoreCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A store added through configuration is seen by the dev identities, not only the two demo stores,
 * also where no service runs in the process: the stores are read as the services read them.
 */
class DevIdentitiesTest {

    private static final String ADDED_STORE = "storeops.stores.shopify-pl.currency";

    @TempDir
    Path dataDir;

    @Test
    void devTokensCoverEveryConfiguredStore() throws Exception {
        System.setProperty(ADDED_STORE, "PLN"); // as a store added by SPRING_CONFIG_ADDITIONAL_LOCATION
        DevCredentials credentials = DevCredentials.load(dataDir);
        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.start(
                        dataDir.resolve("mongo/storeops.mv"), BrokerRestartTest.freePort(), true);
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                        dataDir.resolve("kafka"), BrokerRestartTest.freePort(), BrokerRestartTest.freePort());
                ConfigurableApplicationContext orders = StoreOpsStandalone.start(
                        new StoreOpsStandalone.Service(
                                "order-service", OrderServiceApplication.class, BrokerRestartTest.freePort()),
                        broker.bootstrapServers(),
                        store.uri(),
                        credentials)) {

            List<String> stores = ConfiguredStores.read();
            String manager = credentials.issueTokens(dataDir, stores).get("STORE_MANAGER");

            assertThat(stores).containsExactly("shopify-pl", "shopify-us", "tmall-flagship");
            assertThat(stores)
                    .as("the stores the order service was configured with")
                    .containsExactlyInAnyOrderElementsOf(
                            orders.getBean(StoreCatalog.class).storeIds());
            assertThat(new String(Base64.getUrlDecoder().decode(manager.split("\\.")[1]), StandardCharsets.UTF_8))
                    .contains("\"shopify-pl\"");
        } finally {
            System.clearProperty(ADDED_STORE);
        }
    }
}
