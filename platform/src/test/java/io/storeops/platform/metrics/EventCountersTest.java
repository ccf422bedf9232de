package io.storeops.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderReleased;
import io.storeops.platform.outbox.Applied;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCountersTest {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void eachStoredEventIsCountedByTheEntryForItsTypeAndOthersAreNot() {
        List<String> counted = new ArrayList<>();
        EventCounters counters = new EventCounters().on(OrderHeld.class, held -> counted.addAll(held.reasons()));

        counters.count(new Applied<>(
                "state",
                Applied.Outcome.APPLIED,
                List.of(
                        new OrderHeld("s:1", "s", List.of("BUYER_NOTE", "HIGH_VALUE"), NOON),
                        new OrderReleased("s:1", "s", "cs.li", "ok", NOON))));

        assertThat(counted).containsExactly("BUYER_NOTE", "HIGH_VALUE");
    }

    @Test
    void aWriteThatStoredNothingCountsNothing() {
        List<String> counted = new ArrayList<>();
        EventCounters counters = new EventCounters().on(OrderHeld.class, held -> counted.add(held.orderId()));

        counters.count(new Applied<>("state", Applied.Outcome.DUPLICATE, List.of()));

        assertThat(counted).isEmpty();
    }
}
