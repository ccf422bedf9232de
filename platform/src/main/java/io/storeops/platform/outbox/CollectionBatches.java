package io.storeops.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * Requests to the store, one command per collection for all that arrive while that collection's
 * previous command is under way. An idle store gets a lone request at once; a busy one (a poll's
 * keys, a burst of webhooks) gets one command for many requests, which is most of what a request
 * costs: the command's encoding, round trip, decoding and, for writes, the store's commit.
 *
 * @param <R> a request, which carries its own way to answer
 */
final class CollectionBatches<R> {

    /** Requests per command: far beyond what waits at once, well within a command's size. */
    private static final int MAX_BATCH = 256;

    private final BiFunction<String, List<R>, Mono<Void>> command;
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();

    /** @param command runs one batch on a collection and answers each request; completes when it has */
    CollectionBatches(BiFunction<String, List<R>, Mono<Void>> command) {
        this.command = command;
    }

    void add(String collection, R request) {
        collections.computeIfAbsent(collection, Collection::new).add(request);
    }

    private final class Collection {

        private final String name;
        private final Queue<R> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean();

        Collection(String name) {
            this.name = name;
        }

        void add(R request) {
            waiting.add(request);
            runWaiting();
        }

        private void runWaiting() {
            if (!running.compareAndSet(false, true)) {
                return; // the command under way takes the next batch when it ends
            }
            List<R> batch = new ArrayList<>();
            R next;
            while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                finished();
                return;
            }
            // Deferred: a command that failed while being built must still release the collection for the next batch.
            Mono.defer(() -> command.apply(name, batch)).subscribe(null, failure -> finished(), this::finished);
        }

        private void finished() {
            running.set(false);
            if (!waiting.isEmpty()) {
                runWaiting(); // what came while the command ran, or between the last poll and the release
            }
        }
    }
}
