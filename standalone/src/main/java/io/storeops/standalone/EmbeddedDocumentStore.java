package io.storeops.standalone;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreException;

/**
 * The MongoDB-wire store (mongo-java-server) persisted in an H2 MVStore file under the data
 * folder, or with {@code --in-memory-store} kept in memory only; each service talks to it with
 * the real MongoDB driver over TCP, in its own database.
 */
final class EmbeddedDocumentStore implements AutoCloseable {

    /**
     * The server answers each connection's commands on the event loop that connection was given,
     * one loop per thread, and Netty's default is two loops per core. A long command (a count over
     * a large collection) then held every connection sharing its loop, even for a read by key of
     * another collection: in the fault test's soak on 2 cores, at 70,000 orders, writes took
     * 300-500 ms and a small collection's count 0.8 s while counts of large ones took 5 s. Netty
     * hands out loops in turn, so 64 put 16 times fewer connections on each than 4; a connection can
     * still wait for the locks its commands need (a collection's, a commit's).
     */
    static final int CONNECTION_LOOPS = 64;

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
        return new EmbeddedDocumentStore(serve(backend, port), backend, "mongodb://127.0.0.1:" + port, inMemory);
    }

    /** Serves {@code backend} on {@code port} of the loopback interface. */
    static MongoServer serve(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, CONNECTION_LOOPS);
        return server;
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
