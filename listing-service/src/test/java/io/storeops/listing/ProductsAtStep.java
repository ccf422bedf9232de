package io.storeops.listing;

import io.storeops.contracts.Money;
import io.storeops.listing.images.ImageFiles;
import io.storeops.listing.products.ImageStage;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.Positioning;
import io.storeops.listing.products.ProductImage;
import io.storeops.listing.products.ProductSheet;
import io.storeops.listing.products.SellingPoints;
import io.storeops.listing.products.Sku;
import io.storeops.listing.products.StorePrice;
import io.storeops.listing.products.Verdict;
import io.storeops.platform.outbox.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Products put at a step of the listing flow directly through the service's own beans, by a
 * {@value #FIXTURE} who is never the caller (so four-eyes never answers first): for the tests that
 * need many products at many steps, faster than walking each over HTTP.
 */
public final class ProductsAtStep {

    /** Who took the fixtures' steps. */
    public static final String FIXTURE = "fixture";

    /** The steps a fixture product can be put at, each one step further than the one before. */
    public enum At {
        SELECTED,
        SELLING_POINTS_PUBLISHED,
        /** The selling points out and one original uploaded (img-1), not yet handed on. */
        ORIGINAL_UPLOADED,
        SHOT,
        /** Shot, and a retouched version of img-1 uploaded (img-2), not yet handed on. */
        RETOUCHED_UPLOADED,
        RETOUCHED,
        IMAGES_APPROVED,
        /** Images approved and a draft of the detail page saved. */
        PAGE_DRAFTED,
        DETAIL_PAGE_SUBMITTED,
        DETAIL_PAGE_APPROVED,
        /** Publishing, its publication to every store failed for good. */
        PUBLISH_FAILED
    }

    private final Listings listings;
    private final ImageFiles files;

    public ProductsAtStep(Listings listings, ImageFiles files) {
        this.listings = listings;
        this.files = files;
    }

    /** A new product of {@code store} (sold there only) at {@code at}; its id. */
    public String product(String store, String currency, At at) {
        String spu = "FX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant now = Instant.now();
        listings.select(sheet(spu, store, currency), FIXTURE, now).block();
        if (at.compareTo(At.SELLING_POINTS_PUBLISHED) >= 0) {
            step(spu, listing -> listing.publishSellingPoints(CARD, FIXTURE, now));
        }
        if (at.compareTo(At.ORIGINAL_UPLOADED) >= 0) {
            addImage(spu, ImageStage.ORIGINAL, "主图1", null);
        }
        if (at.compareTo(At.SHOT) >= 0) {
            step(spu, listing -> listing.submitOriginals(FIXTURE, now));
        }
        if (at.compareTo(At.RETOUCHED_UPLOADED) >= 0) {
            addImage(spu, ImageStage.RETOUCHED, null, "img-1");
        }
        if (at.compareTo(At.RETOUCHED) >= 0) {
            step(spu, listing -> listing.submitRetouched(FIXTURE, now));
        }
        if (at.compareTo(At.IMAGES_APPROVED) >= 0) {
            step(
                    spu,
                    listing -> listing.reviewImages(
                            List.of(new Listing.ImageVerdict("img-2", Verdict.APPROVED, null)), "reviewer", now));
        }
        if (at.compareTo(At.PAGE_DRAFTED) >= 0) {
            step(
                    spu,
                    listing -> listing.saveDetailPage(
                            "<p>明前特级</p><img src=\"image:img-2\">", List.of("img-2"), FIXTURE, now));
        }
        if (at.compareTo(At.DETAIL_PAGE_SUBMITTED) >= 0) {
            step(spu, listing -> listing.submitDetailPage(FIXTURE, now));
        }
        if (at.compareTo(At.DETAIL_PAGE_APPROVED) >= 0) {
            step(spu, listing -> listing.reviewDetailPage(Verdict.APPROVED, null, "reviewer", now));
        }
        if (at == At.PUBLISH_FAILED) {
            step(
                    spu,
                    listing -> listing.publish(FIXTURE, now)
                            .andThen(publishing ->
                                    publishing.publishFailed(store, 1, "HTTP 503", true, Duration.ofMinutes(1), now)));
        }
        return spu;
    }

    /** The product of {@code spu} sold in {@code store}: two SKUs, {@code <spu>-250} and {@code <spu>-500}. */
    public static ProductSheet sheet(String spu, String store, String currency) {
        return new ProductSheet(
                spu,
                "西湖龙井 " + spu,
                List.of(store),
                List.of(
                        new Sku(
                                spu + "-250",
                                "250 g",
                                List.of(new StorePrice(store, new Money(12800, currency))),
                                List.of("茶罐", "礼盒")),
                        new Sku(
                                spu + "-500",
                                "500 g",
                                List.of(new StorePrice(store, new Money(23800, currency))),
                                List.of("茶罐 ×2", "礼盒"))),
                Positioning.NONE);
    }

    static final SellingPoints.Card CARD = new SellingPoints.Card(List.of("明前采摘"), null, null, null, List.of());

    private void addImage(String spu, ImageStage stage, String slot, String retouchedFrom) {
        ProductImage.Upload upload = files.store(
                        spu, "photo.png", ListingSteps.png(400, 400), stage, slot, retouchedFrom)
                .block();
        listings.change(spu, listing -> listing.addImage(listing.nextImageId(), upload, FIXTURE, Instant.now()))
                .block();
    }

    private void step(String spu, Function<Listing, Change<Listing>> step) {
        listings.change(spu, step).block();
    }
}
