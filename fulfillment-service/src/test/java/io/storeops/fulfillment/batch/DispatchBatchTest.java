package io.storeops.fulfillment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.events.fulfillment.DailyReportAcknowledged;
import io.storeops.contracts.events.fulfillment.DispatchBatchClosed;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.contracts.events.fulfillment.DispatchBatchPrinted;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DispatchBatchTest {

    private static final LocalDate DAY = LocalDate.parse("2027-01-20");
    private static final Instant CUTOFF = Instant.parse("2027-01-20T06:00:00Z");
    private static final Instant LATER = CUTOFF.plusSeconds(3600);

    private static DispatchBatch made(List<String> shipments) {
        return DispatchBatch.cutOff(
                        Optional.empty(),
                        "tmall-flagship",
                        DAY,
                        CUTOFF,
                        shipments,
                        List.of("shp-b"),
                        DispatchBatch.AT_CUTOFF,
                        CUTOFF)
                .state();
    }

    @Test
    void aDayHasOneBatchWhoeverCutsItOff() {
        var created = DispatchBatch.cutOff(
                Optional.empty(),
                "tmall-flagship",
                DAY,
                CUTOFF,
                List.of("shp-a", "shp-b"),
                List.of("shp-b"),
                DispatchBatch.AT_CUTOFF,
                CUTOFF);

        assertThat(created.state().batchId()).isEqualTo("tmall-flagship-2027-01-20");
        assertThat(created.state().status()).isEqualTo(DispatchBatch.Status.OPEN);
        assertThat(created.events()).singleElement().isInstanceOfSatisfying(DispatchBatchCreated.class, event -> {
            assertThat(event.shipmentIds()).containsExactly("shp-a", "shp-b");
            assertThat(event.shipmentCount()).isEqualTo(2);
            assertThat(event.cutoffAt()).isEqualTo(CUTOFF);
        });
        assertThat(DispatchBatch.cutOff(
                                Optional.of(created.state()),
                                "tmall-flagship",
                                DAY,
                                LATER,
                                List.of("shp-c"),
                                List.of(),
                                "clerk.wu",
                                LATER)
                        .isNone())
                .isTrue();
    }

    @Test
    void aDayWithNothingToShipIsCutOffAndClosedAtOnce() {
        var empty = DispatchBatch.cutOff(
                Optional.empty(), "tmall-flagship", DAY, CUTOFF, List.of(), List.of(), DispatchBatch.AT_CUTOFF, CUTOFF);

        assertThat(empty.state().status()).isEqualTo(DispatchBatch.Status.CLOSED);
        assertThat(empty.events()).hasExactlyElementsOfTypes(DispatchBatchCreated.class, DispatchBatchClosed.class);
    }

    @Test
    void theClerkStampsThePrintedDocumentsOnce() {
        var printed = made(List.of("shp-a")).printed("clerk.wu", LATER);

        assertThat(printed.state().printed()).isEqualTo(new DispatchBatch.Stamp("clerk.wu", LATER));
        assertThat(printed.events()).singleElement().isInstanceOf(DispatchBatchPrinted.class);
        assertThatThrownBy(() -> printed.state().printed("clerk.li", LATER))
                .isInstanceOf(BatchConflict.class)
                .hasMessageContaining("printed and stamped by clerk.wu");
    }

    @Test
    void closingWaitsForTheStampAndForEveryParcelDispatchedOrExplained() {
        DispatchBatch open = made(List.of("shp-a", "shp-b", "shp-c", "shp-d"));
        Map<String, ShipmentStatus> statuses = Map.of(
                "shp-a", ShipmentStatus.DISPATCHED,
                "shp-b", ShipmentStatus.CANCELLED,
                "shp-c", ShipmentStatus.READY,
                "shp-d", ShipmentStatus.ON_HOLD);

        assertThatThrownBy(() -> open.close(statuses, Map.of(), "wh.zhao", LATER))
                .isInstanceOf(BatchConflict.class)
                .hasMessageContaining("not printed yet");

        DispatchBatch printed = open.printed("clerk.wu", LATER).state();
        assertThatThrownBy(() -> printed.close(statuses, Map.of("shp-c", " "), "wh.zhao", LATER))
                .isInstanceOfSatisfying(
                        BatchConflict.class,
                        conflict -> assertThat(conflict.shipmentIds()).containsExactly("shp-c", "shp-d"));

        var closed = printed.close(
                statuses, Map.of("shp-c", "box damaged, repacking", "shp-d", "held for review"), "wh.zhao", LATER);

        assertThat(closed.state().status()).isEqualTo(DispatchBatch.Status.CLOSED);
        assertThat(closed.state().closing().rolledOn()).containsExactly("shp-c", "shp-d");
        assertThat(closed.state().closing().explanations())
                .containsEntry("shp-b", "cancelled")
                .containsEntry("shp-c", "box damaged, repacking");
        assertThat(closed.events()).singleElement().isInstanceOfSatisfying(DispatchBatchClosed.class, event -> {
            assertThat(event.dispatchedCount()).isEqualTo(1);
            assertThat(event.pendingCount()).isEqualTo(2);
            assertThat(event.closedBy()).isEqualTo("wh.zhao");
        });
        assertThatThrownBy(() -> closed.state().close(statuses, Map.of(), "wh.li", LATER))
                .isInstanceOf(BatchConflict.class)
                .hasMessageContaining("was closed by wh.zhao");
        assertThatThrownBy(() -> closed.state().printed("clerk.wu", LATER)).isInstanceOf(BatchConflict.class);
    }

    @Test
    void aShipmentTheStoreLostTrackOfIsNotCountedAsDispatched() {
        DispatchBatch printed =
                made(List.of("shp-a")).printed("clerk.wu", LATER).state();

        assertThatThrownBy(() -> printed.close(Map.of(), Map.of(), "wh.zhao", LATER))
                .isInstanceOf(BatchConflict.class);
    }

    @Test
    void theManagerAcknowledgesAClosedReportOnce() {
        DispatchBatch printed =
                made(List.of("shp-a")).printed("clerk.wu", LATER).state();
        assertThatThrownBy(() -> printed.acknowledge("mgr.chen", LATER))
                .isInstanceOf(BatchConflict.class)
                .hasMessageContaining("still open");

        DispatchBatch closed = printed.close(Map.of("shp-a", ShipmentStatus.DISPATCHED), Map.of(), "wh.zhao", LATER)
                .state();
        var acknowledged = closed.acknowledge("mgr.chen", LATER);

        assertThat(acknowledged.state().acknowledged()).isEqualTo(new DispatchBatch.Stamp("mgr.chen", LATER));
        assertThat(acknowledged.events()).singleElement().isInstanceOf(DailyReportAcknowledged.class);
        assertThatThrownBy(() -> acknowledged.state().acknowledge("mgr.wang", LATER))
                .isInstanceOf(BatchConflict.class)
                .hasMessageContaining("acknowledged by mgr.chen");
    }
}
