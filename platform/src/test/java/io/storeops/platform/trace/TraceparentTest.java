package io.storeops.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceparentTest {

    @Test
    void aChildKeepsTheTraceIdAndGetsANewSpan() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        String child = Traceparent.childOf(parent);

        assertThat(Traceparent.traceId(child)).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(child).isNotEqualTo(parent).endsWith("-01");
    }

    @Test
    void aMissingOrMalformedParentStartsANewTrace() {
        assertThat(Traceparent.traceId(Traceparent.childOf(null))).isPresent();
        assertThat(Traceparent.traceId(Traceparent.childOf("garbage"))).isPresent();
        assertThat(Traceparent.childOf("garbage")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
