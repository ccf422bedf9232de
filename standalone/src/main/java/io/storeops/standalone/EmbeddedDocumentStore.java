package io.storeops.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreException;

/**
 * The MongoDB-wire store (mongo-java-server) persisted in an H2 MVStore file under the data
 * folder; each service talks to it with the real MongoDB driver over TCP, in its own database.
 */
final class EmbeddedDocumentStore implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;
    private final String uri;

    private EmbeddedDocumentStore(MongoServer server, H2Backend backend, String uri) {
        this.server = server;
        this.backend = backend;
        this.uri = uri;
    }

    static EmbeddedDocumentStore start(Path file, int port) throws Exception {
        Files.createDirectories(file.getParent());
        H2Backend backend;
        try {
            backend = new DurableH2Backend(file.toAbsolutePath().toString());
        } catch (MVStoreException locked) {
            throw new IllegalStateException("The data folder is in use by another StoreOps (" + file.toAbsolutePath()
                    + " is locked). Stop that one first, or set STOREOPS_DATA_DIR to another folder.", locked);
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedDocumentStore(server, backend, "mongodb://127.0.0.1:" + port);
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
