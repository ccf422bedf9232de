package io.storeops.platform.outbox;

/** Another writer kept winning the race for the same aggregate; the caller may retry later. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String collection, String id) {
        super("aggregate " + collection + "/" + id + " kept changing under concurrent updates");
    }
}
