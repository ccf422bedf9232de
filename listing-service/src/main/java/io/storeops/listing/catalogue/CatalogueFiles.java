package io.storeops.listing.catalogue;

import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.TableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a catalogue file into its products, as platform's table reader takes files: XLSX (first
 * sheet) or CSV in UTF-8, UTF-16 or GB18030/GBK, comma, tab or semicolon separated, title lines
 * above the header allowed. Nothing is checked against the listing flow here: a product's rows
 * that cannot be read are its {@link ImportedProduct#problems() problems}, and the file is refused
 * only as a whole (no header, a column that cannot be read, no rows).
 */
public final class CatalogueFiles {

    private CatalogueFiles() {}

    /**
     * @param currencies every store of the department, with its currency
     * @param store      the store whose prices the file gives: required for a Shopify export; for
     *                   StoreOps' catalogue, the store of a plain 价格/Price column (null when none)
     * @throws FileRefused when the file is empty, not a table, lacks a required column, has an
     *                     unknown or doubled one, or has more than {@value StoreOpsCatalogue#MAX_ROWS} rows
     */
    public static Catalogue read(Path file, CatalogueFormat format, Map<String, String> currencies, String store)
            throws FileRefused, IOException {
        if (store != null && !currencies.containsKey(store)) {
            throw new IllegalArgumentException("storeId: '" + store + "' is not a store of the department.");
        }
        return switch (format) {
            case STOREOPS ->
                TableFile.read(file, table -> new StoreOpsCatalogue(table, currencies, store), null)
                        .catalogue();
            case SHOPIFY -> {
                if (store == null) {
                    throw new IllegalArgumentException(
                            "storeId is required with a Shopify export: the store whose prices it gives.");
                }
                yield TableFile.read(file, table -> new ShopifyExport(table, store, currencies.get(store)), null)
                        .catalogue();
            }
        };
    }
}
