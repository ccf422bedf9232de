package io.storeops.platform.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.storeops.platform.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Remembers which deliveries were received, keyed (unique {@code _id}) by source, sender (store or
 * carrier) and provider event id, plus the topic for Shopify, which delivers one event to several
 * subscriptions. A delivery is claimed before its effect, with a digest of its body, so that a
 * reused event id with another body is recognised even when both arrive at once; the claim is
 * marked done after the effect, so a redelivery of a finished delivery has no effect at all (a
 * storefront retrying an old {@code order.placed} must not undo a newer one). A claim left
 * unfinished by a crash is applied again by the provider's retry (effects are idempotent), so
 * nothing acknowledged is lost.
 */
public class WebhookDeliveries {

    public static final String COLLECTION = "webhook_deliveries";
    private static final String DIGEST = "digest";
    private static final String DONE = "done";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration dedupeWindow;

    public WebhookDeliveries(ReactiveMongoTemplate mongo, Clock clock, Duration dedupeWindow) {
        this.mongo = mongo;
        this.clock = clock;
        this.dedupeWindow = dedupeWindow;
    }

    /** What a claim found. */
    public enum Claim {
        /** Never seen: apply it. */
        NEW,
        /** Claimed before but not finished (a crash, or its twin in flight): apply it again. */
        UNFINISHED,
        /** Applied before: answer without effect. */
        DONE
    }

    /**
     * Claims the delivery; a reused native event id with a different body is refused with 409
     * (Shopify delivers one event with different bodies to several subscriptions, so not there).
     */
    public Mono<Claim> claim(VerifiedDelivery delivery) {
        String digest = WebhookSignatures.digest(delivery.body());
        Document record = record(delivery, digest).append(DONE, false);
        return mongo.insert(record, COLLECTION)
                .thenReturn(Claim.NEW)
                .onErrorResume(
                        DuplicateKeyException.class,
                        seenBefore -> mongo.findById(key(delivery), Document.class, COLLECTION)
                                .map(earlier -> {
                                    if (!WebhookIntake.SHOPIFY.equals(delivery.source())
                                            && (!digest.equals(earlier.getString(DIGEST))
                                                    || !delivery.topic().equals(earlier.getString("topic")))) {
                                        throw Problems.conflict(
                                                "event-id-reused",
                                                "Event id '" + delivery.deliveryId()
                                                        + "' was already received with a different body or topic; a new event needs a new id.",
                                                Map.of("eventId", delivery.deliveryId()));
                                    }
                                    return Boolean.TRUE.equals(earlier.getBoolean(DONE))
                                            ? Claim.DONE
                                            : Claim.UNFINISHED;
                                })
                                // Purged or released between the insert and this read: claim it afresh.
                                .switchIfEmpty(Mono.defer(() -> claim(delivery))));
    }

    /**
     * Marks the delivery's effect as stored: later redeliveries are answered without effect. Writes
     * the whole record if it is gone: a twin whose own effect failed may have released the claim.
     */
    public Mono<Void> complete(VerifiedDelivery delivery) {
        Update done = new Update().set(DONE, true);
        record(delivery, WebhookSignatures.digest(delivery.body())).forEach((field, value) -> {
            if (!"_id".equals(field)) {
                done.setOnInsert(field, value);
            }
        });
        return mongo.upsert(query(where("_id").is(key(delivery))), done, COLLECTION)
                .then();
    }

    private Document record(VerifiedDelivery delivery, String digest) {
        return new Document("_id", key(delivery))
                .append("source", delivery.source())
                .append("sender", delivery.sender())
                .append("topic", delivery.topic())
                .append(DIGEST, digest)
                .append("receivedAt", Date.from(clock.instant()))
                .append("expiresAt", Date.from(clock.instant().plus(dedupeWindow)));
    }

    /**
     * Forgets a claim whose delivery was refused, so that nothing is stored for it — unless a twin of
     * the delivery has completed it meanwhile: a done record stays, so later redeliveries stay duplicates.
     */
    public Mono<Void> release(VerifiedDelivery delivery) {
        return mongo.remove(query(where("_id").is(key(delivery)).and(DONE).is(false)), COLLECTION)
                .then();
    }

    /** Deletes records past their expiry; the embedded store has no TTL index, so this runs on a timer. */
    public Mono<Long> purgeExpired() {
        return mongo.remove(query(where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    private static String key(VerifiedDelivery delivery) {
        String key = delivery.source() + ":" + delivery.sender() + ":" + delivery.deliveryId();
        return WebhookIntake.SHOPIFY.equals(delivery.source()) ? key + ":" + delivery.topic() : key;
    }
}
