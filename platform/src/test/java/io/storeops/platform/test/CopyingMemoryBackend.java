package io.storeops.platform.test;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
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
 * like one. The copies are taken under the collection's lock, as the query runs.
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
            List<Document> copies = new ArrayList<>();
            found.forEach(document -> copies.add(document.cloneDeeply()));
            return new QueryResult(copies, found.getCursorId());
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return super.findAndModify(query).cloneDeeply();
        }
    }
}
