package io.storeops.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Inserts new aggregates, many at once as one unordered {@code insertMany} ({@link CollectionBatches}).
 * Each insert learns its own outcome: stored, or its id taken (a lost race), or its own error.
 */
final class CoalescedInserts {

    private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

    private final ReactiveMongoTemplate mongo;
    private final CollectionBatches<Insert> batches = new CollectionBatches<>(this::insertAll);

    CoalescedInserts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when the document was stored, false when a document with its id exists already. */
    Mono<Boolean> insert(String collection, Document document) {
        return Mono.create(sink -> batches.add(collection, new Insert(document, sink)));
    }

    private record Insert(Document document, MonoSink<Boolean> sink) {
    }

    private Mono<Void> insertAll(String collection, List<Insert> inserts) {
        return mongo.getCollection(collection)
                .flatMap(documents -> Mono.from(documents.insertMany(inserts.stream().map(Insert::document).toList(),
                        new InsertManyOptions().ordered(false))))
                .doOnNext(stored -> inserts.forEach(insert -> insert.sink().success(true)))
                .doOnError(failure -> answer(inserts, failure))
                .then();
    }

    private static void answer(List<Insert> inserts, Throwable failure) {
        if (!(failure instanceof MongoBulkWriteException bulk) || bulk.getWriteConcernError() != null) {
            inserts.forEach(insert -> insert.sink().error(translated(failure)));
            return;
        }
        Map<Integer, BulkWriteError> errors = new HashMap<>();
        bulk.getWriteErrors().forEach(error -> errors.put(error.getIndex(), error));
        for (int i = 0; i < inserts.size(); i++) {
            BulkWriteError error = errors.get(i);
            MonoSink<Boolean> sink = inserts.get(i).sink();
            if (error == null) {
                sink.success(true);
            } else if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                sink.success(false);
            } else {
                sink.error(translated(bulk));
            }
        }
    }

    private static Throwable translated(Throwable failure) {
        DataAccessException translated = failure instanceof RuntimeException runtime ? TRANSLATOR.translateExceptionIfPossible(runtime) : null;
        return translated == null ? failure : translated;
    }
}
