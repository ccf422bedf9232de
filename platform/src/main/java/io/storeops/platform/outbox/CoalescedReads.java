package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Reads documents by id, one {@code $in} query for every read of a collection that arrives while
 * the previous query is under way. An idle store answers a lone read at once, as {@code findById}
 * would; a busy one (a poll's keys, many webhooks at once) gets one command for many reads, which
 * is most of the cost of a read: the command's encoding, round trip and decoding, not the lookup.
 */
final class CoalescedReads {

    /** Ids per query: far beyond what waits at once, well within a command's size. */
    private static final int MAX_IDS = 256;

    private final ReactiveMongoTemplate mongo;
    private final Map<String, Collection> collections = new ConcurrentHashMap<>();

    CoalescedReads(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The document with {@code id}, or empty. */
    Mono<Document> findById(String collection, String id) {
        return Mono.create(sink -> collections.computeIfAbsent(collection, Collection::new).read(new Read(id, sink)));
    }

    private record Read(String id, MonoSink<Document> sink) {
    }

    private final class Collection {

        private final String name;
        private final Queue<Read> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean querying = new AtomicBoolean();

        Collection(String name) {
            this.name = name;
        }

        void read(Read read) {
            waiting.add(read);
            queryWaiting();
        }

        private void queryWaiting() {
            if (!querying.compareAndSet(false, true)) {
                return; // the query under way takes the next batch when it ends
            }
            List<Read> batch = new ArrayList<>();
            Read next;
            while (batch.size() < MAX_IDS && (next = waiting.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                querying.set(false);
                if (!waiting.isEmpty()) {
                    queryWaiting(); // a read that came between the poll and the release
                }
                return;
            }
            mongo.find(query(where("_id").in(batch.stream().map(Read::id).distinct().toList())), Document.class, name)
                    .collectList()
                    .subscribe(found -> {
                        Map<Object, Document> byId = new HashMap<>();
                        found.forEach(document -> byId.put(document.get("_id"), document));
                        batch.forEach(read -> {
                            Document document = byId.get(read.id());
                            if (document == null) {
                                read.sink().success();
                            } else {
                                read.sink().success(document);
                            }
                        });
                        next();
                    }, failure -> {
                        batch.forEach(read -> read.sink().error(failure));
                        next();
                    });
        }

        private void next() {
            querying.set(false);
            if (!waiting.isEmpty()) {
                queryWaiting();
            }
        }
    }
}
