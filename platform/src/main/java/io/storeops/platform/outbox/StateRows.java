package io.storeops.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.Field;
import org.springframework.data.mongodb.core.aggregation.Fields;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rows in bulk: facts a service takes in by the thousand (an imported report's lines) rather than
 * decides one at a time. They are kept in the aggregates' envelope ({@code {_id, state}}) so that
 * {@link StateQuery} finds and sums them the same way, but are written many to a command, without
 * versions or events: an import replaces rows, nothing reacts to each. Whoever writes them makes a
 * set of rows visible in one step of its own (an aggregate naming the import), so a half-written
 * set is never counted.
 */
public class StateRows {

    private final ReactiveMongoTemplate mongo;
    private final MongoConverter converter;

    public StateRows(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
    }

    /** Inserts {@code rows} in one command, each under the id {@code id} gives it; how many were written. */
    public <T> Mono<Integer> insert(String collection, List<T> rows, Function<T, String> id) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        List<Document> documents = new ArrayList<>(rows.size());
        for (T row : rows) {
            Document state = new Document();
            converter.write(row, state);
            state.remove("_class");
            documents.add(new Document("_id", id.apply(row)).append(AggregateStore.STATE, state));
        }
        return mongo.insert(documents, collection).count().map(Long::intValue);
    }

    /** Removes the rows matching {@code query}; how many. */
    public Mono<Long> delete(String collection, StateQuery<?> query) {
        return mongo.remove(query.toQuery(), collection).map(result -> result.getDeletedCount());
    }

    public <T> Flux<T> find(String collection, StateQuery<T> query) {
        return mongo.find(query.toQuery(), Document.class, collection)
                .map(document -> converter.read(query.type(), document.get(AggregateStore.STATE, Document.class)));
    }

    /**
     * Per combination of the values of {@code groupFields} among the rows matching {@code query}: how
     * many rows, and the sum of each of {@code sumFields}, in the order of the groups' values.
     */
    public Flux<GroupSums> sums(
            String collection, StateQuery<?> query, List<String> groupFields, List<String> sumFields) {
        Field[] keys = new Field[groupFields.size()];
        for (int index = 0; index < keys.length; index++) {
            keys[index] = Fields.field("g" + index, query.path(groupFields.get(index)));
        }
        GroupOperation group = Aggregation.group(Fields.from(keys)).count().as("count");
        for (String field : sumFields) {
            group = group.sum(query.path(field)).as(alias(field));
        }
        return mongo.aggregate(
                        Aggregation.newAggregation(
                                Aggregation.match(query.criteria()), group, Aggregation.sort(Sort.by("_id"))),
                        collection,
                        Document.class)
                .map(row -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    Object id = row.get("_id");
                    for (int index = 0; index < groupFields.size(); index++) {
                        values.put(
                                groupFields.get(index),
                                groupFields.size() == 1 || !(id instanceof Document byKey)
                                        ? id
                                        : byKey.get("g" + index));
                    }
                    Map<String, Long> sums = new LinkedHashMap<>();
                    sumFields.forEach(field -> sums.put(field, AggregateStore.number(row, alias(field))));
                    return new GroupSums(values, AggregateStore.number(row, "count"), sums);
                });
    }

    /** What {@link #sums} finds for one group: the group's values by field, its row count and its sums by field. */
    public record GroupSums(Map<String, Object> group, long count, Map<String, Long> sums) {

        public long sum(String field) {
            return sums.getOrDefault(field, 0L);
        }
    }

    /** An aggregation output name for a state path: no dots. */
    private static String alias(String field) {
        return "sum_" + field.replace('.', '_');
    }
}
