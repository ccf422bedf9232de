package io.storeops.listing.products;

/**
 * How the product is positioned (商品定位): for whom, at which price band, for which season, and
 * anything else the team agreed when it chose the product. Every field may be empty.
 */
public record Positioning(String targetBuyer, String priceBand, String season, String notes) {

    public static final Positioning NONE = new Positioning(null, null, null, null);
}
