package io.storeops.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;

/**
 * Of the Kafka clients' own meters (hundreds per service: every node, partition and rate), the few
 * the Runtime dashboard reads. Without this a scrape of one service is most of a megabyte of
 * client internals, and Prometheus stores thousands of series nobody looks at.
 */
public final class KafkaClientMeters implements MeterFilter {

    static final Set<String> KEPT = Set.of(
            "kafka.consumer.fetch.manager.records.lag",
            "kafka.consumer.fetch.manager.records.lag.max",
            "kafka.consumer.fetch.manager.records.consumed.total",
            "kafka.consumer.fetch.manager.bytes.consumed.total",
            "kafka.consumer.fetch.manager.fetch.total",
            "kafka.consumer.coordinator.rebalance.total",
            "kafka.consumer.coordinator.assigned.partitions",
            "kafka.consumer.last.poll.seconds.ago",
            "kafka.producer.record.send.total",
            "kafka.producer.record.error.total",
            "kafka.producer.record.retry.total",
            "kafka.producer.request.latency.avg",
            "kafka.producer.request.latency.max");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (!name.startsWith("kafka.consumer.") && !name.startsWith("kafka.producer.")) {
            return MeterFilterReply.NEUTRAL;
        }
        String topic = id.getTag("topic");
        // The clients report some per-topic meters twice, once with the topic's dots turned into underscores.
        boolean mangledTopic = topic != null && !topic.contains(".");
        return KEPT.contains(name) && !mangledTopic ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
    }
}
