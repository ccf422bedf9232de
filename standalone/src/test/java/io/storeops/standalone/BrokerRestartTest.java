package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.Topics;
import io.storeops.fulfillment.FulfillmentServiceApplication;
import io.storeops.order.OrderServiceApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Kafka broker stopped and started again mid-flow, under order-service and
 * fulfillment-service as the standalone runs them: orders taken while it is down wait in their
 * outboxes, and once it is back every order is announced once and gets its shipment once.
 */
class BrokerRestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();

    @TempDir
    Path dataDir;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void ordersTakenWhileTheBrokerIsDownAreEachAnnouncedAndShippedOnceAfterItIsBack() throws Exception {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        EmbeddedDocumentStore store =
                EmbeddedDocumentStore.start(dataDir.resolve("mongo/storeops.mv"), freePort(), true);
        running.add(store);
        EmbeddedKafkaBroker[] broker = {EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort)};
        running.add(() -> broker[0].close());
        DevCredentials credentials = DevCredentials.load(dataDir);
        int orderPort = freePort();
        int fulfillmentPort = freePort();
        ConfigurableApplicationContext orders = StoreOpsStandalone.start(
                new StoreOpsStandalone.Service("order-service", OrderServiceApplication.class, orderPort),
                broker[0].bootstrapServers(),
                store.uri(),
                credentials);
        running.add(orders);
        ConfigurableApplicationContext fulfillment = StoreOpsStandalone.start(
                new StoreOpsStandalone.Service(
                        "fulfillment-service", FulfillmentServiceApplication.class, fulfillmentPort),
                broker[0].bootstrapServers(),
                store.uri(),
                credentials);
        running.add(fulfillment);
        String warehouse =
                credentials.issueTokens(dataDir, ConfiguredStores.read()).get("WAREHOUSE");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> before =
                IntStream.range(0, 5).mapToObj(n -> "B" + run + "-" + n).toList();
        List<String> during =
                IntStream.range(0, 5).mapToObj(n -> "D" + run + "-" + n).toList();

        for (String order : before) {
            assertThat(pay(orderPort, order)).isEqualTo(200);
        }
        await().atMost(PATIENCE)
                .until(() -> before.stream().allMatch(order -> shipment(fulfillmentPort, order, warehouse) == 200));

        broker[0].close();
        for (String order : during) {
            assertThat(pay(orderPort, order))
                    .as("taken while the broker is down")
                    .isEqualTo(200);
        }
        broker[0] = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);

        await().atMost(PATIENCE)
                .until(() -> during.stream().allMatch(order -> shipment(fulfillmentPort, order, warehouse) == 200));
        List<String> all = new ArrayList<>(before);
        all.addAll(during);
        Map<String, Integer> paid = countByKey(broker[0].bootstrapServers(), Topics.ORDER_EVENTS, "OrderPaid");
        Map<String, Integer> shipped =
                countByKey(broker[0].bootstrapServers(), Topics.FULFILLMENT_EVENTS, "ShipmentCreated");
        for (String order : all) {
            assertThat(paid.get("tmall-flagship:" + order))
                    .as("OrderPaid of " + order)
                    .isEqualTo(1);
            assertThat(shipped.get("tmall-flagship:" + order))
                    .as("ShipmentCreated of " + order)
                    .isEqualTo(1);
        }
    }

    private int pay(int orderPort, String orderNumber) throws IOException, InterruptedException {
        String body = """
                {"orderId":"%s","currency":"CNY","paidAt":"%s","shippingFeeMinor":0,"totalMinor":12800,
                 "lines":[{"sku":"TEA-LJ-250","title":"Longjing","quantity":1,"unitPriceMinor":12800}],
                 "shippingAddress":{"name":"Wang Fang","phone":"13800138000","country":"CN","city":"Hangzhou",
                                    "line1":"90 Wensan Road","postalCode":"310012"}}
                """.formatted(orderNumber, Instant.now());
        HttpRequest request = StorefrontSimulator.tmallOrderPaid("http://127.0.0.1:" + orderPort, body);
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int shipment(int fulfillmentPort, String orderNumber, String token) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fulfillmentPort
                                            + "/api/shipments/shp-tmall-flagship:" + orderNumber))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException unreachable) {
            return -1;
        }
    }

    /** How often each key carries records of {@code type} in the whole topic. */
    private static Map<String, Integer> countByKey(String bootstrapServers, String topic, String type) {
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "count-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
