package io.storeops.platform.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import reactor.util.context.ContextView;

/**
 * W3C Trace Context {@code traceparent}: carried from a webhook or Kafka record into the events
 * written while handling it, so one trace id follows an order across all services.
 */
public final class Traceparent {

    /** Reactor context key under which the current traceparent travels through a request or a consumed event. */
    public static final String CONTEXT_KEY = Traceparent.class.getName();

    private static final Pattern FORMAT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Traceparent() {}

    /** A new root trace. */
    public static String newTrace() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    /** A new span in the same trace as {@code parent}, or a new trace when the parent is absent or malformed. */
    public static String childOf(String parent) {
        if (parent == null) {
            return newTrace();
        }
        var matcher = FORMAT.matcher(parent.trim());
        if (!matcher.matches()) {
            return newTrace();
        }
        return "00-" + matcher.group(1) + "-" + randomHex(8) + "-" + matcher.group(3);
    }

    /** The ids a traceparent names, when it is well formed. */
    public record Ids(String traceId, String spanId, boolean sampled) {

        public String traceparent() {
            return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
        }
    }

    public static Optional<Ids> ids(String traceparent) {
        var matcher = FORMAT.matcher(traceparent == null ? "" : traceparent.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean sampled = (HEX.parseHex(matcher.group(3))[0] & 1) == 1;
        return Optional.of(new Ids(matcher.group(1), matcher.group(2), sampled));
    }

    public static Optional<String> traceId(String traceparent) {
        var matcher = FORMAT.matcher(traceparent == null ? "" : traceparent);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The traceparent a request or handled event runs under; null outside any (a timer's work). */
    public static String from(ContextView context) {
        return context.<String>getOrEmpty(CONTEXT_KEY).orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }
}
