package io.storeops.analytics.rebuild;

import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateIndex;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Where the facts fed by events live: collection {@code <name>} for generation 0 (the names the
 * facts always had) and {@code <name>_g<n>} for generation n, which a rebuild builds from the
 * consumed topics. Reads go to the current generation; writes too, except while a rebuild builds
 * the next one (the live consumer is stopped then, so every write is the rebuild's). The current
 * generation is kept in {@code fact_generations} and read once, when the service starts: a service
 * that cannot tell which facts to read does not start.
 */
@Component
public class FactCollections {

    static final String COLLECTION = "fact_generations";
    static final String ID = "facts";
    private static final Duration READ_AT_START = Duration.ofSeconds(60);

    private final AggregateStore store;
    /** The facts' indexes by collection name, declared on every generation a rebuild begins. */
    private final Map<String, List<StateIndex<?>>> indexes = new ConcurrentHashMap<>();

    private volatile int current;
    private volatile int written;

    public FactCollections(AggregateStore store) {
        this.store = store;
        FactGeneration stored = store.find(COLLECTION, ID, FactGeneration.class)
                .blockOptional(READ_AT_START)
                .orElse(FactGeneration.FIRST);
        this.current = stored.current();
        this.written = stored.current();
    }

    /** The collection {@code name} of generation {@code generation}. */
    public static String named(String name, int generation) {
        return generation == 0 ? name : name + "_g" + generation;
    }

    /** The collection of facts {@code name} to read. */
    public String read(String name) {
        return named(name, current);
    }

    /** The collection of facts {@code name} to apply events to. */
    public String written(String name) {
        return named(name, written);
    }

    /** The generation read. */
    public int current() {
        return current;
    }

    /**
     * Declares facts {@code name} with their indexes, created now on the current generation and on
     * every generation a rebuild begins. Blocks while it creates indexes: for start-up.
     */
    public void declare(String name, List<StateIndex<?>> declared) {
        List<StateIndex<?>> known = indexes.computeIfAbsent(name, any -> new CopyOnWriteArrayList<>());
        for (StateIndex<?> index : declared) {
            known.add(index);
            store.declareIndex(read(name), index);
        }
    }

    /**
     * Begins a generation (the one after any begun before) with its indexes and sends every write to
     * it; reads stay on the current one. Only with the live consumer stopped.
     */
    int begin() {
        int next = save(FactGeneration::begun).latest();
        indexes.forEach((name, declared) -> declared.forEach(index -> store.declareIndex(named(name, next), index)));
        written = next;
        return next;
    }

    /** Makes {@code generation} the one read and written, in one write. */
    void switchTo(int generation) {
        save(stored -> stored.switchedTo(generation));
        current = generation;
        written = generation;
    }

    /** Writes go back to the current generation; the one begun is left, never read. */
    void abandon() {
        written = current;
    }

    /** The facts' collection names in {@code generation}. */
    List<String> collections(int generation) {
        return indexes.keySet().stream()
                .sorted()
                .map(name -> named(name, generation))
                .toList();
    }

    private FactGeneration save(UnaryOperator<FactGeneration> change) {
        return store.apply(
                        COLLECTION,
                        ID,
                        FactGeneration.class,
                        stored -> Change.of(change.apply(stored.orElse(FactGeneration.FIRST))))
                .map(Applied::state)
                .block(READ_AT_START);
    }
}
