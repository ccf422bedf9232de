package io.storeops.platform.test;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory store, answering queries with copies of its documents. The plain one answers with
 * the stored documents themselves, which an update changes in place: a reply being written out on
 * the server's network thread while another request updated one of its documents failed with a
 * ConcurrentModificationException and broke the connection (seen in CI as a 503 of an unrelated
 * request). A real MongoDB never shares its documents, so the copies make the test store behave
 * like one. The copies are taken under the collection's lock, as the query runs (the rest of a
 * large answer too, as its cursor is made).
 */
final class CopyingMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new CopyingCollection(this, collectionName, options, cursorRegistry);
            }
        };
    }

    private static final class CopyingCollection extends MemoryCollection {

        CopyingCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            QueryResult found = super.handleQuery(query);
            return new QueryResult(copies(found), found.getCursorId());
        }

        /** The rest of a large answer, fetched later by the client, is copied as well. */
        @Override
        protected Cursor createCursor(List<Document> rest) {
            return super.createCursor(copies(rest));
        }

        /**
         * The store's own lookups (findAndModify's) get the stored documents: it changes them in
         * place, and the memory store keeps what was changed.
         */
        @Override
        public QueryResult handleQuery(Document query, int skip, int limit) {
            return super.handleQuery(new QueryParameters(query, skip, limit));
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return super.findAndModify(query).cloneDeeply();
        }

        private static List<Document> copies(Iterable<Document> documents) {
            List<Document> copies = new ArrayList<>();
            documents.forEach(document -> copies.add(document.cloneDeeply()));
            return copies;
        }
    }
}
