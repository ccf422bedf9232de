package io.storeops.platform.test;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.EventType;
import io.storeops.contracts.StoreOpsEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** Produces catalog events as another service would, and reads what a service published. */
public final class TestEvents {

    private TestEvents() {}

    /** A record exactly as the named producer's outbox relay would publish it. */
    public static ProducerRecord<String, byte[]> record(StoreOpsEvent event, String source, long sequence) {
        EventType type = EventType.of(event);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(type.topic(), event.subject(), EventJson.write(event));
        Map.of(
                        CloudEventHeaders.ID,
                        UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE,
                        type.typeName(),
                        CloudEventHeaders.SOURCE,
                        source,
                        CloudEventHeaders.SUBJECT,
                        event.subject(),
                        CloudEventHeaders.SEQUENCE,
                        String.valueOf(sequence),
                        CloudEventHeaders.SPECVERSION,
                        CloudEventHeaders.SPECVERSION_1_0,
                        CloudEventHeaders.TIME,
                        Instant.now().toString(),
                        CloudEventHeaders.DATASCHEMAVERSION,
                        String.valueOf(type.version()))
                .forEach((name, value) ->
                        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /**
     * Waits until consumer group {@code group} has applied {@code sent}: its committed offset passes
     * it (a poll is committed only when all of it is done, so a later record's receipt would not say that).
     */
    public static void awaitConsumed(String bootstrapServers, String group, RecordMetadata sent, Duration patience) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Awaitility.await().atMost(patience).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    /** A consumer of {@code topic} from its beginning, in a group of its own. */
    public static Consumer<String, byte[]> reader(EmbeddedKafkaBroker broker, String topic) {
        return reader(broker.getBrokersAsString(), topic);
    }

    public static Consumer<String, byte[]> reader(String bootstrapServers, String topic) {
        Map<String, Object> properties =
                KafkaTestUtils.consumerProps(bootstrapServers, "test-reader-" + UUID.randomUUID());
        properties.put("auto.offset.reset", "earliest");
        Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                        properties, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Polls until {@code count} records with {@code key} and {@code ceType} arrived, or the timeout
     * passes, then reads on to the end of what the topic held at that moment: a record published
     * more often than expected by then is in the result, so {@code hasSize(count)} can fail.
     */
    public static List<ConsumerRecord<String, byte[]>> await(
            Consumer<String, byte[]> consumer, String key, String ceType, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching.size() < count && System.nanoTime() < deadline) {
            collect(consumer.poll(Duration.ofMillis(200)), key, ceType, matching);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (System.nanoTime() < deadline
                && ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            collect(consumer.poll(Duration.ofMillis(200)), key, ceType, matching);
        }
        return matching;
    }

    private static void collect(
            Iterable<ConsumerRecord<String, byte[]>> records,
            String key,
            String ceType,
            List<ConsumerRecord<String, byte[]>> matching) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (key.equals(record.key()) && ceType.equals(header(record, CloudEventHeaders.TYPE))) {
                matching.add(record);
            }
        }
    }

    /**
     * Polls until the records with {@code key} include each of {@code ceTypes}, or the timeout
     * passes; returns every record with {@code key} seen, in order, whatever its type (so several
     * types published together are all kept, which separate {@link #await} calls would not).
     */
    public static List<ConsumerRecord<String, byte[]>> awaitTypes(
            Consumer<String, byte[]> consumer, String key, Duration timeout, String... ceTypes) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!types(seen).containsAll(List.of(ceTypes)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (key.equals(record.key())) {
                    seen.add(record);
                }
            }
        }
        return seen;
    }

    /**
     * A key whose records land on the same partition as {@code key}'s (Kafka's default partitioner),
     * so that a sentinel published under it after a flow arrives after everything the flow published.
     */
    public static String keyBeside(String key, int partitions) {
        int partition = partition(key, partitions);
        while (true) {
            String candidate = "sentinel-" + UUID.randomUUID();
            if (partition(candidate, partitions) == partition) {
                return candidate;
            }
        }
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Polls until a record with {@code sentinelKey} arrives (or the timeout passes) and returns every
     * record with {@code key} seen before it: with the sentinel on the same partition and published
     * after the flow, a record published twice shows up twice here.
     */
    public static List<ConsumerRecord<String, byte[]>> before(
            Consumer<String, byte[]> consumer, String key, String sentinelKey, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (sentinelKey.equals(record.key())) {
                    return seen;
                }
                if (key.equals(record.key())) {
                    seen.add(record);
                }
            }
        }
        throw new AssertionError("the sentinel " + sentinelKey + " never arrived; seen before it: " + types(seen));
    }

    /** The CloudEvents types of {@code records}, in order. */
    public static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(record -> header(record, CloudEventHeaders.TYPE))
                .toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
