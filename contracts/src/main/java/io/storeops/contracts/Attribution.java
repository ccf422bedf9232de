package io.storeops.contracts;

/** Where an order came from, for promotion analytics (UTM parameters, pay-per-click keyword). */
public record Attribution(String source, String medium, String campaign, String keyword) {

    public static final Attribution NONE = new Attribution(null, null, null, null);
}
