package io.storeops.platform.trace;

import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Where the spans of a trace come from. Every request and every handled event has a traceparent
 * that the events it writes carry on; with a tracer ({@link RecordedSpans}) those are the ids of
 * spans it records and exports, without one ({@link #generated()}) they are made up here, so the
 * trace id still follows an order across the services.
 */
public interface Spans {

    /** The traceparent a request runs under, continuing {@code callers} (the request's header, perhaps null). */
    String ofRequest(ContextView request, String callers);

    /**
     * Runs {@code handling} in a span named {@code name} (low cardinality: it groups spans), a child
     * of {@code parent}, tagged with {@code tags}; {@code handling} gets the span's traceparent.
     */
    <T> Mono<T> around(String name, Map<String, String> tags, String parent, Function<String, Mono<T>> handling);

    /** The traceparent an event written under {@code writer} carries; {@code writer} is null outside any trace. */
    String ofEventWrittenUnder(String writer);

    /** Ids made up per W3C Trace Context, nothing recorded. */
    static Spans generated() {
        return new Spans() {
            @Override
            public String ofRequest(ContextView request, String callers) {
                return Traceparent.childOf(callers);
            }

            @Override
            public <T> Mono<T> around(
                    String name, Map<String, String> tags, String parent, Function<String, Mono<T>> handling) {
                return Mono.defer(() -> handling.apply(Traceparent.childOf(parent)));
            }

            @Override
            public String ofEventWrittenUnder(String writer) {
                return Traceparent.childOf(writer);
            }
        };
    }
}
