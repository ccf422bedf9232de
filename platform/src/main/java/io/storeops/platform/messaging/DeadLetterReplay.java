package io.storeops.platform.messaging;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.messaging.Message;

/**
 * Puts this service's dead letters back, once their cause is fixed: reads
 * {@code <topic>.<service>.dlq} from where the last replay stopped and hands each record to the
 * service's own dispatcher (never back to the topic, where every other consumer group would see it
 * again), marked as a replay so that it takes effect exactly once even though later events of its
 * aggregate were applied meanwhile. A record that fails again goes back to the end of its dead-letter
 * topic (nothing is lost, nothing blocks the ones behind it); progress is committed record by record.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> consumerProperties;
    private final List<String> deadLetterTopics;
    private final EventDispatcher dispatcher;
    private final KafkaOperations<byte[], byte[]> deadLetters;

    public DeadLetterReplay(
            Map<String, Object> kafkaConsumerProperties,
            String service,
            List<String> consumedTopics,
            EventDispatcher dispatcher,
            KafkaOperations<byte[], byte[]> deadLetters) {
        Map<String, Object> properties = new HashMap<>(kafkaConsumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, service + "-dead-letter-replay");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letter-replay");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = properties;
        this.deadLetterTopics = consumedTopics.stream()
                .map(topic -> Topics.deadLetter(topic, service))
                .toList();
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
    }

    /**
     * @param replayed    dead letters applied (or recognised as already applied)
     * @param failedAgain dead letters that failed again and went back to the end of their topic
     * @param failures    the first few of those, with what went wrong
     * @param remaining   dead letters waiting for the next replay (those that failed again among them)
     */
    public record Result(int replayed, int failedAgain, List<Failure> failures, long remaining) {}

    public record Failure(String eventId, String type, String reason) {}

    /** Replays up to {@code limit} dead letters, oldest first per partition. One replay at a time. */
    public synchronized Result replay(int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : deadLetterTopics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            if (partitions.isEmpty()) {
                return new Result(0, 0, List.of(), 0);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int handled = 0;
            int replayed = 0;
            List<Failure> failures = new ArrayList<>();
            replaying:
            while (handled < limit && !caughtUp(consumer, ends)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue; // put back or dead-lettered during this replay: left, uncommitted, for the next one
                    }
                    if (handled >= limit) {
                        break replaying; // what was polled but not handled stays uncommitted
                    }
                    handled++;
                    try {
                        dispatcher.dispatch(asReplay(record));
                        replayed++;
                    } catch (RuntimeException stillFailing) {
                        putBack(record);
                        if (failures.size() < 10) {
                            failures.add(new Failure(
                                    header(record, CloudEventHeaders.ID),
                                    header(record, CloudEventHeaders.TYPE),
                                    stillFailing.toString()));
                        }
                        log.warn(
                                "Dead letter {} from {} failed again; it goes back to the end of the topic: {}",
                                header(record, CloudEventHeaders.ID),
                                record.topic(),
                                stillFailing.toString());
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
            long remaining = 0;
            Map<TopicPartition, Long> endsNow = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                remaining +=
                        endsNow.get(partition) - Math.max(beginnings.get(partition), done == null ? 0 : done.offset());
            }
            return new Result(replayed, handled - replayed, failures, remaining);
        }
    }

    private void putBack(ConsumerRecord<byte[], byte[]> record) {
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(
                record.topic(), record.partition(), record.key(), record.value(), record.headers());
        deadLetters.send(again).join();
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Message<byte[]> asReplay(ConsumerRecord<byte[], byte[]> record) {
        return EventHistory.message(record)
                .setHeader(CloudEventHeaders.REPLAY, "true".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
