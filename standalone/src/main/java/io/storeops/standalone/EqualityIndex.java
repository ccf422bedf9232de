package io.storeops.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secondary (non-unique) index of the embedded store, which the server underneath does not have:
 * it ignores every index but the unique ones, so a find on any other field read the whole
 * collection while holding it. refund-service finds a case's file by {@code cases.caseId} on every
 * refund entry, approval and read; at 90,000 orders each such find read 90,000 files and the
 * service's own writes queued behind it.
 *
 * <p>It answers finds whose conditions (at the top level or in an {@code $and}) give each of its
 * fields a value or an {@code $in} of values, the values strings, booleans, dates or ids; the server
 * then checks each document it names against the whole query, as it does after a scan, so the index
 * only has to name a superset of the matches. Arrays on the way to a field are indexed element by
 * element, as MongoDB's multikey indexes are. Any other find reads the collection as before.
 *
 * <p>It lives in memory and is built from the collection's documents the first time a find can use
 * it: the file stays the only truth, so nothing can leave it out of step after a crash, and an index
 * no find ever uses costs nothing. A document's position in the H2 collection is its {@code _id}.
 */
final class EqualityIndex extends Index<Object> {

    private static final Logger log = LoggerFactory.getLogger(EqualityIndex.class);

    private static final String ID = "_id";
    private static final int MOST_LOOKUPS = 1_000;

    /** The collection the index reads once; its writers hold {@link #writeLock()} while they write. */
    interface Source {
        Object writeLock();

        Stream<Document> documents();
    }

    private final Source source;
    private final List<String[]> paths;

    /** A field such as {@code lines.0.sku} names a position in an array, which the collected values do not tell. */
    private final boolean namesArrayPositions;

    /** The positions of the documents holding each combination of values, once built. */
    private Map<List<Object>, NavigableSet<Object>> positions;

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse, Source source) {
        super(name, keys, sparse);
        this.source = source;
        this.paths = keys().stream().map(key -> key.split("\\.")).toList();
        this.namesArrayPositions = paths.stream()
                .flatMap(Arrays::stream)
                .anyMatch(step -> !step.isEmpty() && step.chars().allMatch(Character::isDigit));
    }

    @Override
    public boolean canHandle(Document query) {
        if (lookups(query) == null) {
            return false;
        }
        synchronized (this) {
            if (positions != null) {
                return true;
            }
        }
        // Writers take the collection, then the index: building in that order lets no write in between.
        synchronized (source.writeLock()) {
            synchronized (this) {
                if (positions == null) {
                    build();
                }
            }
        }
        return true;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        NavigableSet<Object> found = new TreeSet<>(ValueComparator.asc());
        for (List<Object> values : lookups(query)) {
            found.addAll(positions.getOrDefault(values, Collections.emptyNavigableSet()));
        }
        return new ArrayList<>(found);
    }

    private void build() {
        positions = new HashMap<>();
        source.documents().forEach(this::put);
        log.info("Built index {} of {} keys", getName(), positions.size());
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (positions != null) {
            put(document);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        if (positions != null) {
            forget(document);
        }
        return document.get(ID);
    }

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        if (positions != null) {
            forget(oldDocument);
            put(newDocument);
        }
    }

    private void put(Document document) {
        Object id = document.get(ID);
        for (List<Object> values : valuesOf(document)) {
            positions
                    .computeIfAbsent(values, any -> new TreeSet<>(ValueComparator.asc()))
                    .add(id);
        }
    }

    private void forget(Document document) {
        Object id = document.get(ID);
        for (List<Object> values : valuesOf(document)) {
            NavigableSet<Object> holders = positions.get(values);
            if (holders != null && holders.remove(id) && holders.isEmpty()) {
                positions.remove(values);
            }
        }
    }

    /** Every combination of the document's values of the index's fields (none when one is missing). */
    private List<List<Object>> valuesOf(Document document) {
        List<List<Object>> options = new ArrayList<>();
        for (String[] path : paths) {
            List<Object> found = new ArrayList<>();
            collect(document, path, 0, found);
            options.add(found);
        }
        return combinations(options);
    }

    /** The values a lookup can name: no other value can equal a lookup's. */
    private static void collect(Object value, String[] path, int depth, List<Object> found) {
        if (value instanceof Collection<?> elements) {
            elements.forEach(element -> collect(element, path, depth, found));
        } else if (depth == path.length) {
            if (isIndexable(value)) {
                found.add(value);
            }
        } else if (value instanceof Document document) {
            collect(document.get(path[depth]), path, depth + 1, found);
        }
    }

    /**
     * The combinations of values that name every document the query can match, or null when the query
     * does not give each field of the index an indexable value (or names too many combinations).
     */
    private List<List<Object>> lookups(Document query) {
        if (namesArrayPositions) {
            return null;
        }
        Map<String, List<Object>> wanted = new LinkedHashMap<>();
        equalities(query, wanted);
        List<List<Object>> options = new ArrayList<>();
        long count = 1;
        for (String key : keys()) {
            List<Object> values = wanted.get(key);
            if (values == null) {
                return null;
            }
            options.add(values);
            count *= values.size();
        }
        return count <= MOST_LOOKUPS ? combinations(options) : null;
    }

    /** The field conditions of a conjunction that ask for one value or one of a list. */
    private static void equalities(Document query, Map<String, List<Object>> wanted) {
        query.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof Collection<?> clauses) {
                clauses.forEach(clause -> {
                    if (clause instanceof Document document) {
                        equalities(document, wanted);
                    }
                });
            } else if (!field.startsWith("$")) {
                List<Object> values = acceptedValues(condition);
                if (values != null) {
                    wanted.putIfAbsent(field, values);
                }
            }
        });
    }

    private static List<Object> acceptedValues(Object condition) {
        if (isIndexable(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document operator
                && operator.size() == 1
                && operator.get("$in") instanceof Collection<?> values
                && !values.isEmpty()
                && values.stream().allMatch(EqualityIndex::isIndexable)) {
            return List.copyOf(values);
        }
        return null;
    }

    /**
     * Values whose equality is Java's: numbers are left to scans, as MongoDB matches 1 to 1.0 and
     * {@code 1L}; null, arrays and documents too, as they match in ways an index of leaves cannot name.
     */
    private static boolean isIndexable(Object value) {
        return value instanceof String
                || value instanceof Boolean
                || value instanceof Instant
                || value instanceof ObjectId
                || value instanceof UUID;
    }

    private static List<List<Object>> combinations(List<List<Object>> options) {
        List<List<Object>> combinations = List.of(List.of());
        for (List<Object> option : options) {
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : combinations) {
                for (Object value : option) {
                    List<Object> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    longer.add(List.copyOf(combination));
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    @Override
    public Object getPosition(Document document) {
        return document.get(ID);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: any document may join.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: any change may join.
    }

    @Override
    public synchronized long getCount() {
        return positions == null
                ? 0
                : positions.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /**
     * Never empty to the collection that adds it, which would otherwise read every document into it
     * at start for a find that may never come; it reads them itself when one does.
     */
    @Override
    public boolean isEmpty() {
        return false;
    }

    /** Nothing to let go: a dropped index is no longer the collection's, and goes with its positions. */
    @Override
    public void drop() {}
}
