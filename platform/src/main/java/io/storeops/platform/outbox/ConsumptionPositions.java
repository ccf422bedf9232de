package io.storeops.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What an aggregate has consumed: the last sequence applied per producing aggregate, and the
 * late events (replayed dead letters, retried parked entries) applied below it, each by its own
 * sequence. Both are kept in the aggregate's document and written in the same update as the effect.
 */
final class ConsumptionPositions {

    static final String CONSUMED = "consumed";
    static final String REPLAYED = "replayed";
    /** Late events remembered per aggregate; far more than one aggregate ever has outstanding. */
    static final int REPLAYED_KEPT = 100;

    private final Map<String, Long> last;
    private final List<String> replayed;

    private ConsumptionPositions(Map<String, Long> last, List<String> replayed) {
        this.last = last;
        this.replayed = replayed;
    }

    static ConsumptionPositions none() {
        return new ConsumptionPositions(new LinkedHashMap<>(), new ArrayList<>());
    }

    static ConsumptionPositions read(Document document) {
        Map<String, Long> last = new LinkedHashMap<>();
        for (Document entry : document.getList(CONSUMED, Document.class, List.of())) {
            last.put(entry.getString("key"), AggregateStore.number(entry, "sequence"));
        }
        return new ConsumptionPositions(last, new ArrayList<>(document.getList(REPLAYED, String.class, List.of())));
    }

    /** Whether the event was applied before: a late event by its own sequence, any other by the last one. */
    boolean applied(ConsumedEvent event) {
        return event.replay() ? replayed.contains(replayKey(event)) : lastOf(event) >= event.sequence();
    }

    /** Whether applying the event now applies it after a later event of its aggregate. */
    boolean outOfSequence(ConsumedEvent event) {
        return lastOf(event) > event.sequence();
    }

    void record(ConsumedEvent event) {
        last.merge(event.aggregate(), event.sequence(), Math::max);
        if (event.replay()) {
            replayed.add(replayKey(event));
            if (replayed.size() > REPLAYED_KEPT) {
                replayed.remove(0);
            }
        }
    }

    List<Document> consumedDocuments() {
        return last.entrySet().stream()
                .map(entry -> new Document("key", entry.getKey()).append("sequence", entry.getValue()))
                .toList();
    }

    List<String> replayed() {
        return replayed;
    }

    private long lastOf(ConsumedEvent event) {
        return last.getOrDefault(event.aggregate(), 0L);
    }

    private static String replayKey(ConsumedEvent event) {
        return event.aggregate() + "#" + event.sequence();
    }
}
