package io.storeops.platform.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Which relay instance publishes an aggregate's outbox, until when. Kept in the aggregate's
 * document so that several instances of a service never publish one aggregate at once: a writer
 * takes the lease with its own write when nobody holds it, the holder publishes, and a lease left
 * by an instance that died expires and is taken over.
 */
record OutboxLease(String owner, Instant until) {

    static final String FIELD = "lease";

    static OutboxLease read(Document document) {
        Document lease = document.get(FIELD, Document.class);
        return lease == null
                ? null
                : new OutboxLease(
                        lease.getString("owner"), lease.get("until", Date.class).toInstant());
    }

    Document toDocument() {
        return new Document("owner", owner).append("until", Date.from(until));
    }

    /** Whether {@code instance} may publish now: it holds the lease, or nobody holds a live one. */
    static boolean mayPublish(OutboxLease lease, String instance, Instant now) {
        return lease == null || lease.owner.equals(instance) || !lease.until.isAfter(now);
    }

    boolean heldBy(String instance, Instant now) {
        return owner.equals(instance) && until.isAfter(now);
    }
}
