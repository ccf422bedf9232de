package io.storeops.platform.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Remembers which deliveries were processed, keyed (unique {@code _id}) by source, provider event
 * id and topic. A delivery is remembered only after its effect is stored, so a crash in between
 * makes the provider's retry apply the (idempotent) effect again rather than lose it.
 */
public class WebhookDeliveries {

    static final String COLLECTION = "webhook_deliveries";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration dedupeWindow;

    public WebhookDeliveries(ReactiveMongoTemplate mongo, Clock clock, Duration dedupeWindow) {
        this.mongo = mongo;
        this.clock = clock;
        this.dedupeWindow = dedupeWindow;
    }

    public Mono<Boolean> isKnown(VerifiedDelivery delivery) {
        return mongo.exists(query(where("_id").is(key(delivery))), COLLECTION);
    }

    public Mono<Void> remember(VerifiedDelivery delivery) {
        Document record = new Document("_id", key(delivery))
                .append("source", delivery.source())
                .append("storeId", delivery.storeId())
                .append("topic", delivery.topic())
                .append("receivedAt", Date.from(clock.instant()))
                .append("expiresAt", Date.from(clock.instant().plus(dedupeWindow)));
        return mongo.insert(record, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, concurrentTwin -> Mono.empty())
                .then();
    }

    /** Deletes records past their expiry; the embedded store has no TTL index, so this runs on a timer. */
    public Mono<Long> purgeExpired() {
        return mongo.remove(query(where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    private static String key(VerifiedDelivery delivery) {
        return delivery.source() + ":" + delivery.deliveryId() + ":" + delivery.topic();
    }
}
