package io.storeops.platform.messaging;

import io.storeops.contracts.StoreOpsEvent;
import io.storeops.platform.outbox.Applied;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Reacts to one event type. A service declares one bean per type it consumes; types without a
 * handler are skipped (and counted), as the evolution rules require.
 */
public interface EventHandler<T extends StoreOpsEvent> {

    Class<T> payloadType();

    Mono<Applied.Outcome> handle(EventEnvelope<T> event);

    static <T extends StoreOpsEvent> EventHandler<T> of(
            Class<T> payloadType, Function<EventEnvelope<T>, Mono<Applied.Outcome>> handler) {
        return new EventHandler<>() {
            @Override
            public Class<T> payloadType() {
                return payloadType;
            }

            @Override
            public Mono<Applied.Outcome> handle(EventEnvelope<T> event) {
                return handler.apply(event);
            }
        };
    }
}
