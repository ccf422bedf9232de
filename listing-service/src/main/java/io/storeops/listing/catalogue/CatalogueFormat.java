package io.storeops.listing.catalogue;

import java.util.Locale;

/** The layouts a catalogue file may come in. */
public enum CatalogueFormat {
    /**
     * StoreOps' own catalogue, CSV or XLSX: one row per SKU, headings in Chinese or English, a
     * price column per store ({@link StoreOpsCatalogue} lists them).
     */
    STOREOPS,
    /** Shopify's product export CSV (Products → Export): a product's variants and images on rows of the same Handle. */
    SHOPIFY;

    /** The format a request names ({@code storeops} when it names none); an unknown name is refused. */
    public static CatalogueFormat named(String name) {
        if (name == null || name.isBlank()) {
            return STOREOPS;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "format must be storeops (StoreOps' own catalogue, CSV or XLSX) or shopify (Shopify's product "
                            + "export): '" + name + "' is neither.");
        }
    }
}
