package io.storeops.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.junit.jupiter.api.Test;

class KafkaClientMetersTest {

    private final KafkaClientMeters filter = new KafkaClientMeters();

    @Test
    void keepsTheClientMetersTheDashboardReadsAndDropsTheRest() {
        assertThat(reply("kafka.consumer.fetch.manager.records.lag.max", "storeops.order.events"))
                .isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("kafka.producer.record.error.total", null)).isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("kafka.consumer.node.request.latency.avg", null)).isEqualTo(MeterFilterReply.DENY);
        assertThat(reply("kafka.consumer.fetch.manager.records.lead.min", "storeops.order.events"))
                .isEqualTo(MeterFilterReply.DENY);
    }

    @Test
    void dropsTheCopyOfAPerTopicMeterWhoseTopicHasUnderscoresForDots() {
        assertThat(reply("kafka.consumer.fetch.manager.records.lag", "storeops_order_events"))
                .isEqualTo(MeterFilterReply.DENY);
        assertThat(reply("kafka.consumer.fetch.manager.records.lag", "storeops.order.events"))
                .isEqualTo(MeterFilterReply.NEUTRAL);
    }

    @Test
    void leavesEveryOtherMeterAlone() {
        assertThat(reply("storeops.outbox.pending", null)).isEqualTo(MeterFilterReply.NEUTRAL);
        assertThat(reply("kafka.app.info.start.time.ms", null)).isEqualTo(MeterFilterReply.NEUTRAL);
    }

    private MeterFilterReply reply(String name, String topic) {
        Tags tags = topic == null ? Tags.empty() : Tags.of("topic", topic);
        return filter.accept(new Meter.Id(name, tags, null, null, Meter.Type.GAUGE));
    }
}
