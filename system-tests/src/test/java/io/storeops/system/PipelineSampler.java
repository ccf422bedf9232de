package io.storeops.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Once a second, how far the system has come: webhooks acknowledged so far, events the services'
 * consumer groups have committed, and their lag (events on the broker not yet committed by the
 * group that consumes them), read from the broker with Kafka's admin client. While the broker is
 * down a sample has no lag ({@code -1}).
 */
final class PipelineSampler implements AutoCloseable {

    record Sample(double atSeconds, long acknowledged, long consumed, long lag) {}

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final LongSupplier acknowledged;
    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private volatile long lastConsumed;

    PipelineSampler(String bootstrapServers, LongSupplier acknowledged) {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        admin = Admin.create(settings);
        this.acknowledged = acknowledged;
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    double now() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private void sample() {
        long acknowledgedNow = acknowledged.getAsLong();
        double at = now();
        long lag;
        long consumed;
        try {
            long[] offsets = groupOffsets();
            consumed = offsets[0];
            lag = offsets[1];
            lastConsumed = consumed;
        } catch (Exception brokerAway) {
            consumed = lastConsumed;
            lag = -1;
        }
        samples.add(new Sample(at, acknowledgedNow, consumed, lag));
    }

    /** Committed offsets summed over every group and partition, and the lag behind the partitions' ends. */
    long[] groupOffsets() throws Exception {
        long committed = 0;
        long lag = 0;
        for (PartitionProgress progress : partitionProgress()) {
            committed += progress.committed();
            lag += progress.lag();
        }
        return new long[] {committed, lag};
    }

    /** Where a consumer group stands on one partition. */
    record PartitionProgress(String group, TopicPartition partition, long committed, long end) {

        long lag() {
            return Math.max(0, end - committed);
        }
    }

    /**
     * Every group's committed offset and the end of each partition it has committed on or is
     * assigned (a partition assigned but never committed on stands at 0: a consumer stuck from its
     * first poll shows as lag).
     */
    List<PartitionProgress> partitionProgress() throws Exception {
        List<PartitionProgress> progress = new ArrayList<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(3, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    new HashMap<>(admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get(3, TimeUnit.SECONDS));
            admin.describeConsumerGroups(List.of(group.groupId()))
                    .all()
                    .get(3, TimeUnit.SECONDS)
                    .get(group.groupId())
                    .members()
                    .forEach(member -> member.assignment()
                            .topicPartitions()
                            .forEach(partition -> offsets.putIfAbsent(partition, null)));
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            offsets.keySet().forEach(partition -> ends.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
                    admin.listOffsets(ends).all().get(3, TimeUnit.SECONDS);
            offsets.forEach((partition, offset) -> progress.add(new PartitionProgress(
                    group.groupId(),
                    partition,
                    offset == null ? 0 : offset.offset(),
                    latest.get(partition).offset())));
        }
        return progress;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
