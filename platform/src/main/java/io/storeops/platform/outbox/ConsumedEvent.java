package io.storeops.platform.outbox;

/**
 * The position of a consumed event in its producer's stream: events of one source aggregate
 * arrive in order on one partition, so remembering the last applied sequence per source
 * aggregate is enough to recognise every redelivery, and stays bounded.
 */
public record ConsumedEvent(String source, String subject, long sequence) {

    String key() {
        return source + "/" + subject;
    }
}
