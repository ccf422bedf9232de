package io.storeops.listing.publishing.web;

import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.listing.products.DetailPage;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.ProductImage;
import io.storeops.listing.products.Publication;
import java.util.List;
import java.util.Optional;

/**
 * A product as one store's storefront is sent it: which store, the SPU code (the product's id),
 * the id this storefront gave it before (null the first time, and when the store published to
 * another storefront before), the page version being sent, the
 * title, the approved detail page (its rich text still names its pictures {@code
 * <img src="image:img-3">}: each storefront resolves them its own way) with the pictures it shows,
 * and the SKUs at the store's prices with their package contents.
 */
public record StorefrontProduct(
        String storeId,
        String productId,
        String storefrontProductId,
        int pageVersion,
        String title,
        String pageHtml,
        List<PageImage> images,
        List<ListedSku> skus) {

    /** A picture the page shows: its image id (what {@code image:} names), its stored file and media type. */
    public record PageImage(String imageId, String fileId, String contentType) {}

    public StorefrontProduct {
        images = images == null ? List.of() : List.copyOf(images);
        skus = skus == null ? List.of() : List.copyOf(skus);
    }

    /**
     * What {@code publication} sends of {@code listing} to the storefront named {@code storefront}:
     * its approved page, as it stands now.
     *
     * @throws IllegalStateException when the product has no approved page (it cannot be publishing then)
     */
    public static StorefrontProduct of(Listing listing, Publication publication, String storefront) {
        DetailPage page = listing.approvedPage()
                .orElseThrow(() -> new IllegalStateException(
                        "product " + listing.productId() + " is publishing without an approved detail page"));
        List<PageImage> pictures = page.imageIds().stream()
                .map(listing::image)
                .flatMap(Optional::stream)
                .map(StorefrontProduct::picture)
                .toList();
        return new StorefrontProduct(
                publication.storeId(),
                listing.productId(),
                storefront.equals(publication.storefront()) ? publication.storefrontProductId() : null,
                publication.pageVersion(),
                listing.title(),
                page.html(),
                pictures,
                listing.listedSkus(publication.storeId()));
    }

    private static PageImage picture(ProductImage image) {
        return new PageImage(image.imageId(), image.fileId(), image.contentType());
    }
}
