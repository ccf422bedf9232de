package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone's broker takes the events of a service whose demo clock was moved days ahead. */
class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void aRecordStampedTwoDaysAheadIsStored() throws Exception {
        try (EmbeddedKafkaBroker broker =
                        EmbeddedKafkaBroker.start(dataDir, BrokerRestartTest.freePort(), BrokerRestartTest.freePort());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class))) {
            long twoDaysAhead = Instant.now().plus(Duration.ofHours(49)).toEpochMilli();

            RecordMetadata stored = producer.send(new ProducerRecord<>(
                            "storeops.refund.events",
                            null,
                            twoDaysAhead,
                            "tmall-flagship:T1",
                            "{}".getBytes(StandardCharsets.UTF_8)))
                    .get(60, TimeUnit.SECONDS);

            assertThat(stored.timestamp()).isEqualTo(twoDaysAhead);
        }
    }
}
