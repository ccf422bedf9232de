package io.storeops.analytics.operations;

import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.outbox.StateQuery;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The dispatch batches fulfilment announced, one fact each, for telling a late dispatch. */
@Component
public class DispatchBatchFacts {

    static final String COLLECTION = "batch_facts";

    private final AggregateStore store;

    public DispatchBatchFacts(AggregateStore store) {
        this.store = store;
    }

    /** Keeps the batch once; a redelivered announcement changes nothing. */
    public Mono<Applied.Outcome> created(DispatchBatchCreated created, ConsumedEvent position) {
        return store.apply(
                        COLLECTION,
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
                : store.findAll(COLLECTION, StateQuery.of(BatchFact.class).in("batchId", batchIds))
                        .collect(Collectors.toMap(BatchFact::batchId, batch -> batch));
    }
}
