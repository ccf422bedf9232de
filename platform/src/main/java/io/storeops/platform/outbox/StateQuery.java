package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A query on the state of stored aggregates of type {@code T}, in the state's own terms: fields
 * are the state's component paths ({@code "told.storeId"}, {@code "lines.sku"}), checked against
 * {@code T} when the query is built, so a misspelt or renamed field fails the first test that
 * runs the query instead of matching nothing. Values are compared as plain values, never as query
 * operators. Immutable: each method returns a narrower query.
 *
 * @param <T> the aggregate's state type
 */
public final class StateQuery<T> {

    private final Class<T> type;
    private final List<Criteria> conditions;
    private final Sort order;
    private final int limit;

    private StateQuery(Class<T> type, List<Criteria> conditions, Sort order, int limit) {
        this.type = type;
        this.conditions = List.copyOf(conditions);
        this.order = order;
        this.limit = limit;
    }

    /** Every stored aggregate of {@code type}, unordered. */
    public static <T> StateQuery<T> of(Class<T> type) {
        return new StateQuery<>(type, List.of(), Sort.unsorted(), 0);
    }

    public Class<T> type() {
        return type;
    }

    /** Only those whose {@code field} equals {@code value} (for a list field: contains it). */
    public StateQuery<T> is(String field, Object value) {
        return with(where(path(field)).is(value));
    }

    /** Only those whose {@code field} equals one of {@code values}. */
    public StateQuery<T> in(String field, Collection<?> values) {
        return with(where(path(field)).in(values));
    }

    /** Only those whose {@code field} is set. */
    public StateQuery<T> present(String field) {
        return with(where(path(field)).ne(null));
    }

    /** Only those whose {@code field} is not set. */
    public StateQuery<T> absent(String field) {
        return with(where(path(field)).is(null));
    }

    /** Only those whose {@code field} is at least {@code value}. */
    public StateQuery<T> atLeast(String field, Object value) {
        return with(where(path(field)).gte(value));
    }

    /** Only those whose {@code field} is below {@code value}. */
    public StateQuery<T> below(String field, Object value) {
        return with(where(path(field)).lt(value));
    }

    /** Only those whose {@code field} is at most {@code value}. */
    public StateQuery<T> atMost(String field, Object value) {
        return with(where(path(field)).lte(value));
    }

    /** Only those matching at least one of the {@code alternatives}, each built from {@link #of}'s empty query. */
    @SafeVarargs
    public final StateQuery<T> anyOf(UnaryOperator<StateQuery<T>>... alternatives) {
        List<Criteria> each = new ArrayList<>();
        for (UnaryOperator<StateQuery<T>> alternative : alternatives) {
            each.add(alternative.apply(of(type)).criteria());
        }
        return with(new Criteria().orOperator(each));
    }

    /**
     * Only those after {@code (value, id)} in the order newest {@code field} first, then highest id:
     * the rest of a page, stable however many arrive meanwhile.
     */
    public StateQuery<T> afterDescending(String field, Object value, String id) {
        String path = path(field);
        return with(new Criteria()
                .orOperator(
                        where(path).lt(value), where(path).is(value).and("_id").lt(id)));
    }

    /**
     * Only those after {@code (value, id)} in the order earliest {@code field} first, then lowest id:
     * the rest of a queue worked from its oldest, stable however many arrive meanwhile.
     */
    public StateQuery<T> afterAscending(String field, Object value, String id) {
        String path = path(field);
        return with(new Criteria()
                .orOperator(
                        where(path).gt(value), where(path).is(value).and("_id").gt(id)));
    }

    /** Sorted by {@code field}, earliest (smallest) first, after any order given before. */
    public StateQuery<T> ascending(String field) {
        return sorted(Sort.by(Sort.Direction.ASC, path(field)));
    }

    /** Sorted by {@code field}, latest (largest) first, after any order given before. */
    public StateQuery<T> descending(String field) {
        return sorted(Sort.by(Sort.Direction.DESC, path(field)));
    }

    /** Ties broken by the aggregate id, lowest first, so that the order is total. */
    public StateQuery<T> thenByIdAscending() {
        return sorted(Sort.by(Sort.Direction.ASC, "_id"));
    }

    /** Ties broken by the aggregate id, highest first, so that the order is total. */
    public StateQuery<T> thenByIdDescending() {
        return sorted(Sort.by(Sort.Direction.DESC, "_id"));
    }

    /** At most {@code count} aggregates. */
    public StateQuery<T> limit(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + count);
        }
        return new StateQuery<>(type, conditions, order, count);
    }

    Query toQuery() {
        Query query = new Query(criteria()).with(order);
        return limit > 0 ? query.limit(limit) : query;
    }

    Criteria criteria() {
        return conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
    }

    /** The stored path of a state field; also how a state index names its keys. */
    String path(String field) {
        return StatePaths.stored(type, field);
    }

    private StateQuery<T> with(Criteria condition) {
        List<Criteria> more = new ArrayList<>(conditions);
        more.add(condition);
        return new StateQuery<>(type, more, order, limit);
    }

    private StateQuery<T> sorted(Sort then) {
        return new StateQuery<>(type, conditions, order.and(then), limit);
    }
}
