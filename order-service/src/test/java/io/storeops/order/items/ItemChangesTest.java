package io.storeops.order.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.ShipmentProgress;
import io.storeops.order.lifecycle.StorefrontMessages;
import io.storeops.order.lifecycle.StorefrontOrder;
import io.storeops.order.lifecycle.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemChangesTest {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void aLineBecomesAnotherSizeOfTheSameProductWithThePriceDifferenceForTheRefundDesk() {
        Order paid = order(NOON);

        var changed = ItemChanges.change(paid, 0, " TSHIRT-WHITE-L ", "纯棉T恤 白色 L", 8900L, "cs.wang", NOON);

        assertThat(changed.state().lines().get(0))
                .isEqualTo(new OrderLine("TSHIRT-WHITE-L", "纯棉T恤 白色 L", 2, new Money(8900, "CNY")));
        assertThat(changed.state().told().lines().get(0).sku())
                .as("what the storefront said stays as it said it")
                .isEqualTo("TSHIRT-WHITE-M");
        assertThat(changed.events()).singleElement().isInstanceOfSatisfying(OrderItemChanged.class, event -> {
            assertThat(event.fromSku()).isEqualTo("TSHIRT-WHITE-M");
            assertThat(event.toSku()).isEqualTo("TSHIRT-WHITE-L");
            assertThat(event.quantity()).isEqualTo(2);
            assertThat(event.priceDifference())
                    .as("two at 10 yuan less: 20 yuan back to the buyer")
                    .isEqualTo(new Money(-2000, "CNY"));
        });
        assertThat(changed.state().timeline())
                .last()
                .extracting(TimelineEntry::what, TimelineEntry::by)
                .containsExactly(TimelineEntry.Kind.ITEM_CHANGED, "cs.wang");
        assertThat(ItemChanges.change(changed.state(), 0, "TSHIRT-WHITE-L", null, 8900L, "cs.li", NOON)
                        .isNone())
                .as("the same change again")
                .isTrue();
        assertThat(ItemChanges.change(paid, 0, "TSHIRT-WHITE-L", null, null, "cs.li", NOON)
                        .events())
                .singleElement()
                .isInstanceOfSatisfying(
                        OrderItemChanged.class,
                        event -> assertThat(event.priceDifference()).isEqualTo(Money.zero("CNY")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "another product    | 0 | MUG-BLUE-L       | not a SKU of the same product",
                "no product code    | 0 | TSHIRT           | not a SKU of the same product",
                "line out of range  | 1 | TSHIRT-WHITE-L   | line must be 0 to 0",
                "negative line      | -1 | TSHIRT-WHITE-L  | line must be 0 to 0",
                "not a code         | 0 | 'TSHIRT {$ne: 1}' | sku must be",
            })
    void aChangeThatIsNotASizeOrVariantOfTheLinesProductIsRefused(String name, int line, String sku, String problem) {
        assertThatThrownBy(() -> ItemChanges.change(order(NOON), line, sku, null, null, "cs", NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void itemsChangeBetweenPaymentAndDispatchOnly() {
        Order placed = StorefrontMessages.place(Optional.empty(), told(null)).state();
        Order shipped = ShipmentProgress.dispatched(
                        order(NOON),
                        new ShipmentDispatched(
                                "tmall-flagship:T1",
                                "tmall-flagship",
                                "shp-tmall-flagship:T1",
                                "SF",
                                "SF1234567890123",
                                null,
                                List.of(),
                                "wh",
                                NOON))
                .state();
        Order cancelled = order(NOON).cancel("changed mind", "buyer", NOON).state();

        for (Order notNow : List.of(placed, shipped, cancelled)) {
            assertThatThrownBy(() -> ItemChanges.change(notNow, 0, "TSHIRT-WHITE-L", null, null, "cs", NOON))
                    .isInstanceOf(IllegalOrderTransition.class);
        }
    }

    private static Order order(Instant paidAt) {
        return StorefrontMessages.receivePayment(Optional.empty(), told(paidAt), Set.of())
                .state();
    }

    private static StorefrontOrder told(Instant paidAt) {
        return new StorefrontOrder(
                "tmall-flagship",
                "storefront",
                "T1",
                List.of(new OrderLine("TSHIRT-WHITE-M", "纯棉T恤 白色 M", 2, new Money(9900, "CNY"))),
                Money.zero("CNY"),
                null,
                null,
                new Money(19800, "CNY"),
                List.of(),
                NOON.minusSeconds(600),
                paidAt,
                null,
                null,
                null,
                List.of(),
                null,
                Attribution.NONE,
                null,
                null);
    }
}
