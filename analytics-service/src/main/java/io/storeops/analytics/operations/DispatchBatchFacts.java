package io.storeops.analytics.operations;

import io.storeops.analytics.rebuild.FactCollections;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateQuery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The dispatch batches fulfilment announced, one fact each, for telling a late dispatch. */
@Component
public class DispatchBatchFacts {

    /** The facts' collection in generation 0; {@link FactCollections} names it in the others. */
    static final String COLLECTION = "batch_facts";

    private final AggregateStore store;
    private final FactCollections collections;

    public DispatchBatchFacts(AggregateStore store, FactCollections collections) {
        this.store = store;
        this.collections = collections;
        collections.declare(COLLECTION, List.of());
    }

    /** Keeps the batch once; a redelivered announcement changes nothing. */
    public Mono<Applied.Outcome> created(DispatchBatchCreated created, ConsumedEvent position) {
        return store.apply(
                        collections.written(COLLECTION),
                        created.batchId(),
                        BatchFact.class,
                        position,
                        current -> current.isPresent()
                                ? Change.none()
                                : Change.of(new BatchFact(
                                        created.batchId(),
                                        created.storeId(),
                                        created.batchDate(),
                                        created.cutoffAt(),
                                        created.shipmentCount())))
                .map(Applied::outcome);
    }

    /** The batches named, by id. */
    public Mono<Map<String, BatchFact>> find(Collection<String> batchIds) {
        return batchIds.isEmpty()
                ? Mono.just(Map.of())
                : store.findAll(
                                collections.read(COLLECTION),
                                StateQuery.of(BatchFact.class).in("batchId", batchIds))
                        .collect(Collectors.toMap(BatchFact::batchId, batch -> batch));
    }
}
