/**
 * The storage envelope: how a service stores its aggregates and the events they cause, together.
 *
 * <p>What a service uses, and all it may use (the architecture tests check it):
 * <ul>
 *   <li>{@link io.storeops.platform.outbox.AggregateStore}: {@code apply} a decision to one aggregate
 *       (created if absent), optionally as the consumer of an event; {@code find} one; {@code findAll},
 *       {@code count} and {@code totals} over a {@link io.storeops.platform.outbox.StateQuery}; and
 *       {@code declareIndex} for a {@link io.storeops.platform.outbox.StateIndex} next to the query it serves.</li>
 *   <li>{@link io.storeops.platform.outbox.Change}: what a decision returns, the new state and the
 *       events that announce it, or none.</li>
 *   <li>{@link io.storeops.platform.outbox.Applied}: what a write did (applied, unchanged, or a
 *       duplicate of an event already consumed) and the events it stored.</li>
 *   <li>{@link io.storeops.platform.outbox.ConsumedEvent}: the position of a consumed event (its
 *       producing aggregate and sequence), recorded with the state so a redelivery changes nothing.</li>
 *   <li>{@link io.storeops.platform.outbox.ConcurrentUpdateException}: a write that lost its race too
 *       often; answered as a retryable problem.</li>
 * </ul>
 *
 * <p>Everything else here — the document layout ({@code state}, {@code outbox}, positions, leases),
 * the relay that publishes the outbox and its batching — is the platform's own: services never
 * write {@code state.} paths, never see MongoDB's query language, and never send to Kafka themselves.
 */
package io.storeops.platform.outbox;
