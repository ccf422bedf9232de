package io.storeops.system;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.EventType;
import io.storeops.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Poison the generator plants among the order events while the run goes on: an {@code OrderPaid}
 * whose body is not JSON, which no service can ever apply. Each service that keeps orders
 * (fulfillment, refund and analytics, the ones the audit holds to every order) must move it to its
 * own dead-letter topic and go on; after the run the dead-letter topics hold exactly those, each at
 * least once (a consumer killed after writing a dead letter but before committing its poll writes it
 * again), and nothing else. So the audit's dead-letter check is shown to see dead letters.
 */
final class PoisonEvents implements AutoCloseable {

    static final List<String> ORDER_KEEPING_GROUPS =
            List.of("fulfillment-service", "refund-service", "analytics-service");

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String run;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicInteger sent = new AtomicInteger();
    private final List<String> planted = Collections.synchronizedList(new ArrayList<>());

    PoisonEvents(String bootstrapServers, String run) {
        this.bootstrapServers = bootstrapServers;
        this.run = run;
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(settings);
    }

    /** Sends one poison event, as order-service would send an order's payment, and waits for the broker to take it. */
    void plant() throws Exception {
        String key = FaultLoad.Store.TMALL.id + ":poison-" + run + "-" + sent.getAndIncrement();
        ProducerRecord<String, byte[]> poison =
                new ProducerRecord<>(EventType.ORDER_PAID.topic(), key, "{not json".getBytes(StandardCharsets.UTF_8));
        Map.of(
                        CloudEventHeaders.ID,
                        key,
                        CloudEventHeaders.TYPE,
                        EventType.ORDER_PAID.typeName(),
                        CloudEventHeaders.SOURCE,
                        "order-service",
                        CloudEventHeaders.SUBJECT,
                        key,
                        CloudEventHeaders.SEQUENCE,
                        "1",
                        CloudEventHeaders.SPECVERSION,
                        CloudEventHeaders.SPECVERSION_1_0,
                        CloudEventHeaders.TIME,
                        Instant.now().toString(),
                        CloudEventHeaders.DATASCHEMAVERSION,
                        String.valueOf(EventType.ORDER_PAID.version()))
                .forEach((name, value) -> poison.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(poison).get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        planted.add(key);
    }

    int planted() {
        return planted.size();
    }

    /** The keys of the records on every dead-letter topic ({@code <topic>.<group>.dlq}), by topic. */
    Map<String, List<String>> deadLetters() {
        Map<String, List<String>> byTopic = new TreeMap<>();
        List<TopicPartition> unread;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaConsumer<String, byte[]> reader = reader()) {
            Set<String> topics = admin.listTopics().names().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics.stream()
                            .filter(name -> name.endsWith(".dlq"))
                            .toList())
                    .allTopicNames()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .values()
                    .forEach(topic -> topic.partitions()
                            .forEach(partition -> ends.put(
                                    new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> endOffsets = new HashMap<>();
            admin.listOffsets(ends)
                    .all()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, end) -> endOffsets.put(partition, end.offset()));
            endOffsets
                    .keySet()
                    .forEach(partition -> byTopic.computeIfAbsent(partition.topic(), t -> new ArrayList<>()));
            reader.assign(endOffsets.keySet());
            reader.seekToBeginning(endOffsets.keySet());
            Predicate<Map.Entry<TopicPartition, Long>> behind = end -> reader.position(end.getKey()) < end.getValue();
            long giveUp = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
            while (endOffsets.entrySet().stream().anyMatch(behind) && System.nanoTime() < giveUp) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofSeconds(1))) {
                    byTopic.get(record.topic()).add(record.key());
                }
            }
            unread = endOffsets.entrySet().stream()
                    .filter(behind)
                    .map(Map.Entry::getKey)
                    .toList();
        } catch (Exception brokerAway) {
            throw new IllegalStateException("could not read the dead-letter topics", brokerAway);
        }
        if (!unread.isEmpty()) {
            // what was not read could be a dead letter no one planted
            throw new IllegalStateException("dead-letter partitions not read to their end within "
                    + KAFKA_TIMEOUT.toSeconds() + " s: " + unread);
        }
        return byTopic;
    }

    /**
     * What differs from the planted poison on the dead-letter topics {@code deadLetters}: each
     * order-keeping group's topic holds every poison event (repeats allowed) and nothing else, and
     * no other dead-letter topic holds anything.
     */
    List<String> problems(Map<String, List<String>> deadLetters) {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new TreeSet<>(planted);
        Map<String, String> poisonTopics = new HashMap<>();
        ORDER_KEEPING_GROUPS.forEach(
                group -> poisonTopics.put(Topics.deadLetter(EventType.ORDER_PAID.topic(), group), group));
        poisonTopics.forEach((topic, group) -> {
            Set<String> found = new TreeSet<>(deadLetters.getOrDefault(topic, List.of()));
            if (!found.equals(expected)) {
                problems.add(group + " dead-lettered " + found + ", not the poison planted " + expected);
            }
        });
        deadLetters.forEach((topic, keys) -> {
            if (!poisonTopics.containsKey(topic) && !keys.isEmpty()) {
                problems.add(keys.size() + " event(s) on " + topic + ", where no poison was planted: "
                        + keys.subList(0, Math.min(10, keys.size())));
            }
        });
        return problems;
    }

    private KafkaConsumer<String, byte[]> reader() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(settings);
    }

    @Override
    public void close() {
        producer.close(KAFKA_TIMEOUT);
    }
}
