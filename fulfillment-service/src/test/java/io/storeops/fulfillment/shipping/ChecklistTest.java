package io.storeops.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.contracts.events.order.OrderPaid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final Fulfillment READY = Fulfillment.forPaidOrder(
                    Optional.empty(),
                    new OrderPaid(
                            "tmall-flagship:T1",
                            "tmall-flagship",
                            "storefront",
                            "T1",
                            List.of(
                                    new OrderLine("TEA-LJ-250", "龙井 250g（店铺标题）", 2, new Money(12800, "CNY")),
                                    new OrderLine("CUP-GL-01", "玻璃杯", 1, new Money(3900, "CNY"))),
                            Money.zero("CNY"),
                            new Money(29500, "CNY"),
                            NOW,
                            null,
                            null,
                            "SF",
                            List.of(),
                            null),
                    List.of(),
                    List.of(),
                    NOW)
            .state();
    private static final Map<String, PublishedSku> LISTED = Map.of(
            "TEA-LJ-250",
            new PublishedSku(
                    "tmall-flagship", "TEA-LJ-250", "TEA-LJ", "西湖龙井 明前特级", "250g", List.of("茶罐", "礼盒"), null, 2, NOW));
    private static final Checklist CHECKLIST = Checklist.of(READY, LISTED);

    @Test
    void eachLineShowsTheListingsTitleAndAccessoriesOrTheOrdersTitleWhenTheSkuWasNeverListed() {
        assertThat(CHECKLIST.lines())
                .containsExactly(
                        new Checklist.Line("TEA-LJ-250", "西湖龙井 明前特级", "250g", 2, "TEA-LJ", List.of("茶罐", "礼盒")),
                        new Checklist.Line("CUP-GL-01", "玻璃杯", null, 1, null, List.of()));
        assertThat(CHECKLIST.accessoriesOf("TEA-LJ-250")).containsExactly("茶罐", "礼盒");
        assertThat(CHECKLIST.accessoriesOf("NOT-HERE")).isEmpty();
    }

    @Test
    void missingItemsAreConfirmedAsTheChecklistSpellsThemOnceEach() {
        assertThat(CHECKLIST.confirm(List.of(
                        new Checklist.Missing(" TEA-LJ-250 ", "礼盒"),
                        new Checklist.Missing("TEA-LJ-250", "礼盒 "),
                        new Checklist.Missing("TEA-LJ-250", "茶罐"))))
                .containsExactly(new Checklist.Missing("TEA-LJ-250", "礼盒"), new Checklist.Missing("TEA-LJ-250", "茶罐"));
        assertThat(CHECKLIST.confirm(null)).isEmpty();
        assertThat(Checklist.noteOf(
                        List.of(new Checklist.Missing("TEA-LJ-250", "礼盒"), new Checklist.Missing("TEA-LJ-250", "茶罐"))))
                .isEqualTo("missing: 礼盒 (TEA-LJ-250), 茶罐 (TEA-LJ-250)");
    }

    @Test
    void anItemNotOnTheChecklistIsRefusedNamingIt() {
        assertThatThrownBy(() -> CHECKLIST.confirm(List.of(new Checklist.Missing("TEA-LJ-250", "茶匙"))))
                .isInstanceOfSatisfying(NotOnChecklist.class, refused -> {
                    assertThat(refused.sku()).isEqualTo("TEA-LJ-250");
                    assertThat(refused.item()).isEqualTo("茶匙");
                    assertThat(refused.accessories()).containsExactly("茶罐", "礼盒");
                })
                .hasMessage("'茶匙' is not on the checklist of TEA-LJ-250 (茶罐, 礼盒).");
        assertThatThrownBy(() -> CHECKLIST.confirm(List.of(new Checklist.Missing("CUP-GL-01", "杯盖"))))
                .isInstanceOf(NotOnChecklist.class)
                .hasMessageContaining("the listing packs no accessories with it");
        assertThatThrownBy(() -> CHECKLIST.confirm(List.of(new Checklist.Missing("TEA-LJ-500", "茶罐"))))
                .isInstanceOfSatisfying(
                        NotOnChecklist.class,
                        refused -> assertThat(refused.accessories()).isEmpty())
                .hasMessageContaining("The parcel carries no TEA-LJ-500");
        assertThatThrownBy(() -> CHECKLIST.confirm(List.of(new Checklist.Missing("TEA-LJ-250", " "))))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(NotOnChecklist.class);
    }

    @Test
    void namingAMissingItemMakesTheCheckAMismatchWhoseNoteNamesIt() {
        var mismatch = READY.inspected(
                false, "box dented", List.of(new Checklist.Missing("TEA-LJ-250", "礼盒")), CHECKLIST, "wh.zhao", NOW);

        assertThat(mismatch.state().inspection())
                .isEqualTo(new Fulfillment.Inspection(
                        false,
                        "missing: 礼盒 (TEA-LJ-250); box dented",
                        "wh.zhao",
                        NOW,
                        List.of(new Checklist.Missing("TEA-LJ-250", "礼盒"))));
        assertThat(mismatch.events()).singleElement().isInstanceOfSatisfying(ShipmentException.class, event -> {
            assertThat(event.kind()).isEqualTo(Fulfillment.ACCESSORIES_MISMATCH);
            assertThat(event.detail()).isEqualTo("missing: 礼盒 (TEA-LJ-250); box dented");
        });
        assertThat(READY.inspected(
                                false,
                                null,
                                List.of(new Checklist.Missing("TEA-LJ-250", "茶罐")),
                                CHECKLIST,
                                "wh.zhao",
                                NOW)
                        .state()
                        .inspection()
                        .note())
                .as("the missing items are note enough")
                .isEqualTo("missing: 茶罐 (TEA-LJ-250)");
        Fulfillment rechecked = mismatch.state()
                .inspected(true, null, List.of(), CHECKLIST, "wh.zhao", NOW)
                .state();
        assertThat(rechecked.inspection().missing()).isEmpty();
        assertThat(rechecked.trouble().open()).isFalse();
    }

    @Test
    void aCompleteCheckNamesNothingMissingAndAnUnknownItemChangesNothing() {
        assertThatThrownBy(() -> READY.inspected(
                        true, null, List.of(new Checklist.Missing("TEA-LJ-250", "礼盒")), CHECKLIST, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a complete check names nothing missing");
        assertThatThrownBy(() -> READY.inspected(
                        false, "see note", List.of(new Checklist.Missing("TEA-LJ-250", "茶匙")), CHECKLIST, "wh", NOW))
                .isInstanceOf(NotOnChecklist.class);
        assertThatThrownBy(() -> READY.inspected(false, null, List.of(), CHECKLIST, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("note is required");
    }
}
