package io.storeops.fulfillment.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    private static StockMovement.Request request(String sku, int quantity, String reason) {
        return new StockMovement.Request("tmall-flagship", sku, quantity, reason, "wh.zhao", "api", NOON);
    }
}
