package io.storeops.platform.trace;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Spans recorded by Micrometer Tracing (OpenTelemetry underneath, exported over OTLP when an
 * endpoint is configured). A request's traceparent is its HTTP server span's, which Boot's
 * observation of the request started from the caller's header; handling an event is a span of its
 * own, a child of the span that wrote the event.
 */
public final class RecordedSpans implements Spans {

    private final Tracer tracer;

    public RecordedSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public String ofRequest(ContextView request, String callers) {
        return request.<Observation>getOrEmpty(ObservationThreadLocalAccessor.KEY)
                .flatMap(RecordedSpans::serverObservation)
                .map(server -> server.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> traceparent(span.context()))
                .orElseGet(() -> Traceparent.childOf(callers));
    }

    /** The request's own observation: the current one may be a filter's inside it (Spring Security's). */
    private static Optional<Observation.ContextView> serverObservation(Observation current) {
        Observation.ContextView context = current.getContextView();
        while (context != null && !(context instanceof ServerRequestObservationContext)) {
            context = Optional.ofNullable(context.getParentObservation())
                    .map(ObservationView::getContextView)
                    .orElse(null);
        }
        return Optional.ofNullable(context);
    }

    @Override
    public <T> Mono<T> around(
            String name, Map<String, String> tags, String parent, Function<String, Mono<T>> handling) {
        return Mono.defer(() -> {
            Span.Builder builder = tracer.spanBuilder().name(name).kind(Span.Kind.CONSUMER);
            tags.forEach(builder::tag);
            parentOf(parent).ifPresentOrElse(builder::setParent, builder::setNoParent);
            Span span = builder.start();
            Mono<T> handled;
            try {
                handled = handling.apply(traceparent(span.context()));
            } catch (RuntimeException unreadable) { // an event that cannot even be read: the span still tells
                span.error(unreadable);
                span.end();
                return Mono.error(unreadable);
            }
            return handled.doOnError(span::error).doFinally(signal -> span.end());
        });
    }

    /**
     * The writer's span, or — for a write outside any request or handled event (a timer's, a
     * scheduled job's) — a root span of its own, so that the events' handling has a parent that
     * exists and the sampler decides whether the trace is kept.
     */
    @Override
    public String ofEventWrittenUnder(String writer) {
        if (writer != null) {
            return writer;
        }
        Span root = tracer.spanBuilder()
                .name("write")
                .kind(Span.Kind.PRODUCER)
                .setNoParent()
                .start();
        root.end();
        return traceparent(root.context());
    }

    private Optional<TraceContext> parentOf(String traceparent) {
        return Traceparent.ids(traceparent)
                .map(ids -> tracer.traceContextBuilder()
                        .traceId(ids.traceId())
                        .spanId(ids.spanId())
                        .sampled(ids.sampled())
                        .build());
    }

    private static String traceparent(TraceContext context) {
        return new Traceparent.Ids(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()))
                .traceparent();
    }
}
