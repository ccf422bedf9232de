package io.storeops.standalone;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreException;

/**
 * The MongoDB-wire store (mongo-java-server) persisted in an H2 MVStore file under the data
 * folder, or with {@code --in-memory-store} kept in memory only; each service talks to it with
 * the real MongoDB driver over TCP, in its own database.
 */
final class EmbeddedDocumentStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final String uri;
    private final boolean inMemory;

    private EmbeddedDocumentStore(MongoServer server, MongoBackend backend, String uri, boolean inMemory) {
        this.server = server;
        this.backend = backend;
        this.uri = uri;
        this.inMemory = inMemory;
    }

    /** Starts the store on {@code port}: in {@code file}, or in memory (the file is then not touched). */
    static EmbeddedDocumentStore start(Path file, int port, boolean inMemory) throws Exception {
        MongoBackend backend = inMemory ? new MemoryBackend() : durableBackend(file);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedDocumentStore(server, backend, "mongodb://127.0.0.1:" + port, inMemory);
    }

    private static MongoBackend durableBackend(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try {
            return new DurableH2Backend(file.toAbsolutePath().toString());
        } catch (MVStoreException locked) {
            throw new IllegalStateException(
                    "The data folder is in use by another StoreOps (" + file.toAbsolutePath()
                            + " is locked). Stop that one first, or set STOREOPS_DATA_DIR to another folder.",
                    locked);
        }
    }

    String uri() {
        return uri;
    }

    /** True when nothing of the store survives the process. */
    boolean inMemory() {
        return inMemory;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
