package io.storeops.contracts.events.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a publication reads per store and SKU, and which of two publications of a SKU stands. */
class PublishedSkuTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void aPublicationGivesEachListedSkuItsTitleVariantPackageContentsAndThePicture() {
        List<PublishedSku> skus = PublishedSku.of(new ListingChanged(
                "TEA-LJ",
                "tmall-flagship",
                "TEA-LJ",
                "西湖龙井 明前特级",
                2,
                2,
                "SIM-TEA-LJ",
                List.of(
                        new ListedSku("TEA-LJ-250", "250g", new Money(12800, "CNY"), List.of("茶罐", " 礼盒 ", "茶罐", "")),
                        new ListedSku(" ", "no code", new Money(100, "CNY"), List.of("礼盒")),
                        new ListedSku("TEA-LJ-500", "500g", new Money(23800, "CNY"), null)),
                "img-3",
                List.of("PRICES"),
                "li.supervisor",
                PUBLISHED));

        assertThat(skus).extracting(PublishedSku::sku).containsExactly("TEA-LJ-250", "TEA-LJ-500");
        assertThat(skus.get(0).packageContents())
                .as("trimmed, blanks and repeats dropped")
                .containsExactly("茶罐", "礼盒");
        assertThat(skus.get(0).titleWithVariant()).isEqualTo("西湖龙井 明前特级 250g");
        assertThat(skus.get(0).mainImageId()).isEqualTo("img-3");
        assertThat(skus.get(0).pageVersion()).isEqualTo(2);
        assertThat(skus.get(1).packageContents()).isEmpty();
        assertThat(PublishedSku.idFor("tmall-flagship", "TEA-LJ-250")).isEqualTo("tmall-flagship:TEA-LJ-250");
    }

    @Test
    void aNewerPageVersionSupersedesTheEntryAndAnOlderOrTheSameNeverDoes() {
        PublishedSku first = sku("TEA-LJ", 1, PUBLISHED, "茶罐");
        PublishedSku second = sku("TEA-LJ", 2, PUBLISHED.plusSeconds(3600), "茶罐", "礼盒");

        assertThat(second.supersedes(first)).isTrue();
        assertThat(first.supersedes(second)).as("a late older page version").isFalse();
        assertThat(second.supersedes(second)).as("the same publication again").isFalse();
        PublishedSku corrected = sku("TEA-LJ", 2, PUBLISHED.plusSeconds(3600), "茶罐", "礼盒", "茶则");
        assertThat(corrected.supersedes(second))
                .as("the same page version said differently")
                .isTrue();
    }

    @Test
    void aSkuCodeThatMovedToAnotherProductFollowsTheLaterPublication() {
        PublishedSku before = sku("TEA-OLD", 7, PUBLISHED, "茶罐");
        PublishedSku moved = sku("TEA-NEW", 1, PUBLISHED.plusSeconds(60), "礼盒");

        assertThat(moved.supersedes(before)).isTrue();
        assertThat(before.supersedes(moved)).isFalse();
    }

    private static PublishedSku sku(String productId, int pageVersion, Instant at, String... contents) {
        return new PublishedSku(
                "tmall-flagship",
                "TEA-LJ-250",
                productId,
                "西湖龙井",
                "250g",
                Arrays.asList(contents),
                "img-1",
                pageVersion,
                at);
    }
}
