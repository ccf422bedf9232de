package io.storeops.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.EventType;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.trace.Spans;
import io.storeops.platform.trace.Traceparent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import reactor.core.publisher.Mono;

/**
 * Reads a consumed message's CloudEvents headers, finds the handler for the event type and runs it;
 * unknown types are skipped (counted as {@code ignored}). A handler failure propagates:
 * {@link EventConsumer} decides what it means, the dead-letter replay reports it.
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<Class<?>, EventHandler<?>> handlers;
    private final MeterRegistry meters;
    private final String service;
    private final Duration handlerTimeout;
    private final Spans spans;

    public EventDispatcher(
            List<EventHandler<?>> handlers,
            MeterRegistry meters,
            String service,
            Duration handlerTimeout,
            Spans spans) {
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::payloadType, Function.identity()));
        this.meters = meters;
        this.service = service;
        this.handlerTimeout = handlerTimeout;
        this.spans = spans;
        registerAtZero();
    }

    /** Every type this service handles, with every outcome, exists from the start: an alert on it finds a series. */
    private void registerAtZero() {
        for (EventType type : EventType.values()) {
            if (handlers.containsKey(type.payloadType())) {
                for (Applied.Outcome outcome : Applied.Outcome.values()) {
                    counter(type.typeName(), outcome.name().toLowerCase());
                }
                counter(type.typeName(), "failed");
            }
        }
    }

    /** Applies the message through its handler, waiting for it; a failure is thrown, counted as {@code failed}. */
    public void dispatch(Message<byte[]> message) {
        apply(message).block();
    }

    /**
     * Applies the message through its handler when subscribed; fails, counted as {@code failed}, when
     * the handler fails or takes longer than the handler timeout (an outage, as a {@link TimeoutException}).
     */
    public Mono<Void> apply(Message<byte[]> message) {
        return Mono.defer(() -> {
            MessageHeaders headers = message.getHeaders();
            String typeName = header(headers, CloudEventHeaders.TYPE);
            EventHandler<?> handler = handler(headers);
            if (handler == null) {
                count(typeName == null ? "unknown" : typeName, "ignored");
                return Mono.<Void>empty();
            }
            return Mono.defer(() -> handle(handler, headers, message.getPayload()))
                    .timeout(handlerTimeout)
                    .doOnNext(outcome -> count(typeName, outcome.name().toLowerCase()))
                    .doOnError(failure -> {
                        count(typeName, "failed");
                        log.warn(
                                "Handling {} {} failed: {}",
                                typeName,
                                header(headers, CloudEventHeaders.ID),
                                failure.toString());
                    })
                    .then();
        });
    }

    /** Whether this service has a handler for the message's event type (and version); others are ignored. */
    public boolean handles(Message<byte[]> message) {
        return handler(message.getHeaders()) != null;
    }

    private EventHandler<?> handler(MessageHeaders headers) {
        int version = Integer.parseInt(Optional.ofNullable(header(headers, CloudEventHeaders.DATASCHEMAVERSION))
                .orElse("1"));
        return Optional.ofNullable(header(headers, CloudEventHeaders.TYPE))
                .flatMap(name -> EventType.find(name, version))
                .map(known -> handlers.get(known.payloadType()))
                .orElse(null);
    }

    private <T extends StoreOpsEvent> Mono<Applied.Outcome> handle(
            EventHandler<T> handler, MessageHeaders headers, byte[] payload) {
        String type = required(headers, CloudEventHeaders.TYPE);
        String subject = required(headers, CloudEventHeaders.SUBJECT);
        return spans.around(
                        "handle " + type,
                        Map.of("storeops.event.type", type, "storeops.event.subject", subject),
                        header(headers, CloudEventHeaders.TRACEPARENT),
                        traceparent -> handler.handle(new EventEnvelope<>(
                                        required(headers, CloudEventHeaders.ID),
                                        type,
                                        required(headers, CloudEventHeaders.SOURCE),
                                        subject,
                                        header(headers, CloudEventHeaders.AGGREGATE),
                                        Long.parseLong(required(headers, CloudEventHeaders.SEQUENCE)),
                                        "true".equals(header(headers, CloudEventHeaders.REPLAY)),
                                        Optional.ofNullable(header(headers, CloudEventHeaders.TIME))
                                                .map(Instant::parse)
                                                .orElse(null),
                                        traceparent,
                                        EventJson.read(payload, handler.payloadType())))
                                .contextWrite(context -> context.put(Traceparent.CONTEXT_KEY, traceparent)))
                .defaultIfEmpty(Applied.Outcome.UNCHANGED);
    }

    private void count(String type, String outcome) {
        counter(type, outcome).increment();
    }

    private Counter counter(String type, String outcome) {
        return Counter.builder("storeops.events.consumed")
                .description("Consumed events by type and outcome (applied, unchanged, duplicate, ignored, failed)")
                .tags("service", service, "type", type, "outcome", outcome)
                .register(meters);
    }

    private static String required(MessageHeaders headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing CloudEvents header " + name);
        }
        return value;
    }

    /**
     * Headers arrive as raw bytes (binary mode) or, through some mappers, as strings; Spring Cloud
     * Function may also rename the {@code ce_} attributes to their canonical {@code ce-} form.
     */
    public static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
