package io.storeops.platform.test;

import de.bwaldvogel.mongo.MongoServer;

/**
 * One in-memory MongoDB-wire server per test JVM; each service test uses its own database in it.
 * It can be taken away and brought back on the same port with the same data, as a store outage.
 */
public final class EmbeddedMongo {

    private static final CopyingMemoryBackend BACKEND = new CopyingMemoryBackend();
    private static MongoServer server;
    private static int port;

    private EmbeddedMongo() {}

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(BACKEND);
            port = server.bind().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(), "embedded-mongo-stop"));
        }
        // A short server selection, so that a test's store outage fails operations in seconds, not half a minute.
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000";
    }

    /** The store goes away: open connections break and new ones are refused, until {@link #start()}. */
    public static synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    /** The store comes back on the same port with everything it held. */
    public static synchronized void start() {
        server = new MongoServer(BACKEND);
        server.bind("127.0.0.1", port);
    }
}
