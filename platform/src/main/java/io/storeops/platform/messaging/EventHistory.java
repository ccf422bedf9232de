package io.storeops.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The service's consumed topics read again from their beginning, for a service that rebuilds what
 * it keeps from events: the live consumer ({@code storeopsEvents-in-0}) can be stopped meanwhile,
 * and each record is handed on as the live consumer receives it, for the service's own
 * {@link EventDispatcher}. Nothing is committed: the live consumer's group and offsets are untouched.
 */
public class EventHistory {

    /** The live consumer's binding, as the platform's defaults name it. */
    public static final String LIVE_BINDING = "storeopsEvents-in-0";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA = Duration.ofSeconds(10);

    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> adminProperties;
    /** The live consumer's group: the service's name. */
    private final String group;

    private final List<String> consumedTopics;
    private final ObjectProvider<BindingsLifecycleController> bindings;

    public EventHistory(
            Map<String, Object> kafkaConsumerProperties,
            String service,
            List<String> consumedTopics,
            ObjectProvider<BindingsLifecycleController> bindings) {
        this.group = service;
        this.adminProperties = new HashMap<>(kafkaConsumerProperties);
        adminProperties.keySet().removeIf(key -> key.endsWith("deserializer") || key.startsWith("group."));
        adminProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-event-history-admin");
        Map<String, Object> properties = new HashMap<>(kafkaConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: nothing to commit
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-event-history");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = properties;
        this.consumedTopics = List.copyOf(consumedTopics);
        this.bindings = bindings;
    }

    /** How far the reading of one partition got, and where it stops (the partition's end when the reading began). */
    public record Partition(String topic, int partition, long position, long end) {}

    /**
     * Stops the live consumer (the poll under way finishes and its offsets are committed), runs
     * {@code work} and starts the consumer again, whether {@code work} succeeded or not; the consumer
     * then goes on from its committed offsets. Fails, without running {@code work}, if the consumer
     * does not stop.
     */
    public <T> T withLiveConsumerStopped(Supplier<T> work) {
        BindingsLifecycleController controller = bindings.getObject();
        controller.changeState(LIVE_BINDING, BindingsLifecycleController.State.STOPPED);
        try {
            List<Binding<?>> live = controller.queryState(LIVE_BINDING);
            if (live == null || live.isEmpty() || live.stream().anyMatch(Binding::isRunning)) {
                throw new IllegalStateException("the live consumer " + LIVE_BINDING + " did not stop");
            }
            requireNoOtherConsumers();
            return work.get();
        } finally {
            controller.changeState(LIVE_BINDING, BindingsLifecycleController.State.STARTED);
        }
    }

    /**
     * Other instances of the service still consuming would go on writing what is being rebuilt, and
     * miss the switch: the group must be empty once this instance's consumer stopped.
     */
    private void requireNoOtherConsumers() {
        try (Admin admin = Admin.create(adminProperties)) {
            ConsumerGroupDescription described = admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(METADATA.toMillis(), TimeUnit.MILLISECONDS);
            if (!described.members().isEmpty()) {
                throw new IllegalStateException(described.members().size() + " other consumers of group " + group
                        + " still run: stop the service's other instances for the rebuild, then start them again");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking who consumes", interrupted);
        } catch (ExecutionException | TimeoutException unanswered) {
            throw new IllegalStateException("the broker did not say who consumes: " + unanswered, unanswered);
        }
    }

    /**
     * Reads every record of the consumed topics, from each partition's beginning up to where it ended
     * when the reading began, and hands each to {@code each} as the live consumer would receive it
     * (in partition order; partitions interleave). {@code progress} is told where each partition is
     * after every poll. What {@code each} throws ends the reading.
     */
    public void read(Consumer<Message<byte[]>> each, Consumer<List<Partition>> progress) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : consumedTopics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA);
                for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            // a partition that no longer starts at its first event lost history to retention: replaying
            // what is left would make facts that miss it, and say nothing
            consumer.beginningOffsets(partitions, METADATA).forEach((partition, first) -> {
                if (first > 0) {
                    throw new HistoryIncomplete(partition, first);
                }
            });
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, METADATA);
            consumer.seekToBeginning(partitions);
            progress.accept(positions(consumer, ends));
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(message(record).build());
                    }
                }
                progress.accept(positions(consumer, ends));
            }
        }
    }

    private static List<Partition> positions(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .map(end -> new Partition(
                        end.getKey().topic(),
                        end.getKey().partition(),
                        Math.min(consumer.position(end.getKey()), end.getValue()),
                        end.getValue()))
                .sorted(Comparator.comparing(Partition::topic).thenComparingInt(Partition::partition))
                .toList();
    }

    /** A consumed topic's partition whose first events are gone (retention): its history cannot be read whole. */
    public static final class HistoryIncomplete extends IllegalStateException {

        HistoryIncomplete(TopicPartition partition, long first) {
            super(partition + " starts at offset " + first + ": its earlier events are gone (topic retention), so "
                    + "its history cannot be replayed whole; keep the event topics for good (retention.ms=-1)");
        }
    }

    /** A record as the live consumer hands it to the dispatcher: its value, its headers, where it was. */
    static MessageBuilder<byte[]> message(ConsumerRecord<byte[], byte[]> record) {
        MessageBuilder<byte[]> message =
                MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        return message.setHeader(KafkaHeaders.RECEIVED_KEY, record.key())
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, record.partition())
                .setHeader(KafkaHeaders.OFFSET, record.offset());
    }
}
