package io.storeops.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Writes an event that can never be applied to {@code <topic>.<service>.dlq} (partition 0), with
 * its CloudEvents headers and why it failed, and counts it in {@code storeops_dlq_writes_total}.
 */
public class DeadLetters {

    /** Why the event was dead-lettered, and where it came from. */
    public static final String REASON = "storeops_dlq_reason";

    public static final String ORIGINAL_TOPIC = "storeops_dlq_original_topic";
    public static final String ORIGINAL_PARTITION = "storeops_dlq_original_partition";
    public static final String ORIGINAL_OFFSET = "storeops_dlq_original_offset";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaOperations<byte[], byte[]> kafka;
    private final MeterRegistry meters;
    private final String service;

    public DeadLetters(KafkaOperations<byte[], byte[]> kafka, MeterRegistry meters, String service) {
        this.kafka = kafka;
        this.meters = meters;
        this.service = service;
    }

    /**
     * Dead-letters the consumed message; a broker that does not take it within 30 s is an outage,
     * thrown as one, so that the consumer retries the event rather than dropping it.
     */
    public void send(Message<byte[]> message, Throwable failure) {
        String topic = EventDispatcher.header(message.getHeaders(), KafkaHeaders.RECEIVED_TOPIC);
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(Topics.deadLetter(topic, service), 0, key(message), message.getPayload());
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce_")
                    || name.startsWith("ce-")
                    || name.equals("traceparent")
                    || name.equals("dataschemaversion")
                    || name.equals("content-type")) {
                header(record, name.replace("ce-", "ce_"), EventDispatcher.header(message.getHeaders(), name));
            }
        });
        header(record, REASON, failure.toString());
        header(record, ORIGINAL_TOPIC, topic);
        header(
                record,
                ORIGINAL_PARTITION,
                EventDispatcher.header(message.getHeaders(), KafkaHeaders.RECEIVED_PARTITION));
        header(record, ORIGINAL_OFFSET, EventDispatcher.header(message.getHeaders(), KafkaHeaders.OFFSET));
        try {
            kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while dead-lettering", interrupted);
        } catch (Exception brokerUnavailable) {
            throw new DataAccessResourceFailureException("the broker did not take the dead letter", brokerUnavailable);
        }
        counter(topic).increment();
    }

    /** The dead-letter counter of a consumed topic; registered at zero on start so that an alert finds it. */
    Counter counter(String topic) {
        return Counter.builder("storeops.dlq.writes")
                .description("Records sent to a dead-letter topic: events that could not be applied")
                .tags("service", service, "topic", topic)
                .register(meters);
    }

    private static byte[] key(Message<byte[]> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        return key instanceof byte[] bytes
                ? bytes
                : key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
