package io.storeops.fulfillment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.ListedSku;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListedItemTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void aPublicationGivesEachListedSkuItsTitleVariantAndPackageContents() {
        List<ListedItem> items = ListedItem.of(
                "tmall-flagship",
                "TEA-LJ",
                "西湖龙井 明前特级",
                1,
                PUBLISHED,
                List.of(
                        new ListedSku("TEA-LJ-250", "250g", new Money(12800, "CNY"), List.of("茶罐", " 礼盒 ", "茶罐", "")),
                        new ListedSku(" ", "no code", new Money(100, "CNY"), List.of("礼盒")),
                        new ListedSku("TEA-LJ-500", "500g", new Money(23800, "CNY"), null)));

        assertThat(items).extracting(ListedItem::sku).containsExactly("TEA-LJ-250", "TEA-LJ-500");
        assertThat(items.get(0).packageContents())
                .as("trimmed, blanks and repeats dropped")
                .containsExactly("茶罐", "礼盒");
        assertThat(items.get(0).titleWithVariant()).isEqualTo("西湖龙井 明前特级 250g");
        assertThat(items.get(1).packageContents()).isEmpty();
        assertThat(ListedItem.idFor("tmall-flagship", "TEA-LJ-250")).isEqualTo("tmall-flagship:TEA-LJ-250");
    }

    @Test
    void aNewerPageVersionReplacesTheEntryAndAnOlderOrTheSameNeverDoes() {
        ListedItem first = item("TEA-LJ", 1, PUBLISHED, "茶罐");
        ListedItem second = item("TEA-LJ", 2, PUBLISHED.plusSeconds(3600), "茶罐", "礼盒");

        assertThat(ListedItem.published(Optional.empty(), first).state()).isEqualTo(first);
        assertThat(ListedItem.published(Optional.of(first), second).state()).isEqualTo(second);
        assertThat(ListedItem.published(Optional.of(second), first).isNone())
                .as("a late older page version")
                .isTrue();
        assertThat(ListedItem.published(Optional.of(second), second).isNone())
                .as("the same publication again")
                .isTrue();
        ListedItem corrected = item("TEA-LJ", 2, PUBLISHED.plusSeconds(3600), "茶罐", "礼盒", "茶则");
        assertThat(ListedItem.published(Optional.of(second), corrected).state())
                .as("the same page version said differently")
                .isEqualTo(corrected);
    }

    @Test
    void aSkuCodeThatMovedToAnotherProductFollowsTheLaterPublication() {
        ListedItem before = item("TEA-OLD", 7, PUBLISHED, "茶罐");
        ListedItem moved = item("TEA-NEW", 1, PUBLISHED.plusSeconds(60), "礼盒");

        assertThat(ListedItem.published(Optional.of(before), moved).state()).isEqualTo(moved);
        assertThat(ListedItem.published(Optional.of(moved), before).isNone()).isTrue();
    }

    private static ListedItem item(String productId, int pageVersion, Instant at, String... contents) {
        return new ListedItem(
                "tmall-flagship", "TEA-LJ-250", productId, "西湖龙井", "250g", Arrays.asList(contents), pageVersion, at);
    }
}
