package io.storeops.listing.catalogue;

import io.storeops.listing.products.Listing;
import io.storeops.listing.products.ListingConflict;
import io.storeops.listing.products.ProductRules;
import io.storeops.listing.products.ProductSheet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What importing one product of a catalogue file comes to, before anything is written: a new
 * product to select, an existing one to edit, one already as the file says, or a refusal naming
 * the rows at fault. The listing flow then has the last word (a step that refuses edits, a SKU
 * another product took meanwhile): {@link #conflict} words its refusal the same way.
 */
public final class CatalogueImport {

    /** What to do with a product. */
    public sealed interface Decision {}

    /** Select the new product {@code sheet} (checked) into the listing flow. */
    public record Select(ProductSheet sheet) implements Decision {}

    /** Edit the existing product to {@code sheet} (checked). */
    public record Edit(ProductSheet sheet) implements Decision {}

    /** The product already is as the file says. */
    public record Unchanged() implements Decision {}

    /** The product is not imported. */
    public record Refuse(RefusedProduct refusal) implements Decision {}

    private CatalogueImport() {}

    /**
     * @param existing     the product under the row's SPU code, or null
     * @param currencies   every store of the department, with its currency
     * @param callerStores the stores the importing member of staff works for
     */
    public static Decision decide(
            Catalogue catalogue,
            ImportedProduct product,
            Listing existing,
            Map<String, String> currencies,
            Set<String> callerStores) {
        if (!product.problems().isEmpty()) {
            return new Refuse(RefusedProduct.of(product, "unreadable-rows", product.problems()));
        }
        if (existing != null && !callerStores.contains(existing.storeId())) {
            return new Refuse(RefusedProduct.of(
                    product,
                    "product-exists",
                    List.of(new RowProblem(
                            first(product),
                            catalogue.headers().get("spuCode"),
                            "A product with the SPU code " + existing.productId() + " is in the listing flow of "
                                    + existing.storeId() + ", a store your token does not cover."))));
        }
        ProductSheet checked;
        try {
            checked = ProductRules.checked(
                    catalogue.sheetOf(product, existing == null ? null : existing.sheet()), currencies);
        } catch (IllegalArgumentException invalid) {
            return new Refuse(RefusedProduct.of(product, "invalid", List.of(catalogue.problem(product, invalid))));
        }
        Optional<String> uncovered = checked.stores().stream()
                .filter(store -> !callerStores.contains(store))
                .findFirst();
        if (uncovered.isPresent()) {
            return new Refuse(RefusedProduct.of(
                    product,
                    "store-forbidden",
                    List.of(new RowProblem(
                            first(product),
                            null,
                            "The product is sold in " + uncovered.get() + ", a store your token does not cover."))));
        }
        if (existing == null) {
            return new Select(checked);
        }
        return checked.equals(existing.sheet()) ? new Unchanged() : new Edit(checked);
    }

    /**
     * The listing flow's refusal of the product (a step that takes no edit, a SKU another product
     * holds, a store it is on sale in dropped), on the line of the SKU it names, if it names one.
     */
    public static RefusedProduct conflict(Catalogue catalogue, ImportedProduct product, RuntimeException refused) {
        String message = refused.getMessage();
        Long line = first(product);
        String column = null;
        for (ImportedSku sku : product.skus()) {
            if (message.matches(
                    "(?s).*(?<![A-Za-z0-9._-])" + Pattern.quote(sku.sku()) + "(?![A-Za-z0-9_-]|\\.[A-Za-z0-9]).*")) {
                line = sku.line();
                column = catalogue.headers().get("sku");
                break;
            }
        }
        String type = refused instanceof ListingConflict conflict ? conflict.kind() : "invalid";
        if (refused instanceof ListingConflict conflict
                && conflict.current() != null
                && !message.contains(conflict.current().name())) {
            message = message + " (the product is at " + conflict.current() + ")";
        }
        return RefusedProduct.of(product, type, List.of(new RowProblem(line, column, message)));
    }

    private static Long first(ImportedProduct product) {
        return product.lines().isEmpty() ? null : product.lines().get(0);
    }
}
