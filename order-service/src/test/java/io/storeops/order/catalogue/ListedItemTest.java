package io.storeops.order.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.ListedSku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListedItemTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void aPublicationGivesEachListedSkuTheProductsTitleAndMainImage() {
        List<ListedItem> items = ListedItem.of(
                "tmall-flagship",
                "TEA-LJ",
                "西湖龙井 明前特级",
                "img-3",
                1,
                PUBLISHED,
                List.of(
                        new ListedSku("TEA-LJ-250", "250g", new Money(12800, "CNY"), List.of("茶罐")),
                        new ListedSku(null, "no code", new Money(100, "CNY"), List.of())));

        assertThat(items)
                .containsExactly(new ListedItem(
                        "tmall-flagship", "TEA-LJ-250", "TEA-LJ", "西湖龙井 明前特级", "250g", "img-3", 1, PUBLISHED));
        assertThat(ListedItem.idFor("tmall-flagship", "TEA-LJ-250")).isEqualTo("tmall-flagship:TEA-LJ-250");
    }

    @Test
    void aNewerPageVersionReplacesTheEntryAndAnOlderOrTheSameNeverDoes() {
        ListedItem first = item("TEA-LJ", 1, PUBLISHED, "img-1");
        ListedItem second = item("TEA-LJ", 2, PUBLISHED.plusSeconds(3600), "img-4");

        assertThat(ListedItem.published(Optional.empty(), first).state()).isEqualTo(first);
        assertThat(ListedItem.published(Optional.of(first), second).state()).isEqualTo(second);
        assertThat(ListedItem.published(Optional.of(second), first).isNone()).isTrue();
        assertThat(ListedItem.published(Optional.of(second), second).isNone()).isTrue();
    }

    @Test
    void aSkuCodeThatMovedToAnotherProductFollowsTheLaterPublication() {
        ListedItem before = item("TEA-OLD", 7, PUBLISHED, "img-1");
        ListedItem moved = item("TEA-NEW", 1, PUBLISHED.plusSeconds(60), "img-2");

        assertThat(ListedItem.published(Optional.of(before), moved).state()).isEqualTo(moved);
        assertThat(ListedItem.published(Optional.of(moved), before).isNone()).isTrue();
    }

    private static ListedItem item(String productId, int pageVersion, Instant at, String imageId) {
        return new ListedItem("tmall-flagship", "TEA-LJ-250", productId, "西湖龙井", "250g", imageId, pageVersion, at);
    }
}
