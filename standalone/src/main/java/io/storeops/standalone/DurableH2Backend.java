package io.storeops.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2-backed Mongo-wire store, made to answer a write only once it is in the file. H2's
 * MVStore commits in the background about once a second, so a {@code kill -9} lost the last
 * second of acknowledged writes (orders answered 200, consumer effects whose offsets Kafka had
 * already committed). Here every write command commits before its reply; writers that finish
 * while a commit runs are covered by the next one (group commit), so concurrent writers share
 * commits instead of each paying for one.
 *
 * <p>A commit stores whole writes only. A write touches several maps (the documents and
 * each unique index), and MVStore commits whatever the maps hold at that moment; a commit in the
 * middle of another writer's command once stored a document without its {@code _id} index entry,
 * which after a {@code kill -9} left the document unfindable and impossible to insert again. So
 * MVStore's background commit is off, and a commit waits until no write is applying.
 *
 * <p>A document write (each statement of an insert, update, delete or findAndModify) counts as
 * applying only once it holds its collection, for its search and its changes; every other write
 * command counts throughout. A write waiting for a collection that a long scan holds no longer
 * keeps every other connection's commit, and so its answer, waiting ({@link WriteGate}). So a
 * {@code kill -9} may keep the first statements of a multi-statement write that was never
 * answered, as MongoDB may; never half a statement. The oplog, which the database would write
 * outside the collection, is off.
 *
 * <p>A commit writes to the operating system (it survives the process being killed); it does not
 * force the disk, so a power cut can still lose the last moments. The standalone is for
 * development and demos; production runs on MongoDB with majority write concern.
 */
