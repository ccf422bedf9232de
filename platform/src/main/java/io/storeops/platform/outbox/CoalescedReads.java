package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/** Reads documents by id, many at once as one {@code _id $in} query ({@link CollectionBatches}). */
final class CoalescedReads {

    private final ReactiveMongoTemplate mongo;
    private final CollectionBatches<Read> batches = new CollectionBatches<>(this::findAll);

    CoalescedReads(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The document with {@code id}, or empty. */
    Mono<Document> findById(String collection, String id) {
        return Mono.create(sink -> batches.add(collection, new Read(id, sink)));
    }

    private record Read(String id, MonoSink<Document> sink) {
    }

    private Mono<Void> findAll(String collection, List<Read> reads) {
        return mongo.find(query(where("_id").in(reads.stream().map(Read::id).distinct().toList())), Document.class, collection)
                .collectList()
                .doOnNext(found -> {
                    Map<Object, Document> byId = new HashMap<>();
                    found.forEach(document -> byId.put(document.get("_id"), document));
                    reads.forEach(read -> {
                        Document document = byId.get(read.id());
                        if (document == null) {
                            read.sink().success();
                        } else {
                            read.sink().success(document);
                        }
                    });
                })
                .doOnError(failure -> reads.forEach(read -> read.sink().error(failure)))
                .then();
    }
}
