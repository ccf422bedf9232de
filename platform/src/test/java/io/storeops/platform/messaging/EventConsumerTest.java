package io.storeops.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.order.OrderPlaced;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.trace.Spans;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

/** How a poll is applied: keys concurrently, an outage stopping what has not started, a bad record alone dead-lettered. */
class EventConsumerTest {

    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    private final List<ProducerRecord<byte[], byte[]>> deadLettered = Collections.synchronizedList(new ArrayList<>());
    private Set<String> outageFor = Set.of();

    @Test
    void noKeyOfThePollStartsOnceAnOutageShowedSoOneTryStaysShort() {
        outageFor = Set.of("a");
        EventConsumer consumer = consumer(1);

        assertThatThrownBy(() -> consumer.accept(poll(record("a"), record("b"), record("c"))))
                .satisfies(failure ->
                        assertThat(FailurePolicy.isInfrastructure(failure)).isTrue());

        assertThat(handled).containsExactly("a");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aRecordWithoutAValueIsDeadLetteredAloneAndTheRestOfThePollApplied() {
        EventConsumer consumer = consumer(8);

        Record withoutValue = record("b");
        consumer.accept(poll(record("a"), new Record("b", KafkaNull.INSTANCE, withoutValue.headers()), record("c")));

        assertThat(handled).containsExactlyInAnyOrder("a", "c");
        assertThat(deadLettered)
                .singleElement()
                .satisfies(dead ->
                        assertThat(dead.topic()).isEqualTo(Topics.deadLetter(Topics.ORDER_EVENTS, "test-service")));
    }

    @SuppressWarnings("unchecked")
    private EventConsumer consumer(int concurrentKeys) {
        EventHandler<OrderPlaced> handler = EventHandler.of(OrderPlaced.class, event -> {
            handled.add(event.payload().orderId());
            return outageFor.contains(event.payload().orderId())
                    ? Mono.error(new DataAccessResourceFailureException("the store is out"))
                    : Mono.just(Applied.Outcome.APPLIED);
        });
        KafkaOperations<byte[], byte[]> kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            deadLettered.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new EventConsumer(
                new EventDispatcher(List.of(handler), meters, "test-service", Duration.ofSeconds(5), Spans.generated()),
                new DeadLetters(kafka, meters, "test-service"),
                3,
                concurrentKeys);
    }

    private record Record(String key, Object value, Map<String, Object> headers) {}

    private static Record record(String orderId) {
        String payload = """
                {"orderId":"%s","storeId":"test-store","lines":[],"total":{"amountMinor":100,"currency":"CNY"},"placedAt":"2026-11-28T02:11:30Z"}
                """.formatted(orderId);
        return new Record(
                orderId,
                payload.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, "OrderPlaced",
                        CloudEventHeaders.SOURCE, "test-producer",
                        CloudEventHeaders.SUBJECT, orderId,
                        CloudEventHeaders.SEQUENCE, "1"));
    }

    /** A poll as the binder hands it over in batch mode: the values in a list, each header a list in the same order. */
    @SuppressWarnings("unchecked")
    private static Message<List<byte[]>> poll(Record... records) {
        List<Object> values = new ArrayList<>();
        List<Object> headers = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Object> offsets = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            Record record = (Record) records[i];
            values.add(record.value());
            headers.add(record.headers());
            keys.add(record.key());
            offsets.add((long) i);
        }
        return (Message<List<byte[]>>) (Message<?>) MessageBuilder.withPayload(values)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, Collections.nCopies(records.length, Topics.ORDER_EVENTS))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, Collections.nCopies(records.length, 0))
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .build();
    }
}