class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that never change data: their replies need no commit. */
    private static final Set<String> READ_ONLY = Set.of(
            "find",
            "getMore",
            "getmore",
            "aggregate",
            "count",
            "distinct",
            "listCollections",
            "listIndexes",
            "listDatabases",
            "killCursors",
            "endSessions",
            "hello",
            "isMaster",
            "ismaster",
            "ping",
            "buildInfo",
            "buildinfo",
            "serverStatus",
            "getLastError",
            "getlasterror",
            "whatsmyuri",
            "getParameter",
            "dbStats",
            "collStats",
            "connectionStatus",
            "hostInfo",
            "getCmdLineOpts",
            "getFreeMonitoringStatus",
            "getLog");

    /** Write commands that apply inside their collection (lower case: the server ignores case). */
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    private static final int FIRST_BATCH = 101;
    private static final int LATER_BATCH = 500;

    private static final String FORMAT_MAP = "storeops.format";
    private static final String DOCUMENTS = "documents";
    private static final String BSON_FORMAT = "bson-1";

    /** MongoDB's own {@code cursorTimeoutMillis}: a cursor no client fetched from for this long is closed. */
    static final Duration IDLE_CURSOR_TIMEOUT = Duration.ofMinutes(10);

    private final AtomicLong finishedWrites = new AtomicLong();
    private final Object commitLock = new Object();
    private final WriteGate gate = new WriteGate();
    private final Map<Long, WeakReference<FetchedCursor>> openCursors = new ConcurrentHashMap<>();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "store-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    private long committedWrites;

    /**
     * Pages of 2 KB instead of H2's 16 KB: a commit stores every page a write touched, so with a
     * commit per write small pages cost far less (measured with 2 KB documents, one writer: 835
     * inserts/s at 16 KB, 1,280 at 2 KB; without per-write commits 1,680 and 2,440).
     */
    DurableH2Backend(String fileName) {
        super(withBsonFormat(
                new MVStore.Builder()
                        .fileName(fileName)
                        .pageSplitSize(2048)
                        .autoCommitDisabled()
                        .open(),
                fileName));
        housekeeping.scheduleWithFixedDelay(this::closeIdleCursors, 1, 1, TimeUnit.MINUTES);
    }

    /** A failure is logged, not thrown: a scheduled task that throws is never run again. */
    private void closeIdleCursors() {
        try {
            int closed = closeCursorsIdleSince(Instant.now().minus(IDLE_CURSOR_TIMEOUT));
            if (closed > 0) {
                log.info("Closed {} cursors no client fetched from for {}", closed, IDLE_CURSOR_TIMEOUT);
            }
        } catch (RuntimeException failure) {
            log.warn("Could not close idle cursors", failure);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonDatabase(databaseName);
    }

    /**
     * An H2 database whose collections and unique indexes keep documents and keys in BSON; map
     * names are H2Database's own. Inner, because H2Database opens its collections from its
     * constructor, before a subclass could have stored the MVStore in a field of its own.
     */
    private final class BsonDatabase extends H2Database {

        BsonDatabase(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore()
                    .openMap(
                            "databases." + namespace,
                            new MVMap.Builder<Object, Document>().valueType(BsonDataTypes.DocumentType.INSTANCE));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new CopyingCollection(
                    this, collectionName, options, documents, meta, cursorRegistry, DurableH2Backend.this);
        }

        /** Creating the collection a document write names applies as a write does. */
        @Override
        protected MongoCollection<Object> resolveOrCreateCollection(String collectionName) {
            return gate().applying(() -> super.resolveOrCreateCollection(collectionName));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> entries = getMvStore()
                    .openMap(
                            getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                            new MVMap.Builder<KeyValue, Object>().keyType(BsonDataTypes.KeyValueType.INSTANCE));
            return uniqueIndex(collectionName, entries, indexName, keys, sparse);
        }

        /** The server underneath ignores indexes that are not unique; these answer finds by value. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new EqualityIndex(
                    indexName, keys, sparse, (CopyingCollection) resolveCollection(collectionName, true));
        }
    }

    /**
     * An H2 collection answering queries with copies of its documents. H2Collection hands out the
     * documents its map holds, which an update changes in place: a reply written out on the
     * server's network thread while another request updates one of its documents would fail with a
     * ConcurrentModificationException and break the connection. A real MongoDB never shares its
     * documents; the copies are taken under the collection's lock, as the query runs.
     */
    private static final class CopyingCollection extends H2Collection implements EqualityIndex.Source {

        private final MVMap<Object, Document> documents;
        private final DurableH2Backend backend;

        CopyingCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> documents,
                MVMap<String, Object> meta,
                CursorRegistry cursors,
                DurableH2Backend backend) {
            super(database, name, options, documents, meta, cursors);
            this.documents = documents;
            this.backend = backend;
        }

        /**
         * What an aggregation reads: each document copied as the pipeline reaches it, not the whole
         * collection copied up front. The services' counts and sums are aggregations over collections
         * that grow with the orders; copied whole, a few at once ran a 1 GB store out of memory at
         * about 34,000 orders. The map's iterator reads a snapshot, and each copy is taken under the
         * collection's lock so that no update changes the document halfway through.
         */
        @Override
        public Stream<Document> queryAllAsStream() {
            // Of unknown size: the map's size is read live, after the iterator took its snapshot,
            // and a sized stream that a $sort fills would overrun when a delete came in between.
            return StreamSupport.stream(
                            Spliterators.spliteratorUnknownSize(
                                    documents.values().iterator(), Spliterator.ORDERED),
                            false)
                    .map(this::copy);
        }

        private synchronized Document copy(Document document) {
            return document.cloneDeeply();
        }

        /** Its writes hold the collection (the methods below are synchronized). */
        @Override
        public Object writeLock() {
            return this;
        }

        @Override
        public Stream<Document> documents() {
            return streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            QueryResult found = super.handleQuery(query);
            return new QueryResult(copies(found), found.getCursorId());
        }

        /** The rest of a large answer, fetched later by the client, is copied as well. */
        @Override
        protected Cursor createCursor(List<Document> rest) {
            FetchedCursor cursor = new FetchedCursor(cursorRegistry.generateCursorId(), copies(rest));
            cursorRegistry.add(cursor);
            backend.openCursors.put(cursor.getId(), new WeakReference<>(cursor));
            return cursor;
        }

        private static List<Document> copies(Iterable<Document> documents) {
            List<Document> copies = new ArrayList<>();
            documents.forEach(document -> copies.add(document.cloneDeeply()));
            return copies;
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return backend.gate().applying(() -> super.findAndModify(query).cloneDeeply());
        }

        // Each write enters the gate once it holds the collection (these methods are synchronized).

        @Override
        public synchronized List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
            return backend.gate().applying(() -> super.insertDocuments(documents, isOrdered));
        }

        @Override
        public synchronized Document updateDocuments(
                Document selector,
                Document update,
                ArrayFilters arrayFilters,
                boolean multi,
                boolean upsert,
                Oplog oplog) {
            return backend.gate()
                    .applying(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
        }

        @Override
        public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return backend.gate().applying(() -> super.deleteDocuments(selector, limit, oplog));
        }

        @Override
        public synchronized void addDocument(Document document) {
            backend.gate().applying(() -> super.addDocument(document));
        }

        @Override
        public synchronized void addDocuments(Stream<Document> documents) {
            backend.gate().applying(() -> super.addDocuments(documents));
        }

        @Override
        public synchronized void removeDocument(Document document) {
            backend.gate().applying(() -> super.removeDocument(document));
        }

        @Override
        public synchronized void renameTo(MongoDatabase newDatabase, String newCollectionName) {
            backend.gate().applying(() -> super.renameTo(newDatabase, newCollectionName));
        }
    }

    /**
     * The rest of an answer, waiting for the client to fetch it, and when it last did. The server
     * underneath closes a cursor only once it is read to the end or the client kills it; a client
     * that stopped reading (a find that timed out, a service killed) left its copies in memory for
     * good. In the 100,000-order soak, with a service instance killed every minute, the store's heap
     * filled at 93,000 orders; such copies are one suspect (the 60,000 soak after this fix closed one).
     */
    private static final class FetchedCursor extends AbstractCursor {

        /** What is still to send; a sent document is let go (the server's own cursor kept every one). */
        private final Deque<Document> rest;

        private volatile Instant lastFetched = Instant.now();

        FetchedCursor(long id, List<Document> rest) {
            super(id);
            this.rest = new ArrayDeque<>(rest);
        }

        @Override
        public synchronized boolean isEmpty() {
            return rest.isEmpty();
        }

        @Override
        public synchronized List<Document> takeDocuments(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("a batch of " + count + " documents");
            }
            lastFetched = Instant.now();
            List<Document> batch = new ArrayList<>(Math.min(count, rest.size()));
            while (batch.size() < count && !rest.isEmpty()) {
                batch.add(rest.poll());
            }
            return batch;
        }
    }

    /**
     * Closes the cursors no client fetched from since {@code cutoff}; a later fetch from one is
     * answered as MongoDB answers it, cursor not found. Returns how many were closed.
     */
    int closeCursorsIdleSince(Instant cutoff) {
        int closed = 0;
        for (Map.Entry<Long, WeakReference<FetchedCursor>> open : openCursors.entrySet()) {
            FetchedCursor cursor = open.getValue().get();
            if (cursor == null) {
                openCursors.remove(open.getKey()); // read to the end or killed, and collected
            } else if (cursor.lastFetched.isBefore(cutoff)) {
                openCursors.remove(open.getKey());
                if (getCursorRegistry().remove(cursor.getId())) {
                    closed++;
                }
            }
        }
        return closed;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        super.close();
    }

    /**
     * Marks a new file as holding BSON ({@link BsonDataTypes}); refuses a file that an earlier
     * standalone wrote in H2's default format, which this one could not read.
     */
    private static MVStore withBsonFormat(MVStore store, String fileName) {
        boolean marked = store.hasMap(FORMAT_MAP)
                && BSON_FORMAT.equals(store.<String, String>openMap(FORMAT_MAP).get(DOCUMENTS));
        if (!marked) {
            if (store.getMapNames().stream().anyMatch(name -> name.startsWith("databases."))) {
                store.closeImmediately(); // nothing written to a file this version does not own
                throw new IllegalStateException(
                        fileName + " was written by an earlier StoreOps standalone in a format this one "
                                + "does not read; move the data folder aside (or delete it) to start with a fresh store");
            }
            store.<String, String>openMap(FORMAT_MAP).put(DOCUMENTS, BSON_FORMAT);
            store.commit();
        }
        return store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (READ_ONLY.contains(command)) {
            return super.handleCommand(channel, databaseName, command, inBatches(command, query));
        }
        try {
            if (DOCUMENT_WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                return super.handleCommand(channel, databaseName, command, query);
            }
            return gate.applying(() -> super.handleCommand(channel, databaseName, command, query));
        } finally {
            // Also after a failed write: an ordered bulk may have applied its first part.
            commitCovering(finishedWrites.incrementAndGet());
        }
    }

    /**
     * No batch larger than MongoDB's first batch of 101 documents, or than 500 documents later. The
     * server underneath answers a find that names no batch size, or an unbounded one (the reactive
     * driver asks for {@code Integer.MAX_VALUE} when its subscriber wants everything), with every
     * matching document in one reply, which the driver refuses over 48 MB: a find of all orders
     * grew past it at about 34,000. MongoDB itself caps each batch at 16 MB; these caps count
     * documents instead, and StoreOps's documents are a few KB, so 500 stay far below the limit.
     * Drivers take a shorter batch than they asked for and fetch the rest.
     */
    private static Document inBatches(String command, Document query) {
        int largest = switch (command) {
            case "find" -> FIRST_BATCH;
            case "getMore", "getmore" -> LATER_BATCH;
            default -> 0;
        };
        if (largest == 0 || Boolean.TRUE.equals(query.get("singleBatch"))) {
            return query;
        }
        int asked = query.get("batchSize") instanceof Number number ? number.intValue() : 0;
        if (asked > 0 && asked <= largest) {
            return query;
        }
        Document batched = new Document(query);
        batched.put("batchSize", largest);
        return batched;
    }

    /**
     * The gate, or while H2Backend's constructor opens the file's collections (before this class's
     * fields are set, and before anyone else can write) one of their own.
     */
    private WriteGate gate() {
        return gate != null ? gate : new WriteGate();
    }

    private void commitCovering(long write) {
        synchronized (commitLock) {
            if (committedWrites >= write) {
                return; // a commit that started after this write finished has stored it
            }
            gate.between(() -> {
                long covered = finishedWrites.get();
                getMvStore().commit();
                committedWrites = covered;
            });
        }
    }

    /** A unique index keeping its keys in {@code entries} (a crash test slows one down to widen a race). */
    BsonUniqueIndex uniqueIndex(
            String collectionName,
            MVMap<KeyValue, Object> entries,
            String indexName,
            List<IndexKey> keys,
            boolean sparse) {
        return new BsonUniqueIndex(entries, indexName, keys, sparse);
    }

    /** What a {@code kill -9} leaves of the file: the store closed without a last commit (for crash tests). */
    void closeLikeAKill() {
        getMvStore().closeImmediately();
    }
}
