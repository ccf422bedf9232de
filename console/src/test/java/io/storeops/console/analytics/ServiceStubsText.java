package io.storeops.console.analytics;

import io.storeops.console.ServiceStubs;

/** Variations of the analytics fixtures. */
final class ServiceStubsText {

    private ServiceStubsText() {}

    /** The running import, {@code percent} read. */
    static String running(int percent) {
        return ServiceStubs.read("analytics/import-running.json").replace("\"percent\": 40", "\"percent\": " + percent);
    }
}
