package io.storeops.platform.outbox;

/**
 * The position of a consumed event in its producer's stream. Events of one producing aggregate
 * arrive in order on one partition, so the last applied sequence per producing aggregate
 * recognises every redelivery and stays bounded.
 *
 * @param aggregate the producing aggregate ({@code ce_aggregate})
 * @param replay    an event delivered again after it was held back (a dead letter replayed, a parked
 *                  entry retried): its sequence may be below the last applied one, and it is applied
 *                  once, recognised by its own sequence
 */
public record ConsumedEvent(String aggregate, long sequence, boolean replay) {

    public ConsumedEvent(String aggregate, long sequence) {
        this(aggregate, sequence, false);
    }
}
