package io.storeops.platform.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * The service's Kafka consumer ({@code storeopsEvents}): hands each message to the dispatcher and
 * judges every failed attempt on its own. An outage (store or broker unreachable, a timeout, a
 * race kept being lost) is thrown to the listener container, which retries the record with capped
 * backoff for as long as the outage lasts; a failure of the event itself is retried a few times at
 * once (a race may pass) and then dead-lettered, and the partition moves on. Judging each attempt,
 * not the first, means an event first met by an outage is still dead-lettered once the store is
 * back, and an outage that begins during an event's attempts still only delays it.
 */
public class EventConsumer implements Consumer<Message<byte[]>> {

    private final EventDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final int eventAttempts;

    public EventConsumer(EventDispatcher dispatcher, DeadLetters deadLetters, int eventAttempts) {
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.eventAttempts = eventAttempts;
    }

    @Override
    public void accept(Message<byte[]> message) {
        RuntimeException eventFailure = null;
        for (int attempt = 1; attempt <= eventAttempts; attempt++) {
            try {
                dispatcher.dispatch(message);
                return;
            } catch (RuntimeException failure) {
                if (FailurePolicy.isInfrastructure(failure)) {
                    throw failure;
                }
                eventFailure = failure;
            }
        }
        deadLetters.send(message, eventFailure);
    }
}
