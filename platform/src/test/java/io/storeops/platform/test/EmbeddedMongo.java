package io.storeops.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** One in-memory MongoDB-wire server per test JVM; each service test uses its own database in it. */
public final class EmbeddedMongo {

    private static MongoServer server;

    private EmbeddedMongo() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
}
