package io.storeops.listing.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * What importing a catalogue file did, product by product: selected into the listing flow,
 * edited, found as the file says already (so a file imported again changes nothing), or refused
 * with its lines and reasons. One refused product does not keep the others from being imported.
 *
 * @param products    the products the file holds
 * @param created     SPU codes of the products selected into the listing flow
 * @param updated     SPU codes of the products edited to what the file says
 * @param unchanged   SPU codes of the products that already were as the file says
 * @param skippedRows rows that say nothing of a SKU (Shopify's image-only rows)
 */
public record CatalogueReport(
        CatalogueFormat format,
        int products,
        List<String> created,
        List<String> updated,
        List<String> unchanged,
        List<RefusedProduct> refused,
        long skippedRows) {

    public CatalogueReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }

    /** What became of one product. */
    public record Outcome(Result result, String spuCode, RefusedProduct refusal) {

        public static Outcome of(Result result, String spuCode) {
            return new Outcome(result, spuCode, null);
        }

        public static Outcome refused(RefusedProduct refusal) {
            return new Outcome(Result.REFUSED, refusal.spuCode(), refusal);
        }
    }

    public enum Result {
        CREATED,
        UPDATED,
        UNCHANGED,
        REFUSED
    }

    /** The report of {@code catalogue}, whose products came out as {@code outcomes}, in the file's order. */
    public static CatalogueReport of(Catalogue catalogue, List<Outcome> outcomes) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<RefusedProduct> refused = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome.result()) {
                case CREATED -> created.add(outcome.spuCode());
                case UPDATED -> updated.add(outcome.spuCode());
                case UNCHANGED -> unchanged.add(outcome.spuCode());
                case REFUSED -> refused.add(outcome.refusal());
            }
        }
        return new CatalogueReport(
                catalogue.format(),
                catalogue.products().size(),
                created,
                updated,
                unchanged,
                refused,
                catalogue.skippedRows());
    }
}
