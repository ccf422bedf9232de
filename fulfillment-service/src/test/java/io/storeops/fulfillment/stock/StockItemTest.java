package io.storeops.fulfillment.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.storeops.contracts.events.fulfillment.StockAllocated;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StockItemTest {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void aCountSetsWhatIsOnHandAndKeepsTheDifferenceAsTheMovement() {
        StockItem counted = StockItem.count(Optional.empty(), request("TEA-LJ-250", 120, "monthly count"))
                .state();
        StockItem recounted = StockItem.count(Optional.of(counted), request("TEA-LJ-250", 117, null))
                .state();

        assertThat(recounted.onHand()).isEqualTo(117);
        assertThat(recounted.movements())
                .extracting(StockMovement::kind, StockMovement::delta, StockMovement::onHandAfter, StockMovement::by)
                .containsExactly(
                        tuple(StockMovement.Kind.COUNTED, 120, 120, "wh.zhao"),
                        tuple(StockMovement.Kind.COUNTED, -3, 117, "wh.zhao"));
    }

    @Test
    void adjustmentsAddAndTakeOutButNeverBelowZero() {
        StockItem received = StockItem.adjust(Optional.empty(), request("CUP-GL-01", 5, "received"))
                .state();
        StockItem damaged = StockItem.adjust(Optional.of(received), request("CUP-GL-01", -2, "broken"))
                .state();

        assertThat(damaged.onHand()).isEqualTo(3);
        assertThat(damaged.movements().get(1).reason()).isEqualTo("broken");
        assertThatThrownBy(() -> StockItem.adjust(Optional.of(damaged), request("CUP-GL-01", -4, "lost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only 3 on hand: cannot take out 4.");
        assertThatThrownBy(() -> StockItem.adjust(Optional.of(damaged), request("CUP-GL-01", 0, null)))
                .hasMessage("delta must not be 0.");
        assertThatThrownBy(() -> StockItem.count(Optional.of(damaged), request("CUP-GL-01", -1, null)))
                .hasMessageContaining("onHand must be between 0 and");
    }

    @Test
    void aSkuMustBeACodeAndAReasonShort() {
        assertThatThrownBy(() -> StockItem.count(Optional.empty(), request("bad sku{$gt}", 1, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sku must be");
        assertThatThrownBy(() -> StockItem.count(Optional.empty(), request("TEA", 1, "x".repeat(201))))
                .hasMessage("reason is at most 200 characters.");
    }

    @Test
    void theDocumentKeepsTheLatestMovements() {
        StockItem item =
                StockItem.count(Optional.empty(), request("TEA", 0, "first")).state();
        for (int i = 1; i <= StockItem.MOVEMENTS_KEPT; i++) {
            item = StockItem.adjust(Optional.of(item), request("TEA", 1, "received " + i))
                    .state();
        }

        assertThat(item.movements()).hasSize(StockItem.MOVEMENTS_KEPT);
        assertThat(item.movements().get(0).reason()).isEqualTo("received 1");
        assertThat(item.onHand()).isEqualTo(StockItem.MOVEMENTS_KEPT);
    }

    @Test
    void paidLinesTakeAvailableUnitsAndTheRestWaitOldestPaidFirstUntilARestockServesThemWhole() {
        StockItem three =
                StockItem.count(Optional.empty(), request("TEA", 3, null)).state();

        StockItem a = three.reserve(line("shp-a", 2, 1), NOON).state();
        StockItem b = a.reserve(line("shp-b", 2, 2), NOON).state();
        StockItem c = b.reserve(line("shp-c", 1, 3), NOON).state();

        assertThat(c.holdsFor("shp-a")).isTrue();
        assertThat(c.available()).isEqualTo(1);
        assertThat(c.waiting()).extracting(StockItem.Waiting::shipmentId).containsExactly("shp-b", "shp-c");
        assertThat(c.missingFor("shp-b")).isEqualTo(1);
        assertThat(c.missingFor("shp-c"))
                .as("the one free unit is spoken for by b, paid earlier")
                .isEqualTo(1);
        assertThat(c.reserve(line("shp-a", 2, 1), NOON).isNone())
                .as("asked again")
                .isTrue();

        var restocked = StockItem.adjust(Optional.of(c), request("TEA", 1, "received"));
        assertThat(restocked.events()).singleElement().isInstanceOfSatisfying(StockAllocated.class, served -> {
            assertThat(served.shipmentId()).isEqualTo("shp-b");
            assertThat(served.quantity()).isEqualTo(2);
        });
        assertThat(restocked.state().waiting())
                .extracting(StockItem.Waiting::shipmentId)
                .containsExactly("shp-c");
    }

    @Test
    void anAdjustmentRetriedWithItsIdempotencyKeyIsMadeOnce() {
        StockItem ten =
                StockItem.count(Optional.empty(), request("TEA", 10, null)).state();
        StockMovement.Request received = new StockMovement.Request(
                "tmall-flagship", "TEA", 5, "received", "wh.zhao", "api", NOON, "delivery-42");

        StockItem fifteen = StockItem.adjust(Optional.of(ten), received).state();

        assertThat(fifteen.onHand()).isEqualTo(15);
        assertThat(fifteen.movements())
                .last()
                .extracting(StockMovement::requestKey)
                .isEqualTo("delivery-42");
        assertThat(StockItem.adjust(Optional.of(fifteen), received).isNone())
                .as("the retry after a lost answer")
                .isTrue();
        assertThat(StockItem.adjust(Optional.of(fifteen), request("TEA", 5, "received"))
                        .state()
                        .onHand())
                .as("without a key, each request is its own")
                .isEqualTo(20);
    }

    @Test
    void resellableReturnsComeBackOncePerReturnAndServeWhoWaits() {
        StockItem waiting = StockItem.count(Optional.empty(), request("TEA", 0, null))
                .state()
                .reserve(line("shp-a", 1, 1), NOON)
                .state();

        var returned = waiting.returned(2, "rf-9", "wh.zhao", NOON);

        assertThat(returned.state().onHand()).isEqualTo(2);
        assertThat(returned.state().movements()).last().satisfies(movement -> {
            assertThat(movement.kind()).isEqualTo(StockMovement.Kind.RETURNED);
            assertThat(movement.reason()).isEqualTo("return rf-9");
        });
        assertThat(returned.events()).singleElement().isInstanceOf(StockAllocated.class);
        assertThat(returned.state().returned(2, "rf-9", "wh.zhao", NOON).isNone())
                .as("the same return again")
                .isTrue();
        assertThat(returned.state().returned(0, "rf-10", "wh.zhao", NOON).isNone())
                .isTrue();
    }

    @Test
    void aCancelledShipmentGivesItsUnitsToWhoWaitsLongestAndAParcelTakesItsUnitsOutOnce() {
        StockItem two =
                StockItem.count(Optional.empty(), request("TEA", 2, null)).state();
        StockItem waiting = two.reserve(line("shp-a", 2, 1), NOON)
                .state()
                .reserve(line("shp-b", 1, 2), NOON)
                .state();

        var released = waiting.release("shp-a", NOON);
        assertThat(released.events())
                .extracting(event -> ((StockAllocated) event).shipmentId())
                .containsExactly("shp-b");
        StockItem shipped = released.state().ship("shp-b", "wh.zhao", NOON).state();

        assertThat(shipped.onHand()).isEqualTo(1);
        assertThat(shipped.reserved()).isEmpty();
        assertThat(shipped.reservedUnits()).isZero();
        assertThat(shipped.movements()).last().satisfies(movement -> {
            assertThat(movement.kind()).isEqualTo(StockMovement.Kind.SHIPPED);
            assertThat(movement.delta()).isEqualTo(-1);
            assertThat(movement.reason()).isEqualTo("shp-b");
        });
        assertThat(shipped.ship("shp-b", "wh.zhao", NOON).isNone())
                .as("the same parcel again")
                .isTrue();
        assertThat(shipped.release("shp-x", NOON).isNone())
                .as("a shipment it never knew")
                .isTrue();
    }

    @Test
    void aLinePaidEarlierThanThoseWaitingGoesAheadAndIsServedAtOnceIfWhatIsFreeCoversIt() {
        StockItem one =
                StockItem.count(Optional.empty(), request("TEA", 1, null)).state();
        StockItem bigWaits = one.reserve(line("shp-big", 3, 5), NOON).state();

        var earlier = bigWaits.reserve(line("shp-early", 1, 1), NOON);

        assertThat(earlier.state().holdsFor("shp-early")).isTrue();
        assertThat(earlier.state().waiting())
                .extracting(StockItem.Waiting::shipmentId)
                .containsExactly("shp-big");
    }

    @Test
    void reservedUnitsStayOnHandUntilTheirParcelLeaves() {
        StockItem two =
                StockItem.count(Optional.empty(), request("TEA", 2, null)).state();
        StockItem held = two.reserve(line("shp-a", 2, 1), NOON).state();

        assertThatThrownBy(() -> StockItem.adjust(Optional.of(held), request("TEA", -1, "broken")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("2 units are reserved for shipments");
        assertThatThrownBy(() -> StockItem.count(Optional.of(held), request("TEA", 1, null)))
                .hasMessageStartingWith("2 units are reserved for shipments");
        assertThat(StockItem.count(Optional.of(held), request("TEA", 2, null))
                        .state()
                        .available())
                .isZero();
    }

    @Test
    void aSplitOrderHandsItsWaitingLineToItsSecondParcelKeepingItsPlaceInTheQueue() {
        StockItem one =
                StockItem.count(Optional.empty(), request("TEA", 1, null)).state();
        StockItem queued = one.reserve(line("shp-a", 2, 1), NOON)
                .state()
                .reserve(line("shp-b", 2, 2), NOON)
                .state();

        StockItem handedOver = queued.handOver("shp-a", "shp-a~2").state();

        assertThat(handedOver.waiting())
                .extracting(StockItem.Waiting::shipmentId, StockItem.Waiting::orderId)
                .containsExactly(tuple("shp-a~2", "order-shp-a"), tuple("shp-b", "order-shp-b"));
        assertThat(handedOver.missingFor("shp-a~2")).isEqualTo(1);
        assertThat(handedOver.missingFor("shp-a")).isZero();
        assertThat(handedOver.handOver("shp-a", "shp-a~2").isNone())
                .as("handed over again")
                .isTrue();
        var restocked = StockItem.adjust(Optional.of(handedOver), request("TEA", 1, "received"));
        assertThat(restocked.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        StockAllocated.class,
                        served -> assertThat(served.shipmentId()).isEqualTo("shp-a~2"));
    }

    @Test
    void unitsServedBeforeTheHandOverAreHeldForTheSecondParcelAfterIt() {
        StockItem held = StockItem.count(Optional.empty(), request("TEA", 2, null))
                .state()
                .reserve(line("shp-a", 2, 1), NOON)
                .state();

        StockItem handedOver = held.handOver("shp-a", "shp-a~2").state();

        assertThat(handedOver.holdsFor("shp-a~2")).isTrue();
        assertThat(handedOver.holdsFor("shp-a")).isFalse();
        assertThat(handedOver.available()).isZero();
        assertThat(handedOver.release("shp-a~2", NOON).state().available()).isEqualTo(2);
    }

    private static StockItem.Waiting line(String shipmentId, int quantity, int paidMinute) {
        return new StockItem.Waiting(shipmentId, "order-" + shipmentId, quantity, NOON.plusSeconds(60L * paidMinute));
    }

    private static StockMovement.Request request(String sku, int quantity, String reason) {
        return new StockMovement.Request("tmall-flagship", sku, quantity, reason, "wh.zhao", "api", NOON, null);
    }
}
