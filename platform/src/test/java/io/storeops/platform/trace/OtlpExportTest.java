package io.storeops.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The services' tracing as the platform's dependencies configure it: spans leave the process over
 * OTLP/HTTP only when an endpoint is configured, and then reach it with the service's name.
 */
class OtlpExportTest {

    private final Queue<ExportTraceServiceRequest> received = new ConcurrentLinkedQueue<>();
    private HttpServer collector;

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    OpenTelemetrySdkAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class,
                    OtlpTracingAutoConfiguration.class))
            .withPropertyValues("spring.application.name=order-service");

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            received.add(ExportTraceServiceRequest.parseFrom(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void withoutAnEndpointNoSpanLeavesTheProcess() {
        services.run(context -> assertThat(context).doesNotHaveBean(SpanExporter.class));
    }

    @Test
    void withAnEndpointSpansReachTheCollectorOverOtlpHttpNamedByTheService() {
        services.withPropertyValues(
                        "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
                                + collector.getAddress().getPort() + "/v1/traces",
                        "management.tracing.sampling.probability=1.0")
                .run(context -> {
                    assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
                    SdkTracerProvider spans = context.getBean(SdkTracerProvider.class);
                    spans.get("probe")
                            .spanBuilder("handle OrderPaid")
                            .startSpan()
                            .end();
                    spans.forceFlush().join(10, TimeUnit.SECONDS);

                    await().until(() -> !received.isEmpty());
                    var resource = received.peek().getResourceSpans(0);
                    assertThat(resource.getResource().getAttributesList()).anySatisfy(attribute -> {
                        assertThat(attribute.getKey()).isEqualTo("service.name");
                        assertThat(attribute.getValue().getStringValue()).isEqualTo("order-service");
                    });
                    assertThat(resource.getScopeSpans(0).getSpans(0).getName()).isEqualTo("handle OrderPaid");
                });
    }
}
