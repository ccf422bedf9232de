package io.storeops.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/**
 * An index on state fields of aggregates of type {@code T}, declared by the service next to the
 * query it serves ({@link AggregateStore#declareIndex}); fields are checked as in {@link StateQuery}.
 *
 * @param <T> the aggregate's state type
 */
public final class StateIndex<T> {

    private final StateQuery<T> fields;
    private final String name;
    private final List<Sort.Order> keys;

    private StateIndex(StateQuery<T> fields, String name, List<Sort.Order> keys) {
        this.fields = fields;
        this.name = name;
        this.keys = List.copyOf(keys);
    }

    /** An index called {@code name} (how operators and the logs know it) on aggregates of {@code type}. */
    public static <T> StateIndex<T> named(String name, Class<T> type) {
        return new StateIndex<>(StateQuery.of(type), name, List.of());
    }

    public StateIndex<T> ascending(String field) {
        return key(Sort.Order.asc(fields.path(field)));
    }

    public StateIndex<T> descending(String field) {
        return key(Sort.Order.desc(fields.path(field)));
    }

    /** The aggregate id as the last key, highest first, for pages that break ties by id. */
    public StateIndex<T> thenByIdDescending() {
        return key(Sort.Order.desc("_id"));
    }

    String name() {
        return name;
    }

    Index toIndex() {
        Index index = new Index().named(name);
        keys.forEach(key -> index.on(key.getProperty(), key.getDirection()));
        return index;
    }

    private StateIndex<T> key(Sort.Order order) {
        List<Sort.Order> more = new ArrayList<>(keys);
        more.add(order);
        return new StateIndex<>(fields, name, more);
    }
}
