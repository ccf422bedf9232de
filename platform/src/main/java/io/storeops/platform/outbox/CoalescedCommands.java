package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Reads by id and inserts of new aggregates, many at once ({@link CollectionBatches}): reads as one
 * {@code _id $in} query, inserts as one unordered {@code insertMany} in which each insert learns
 * its own outcome — stored, its id taken (a lost race), or its own error.
 */
final class CoalescedCommands {

    private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

    private final ReactiveMongoTemplate mongo;
    private final CollectionBatches<Read> reads = new CollectionBatches<>(this::findAll);
    private final CollectionBatches<Insert> inserts = new CollectionBatches<>(this::insertAll);

    CoalescedCommands(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The document with {@code id}, or empty. */
    Mono<Document> findById(String collection, String id) {
        return Mono.create(sink -> reads.add(collection, new Read(id, sink)));
    }

    /** True when the document was stored, false when a document with its id exists already. */
    Mono<Boolean> insert(String collection, Document document) {
        return Mono.create(sink -> inserts.add(collection, new Insert(document, sink)));
    }

    private record Read(String id, MonoSink<Document> sink) {}

    private Mono<Void> findAll(String collection, List<Read> reads) {
        return Mono.defer(() -> mongo.find(
                                query(where("_id")
                                        .in(reads.stream()
                                                .map(Read::id)
                                                .distinct()
                                                .toList())),
                                Document.class,
                                collection)
                        .collectList())
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

    private record Insert(Document document, MonoSink<Boolean> sink) {}

    private Mono<Void> insertAll(String collection, List<Insert> inserts) {
        return Mono.defer(() -> mongo.getCollection(collection))
                .flatMap(documents -> Mono.from(documents.insertMany(
                        inserts.stream().map(Insert::document).toList(), new InsertManyOptions().ordered(false))))
                .doOnNext(stored -> inserts.forEach(insert -> insert.sink().success(true)))
                .then()
                .onErrorResume(failure -> answer(collection, inserts, failure));
    }

    private Mono<Void> answer(String collection, List<Insert> inserts, Throwable failure) {
        if (failure instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null) {
            answerEach(inserts, bulk);
            return Mono.empty();
        }
        if (inserts.size() > 1 && !(failure instanceof MongoException)) {
            // Refused by the driver itself (a document too large, one it cannot encode): that is one
            // document's fault, so each insert goes alone and only the guilty one learns of it.
            return Flux.fromIterable(inserts)
                    .concatMap(insert -> insertAlone(collection, insert))
                    .then();
        }
        inserts.forEach(insert -> insert.sink().error(translated(failure)));
        return Mono.empty();
    }

    /**
     * One insert of a batch the driver refused part-way: the documents before the refused one may
     * have been sent and stored already, so an id found taken by this very document is its own
     * insert, not a lost race.
     */
    private Mono<Void> insertAlone(String collection, Insert insert) {
        Object id = insert.document().get("_id");
        return Mono.defer(() -> mongo.getCollection(collection))
                .flatMap(documents -> Mono.from(documents.insertOne(insert.document())))
                .doOnNext(stored -> insert.sink().success(true))
                .then()
                .onErrorResume(failure -> isDuplicateKey(failure)
                        ? mongo.findById(id, Document.class, collection)
                                .map(stored -> stored.equals(insert.document()))
                                .defaultIfEmpty(false)
                                .doOnNext(ownInsert -> insert.sink().success(ownInsert))
                                .then()
                        : Mono.error(failure))
                .onErrorResume(failure -> {
                    insert.sink().error(translated(failure));
                    return Mono.empty();
                });
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static void answerEach(List<Insert> inserts, MongoBulkWriteException bulk) {
        Map<Integer, BulkWriteError> errors = new HashMap<>();
        bulk.getWriteErrors().forEach(error -> errors.put(error.getIndex(), error));
        for (int i = 0; i < inserts.size(); i++) {
            BulkWriteError error = errors.get(i);
            MonoSink<Boolean> sink = inserts.get(i).sink();
            if (error == null) {
                sink.success(true);
            } else if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
                sink.success(false);
            } else {
                // The document's own error, so that it is judged by its own code, not by the batch's.
                sink.error(translated(new MongoWriteException(error, bulk.getServerAddress(), bulk.getErrorLabels())));
            }
        }
    }

    private static Throwable translated(Throwable failure) {
        DataAccessException translated =
                failure instanceof RuntimeException runtime ? TRANSLATOR.translateExceptionIfPossible(runtime) : null;
        return translated == null ? failure : translated;
    }
}
