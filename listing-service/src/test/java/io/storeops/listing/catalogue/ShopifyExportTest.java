package io.storeops.listing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.storeops.contracts.Money;
import io.storeops.listing.products.StorePrice;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.FileRefused.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shopify's product export read into products: variants by Handle, options, prices in minor units, image rows. */
class ShopifyExportTest {

    private static final String HEADER =
            "Handle,Title,Body (HTML),Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Image Src\n";

    @TempDir
    Path folder;

    @Test
    void theSampleExportIsAProductPerHandleWithItsVariantsAndImageRowsSkipped() throws Exception {
        Catalogue catalogue = CatalogueFiles.read(
                Path.of("../docs/samples/shopify-products.csv"),
                CatalogueFormat.SHOPIFY,
                StoreOpsCatalogueTest.CURRENCIES,
                "shopify-us");

        assertThat(catalogue.format()).isEqualTo(CatalogueFormat.SHOPIFY);
        assertThat(catalogue.pricedStores()).containsExactly("shopify-us");
        assertThat(catalogue.given()).containsExactlyInAnyOrder(CatalogueField.TITLE, CatalogueField.VARIANT);
        assertThat(catalogue.skippedRows()).isEqualTo(3);
        assertThat(catalogue.products())
                .extracting(ImportedProduct::spuCode)
                .containsExactly("jasmine-dragon-pearls", "celadon-gaiwan-set");
        ImportedProduct pearls = catalogue.products().get(0);
        assertThat(pearls.problems()).isEmpty();
        assertThat(pearls.title()).isEqualTo("Jasmine Dragon Pearls");
        // the first row's Body (HTML) runs over two lines: the next row starts on line 4
        assertThat(pearls.lines()).containsExactly(2L, 4L, 5L);
        assertThat(pearls.skus())
                .extracting(ImportedSku::sku, ImportedSku::variant)
                .containsExactly(
                        tuple("JP-50-TIN", "50g / Tin"),
                        tuple("JP-100-TIN", "100g / Tin"),
                        tuple("JP-100-POUCH", "100g / Refill pouch"));
        assertThat(pearls.skus())
                .extracting(sku -> sku.prices().get(0))
                .containsExactly(
                        new StorePrice("shopify-us", new Money(1850, "USD")),
                        new StorePrice("shopify-us", new Money(3200, "USD")),
                        new StorePrice("shopify-us", new Money(2900, "USD")));
        ImportedProduct gaiwan = catalogue.products().get(1);
        assertThat(gaiwan.skus()).singleElement().satisfies(sku -> {
            assertThat(sku.sku()).isEqualTo("GW-SET-01");
            assertThat(sku.variant())
                    .as("Shopify's Default Title is no variant")
                    .isNull();
            assertThat(sku.packageContents()).isEmpty();
        });
    }

    @Test
    void pricesAreTheStoresCurrencyExactlyInMinorUnits() throws Exception {
        Catalogue yen = read(HEADER + "tea,Tea,,Size,50g,,,T-50,1200,\n", "jp-store");
        assertThat(yen.products().get(0).skus().get(0).prices())
                .containsExactly(new StorePrice("jp-store", new Money(1200, "JPY")));

        Catalogue refused = read(
                HEADER + "tea,Tea,,Size,50g,,,T-50,12.999,\n" + "tea,,,,100g,,,T-100,,\n" + "tea,,,,200g,,,T-200,-3,\n",
                "shopify-us");
        assertThat(refused.products().get(0).problems())
                .extracting(RowProblem::line, RowProblem::column, RowProblem::reason)
                .containsExactly(
                        tuple(2L, "Variant Price", "\"12.999\" has more than 2 decimals (a price in USD)"),
                        tuple(3L, "Variant Price", "the price is missing"),
                        tuple(4L, "Variant Price", "the price must be above 0"));
    }

    @Test
    void aVariantWithoutSkuRefusesItsProductOnly() throws Exception {
        Catalogue catalogue = read(
                HEADER
                        + "oolong,Tie Guan Yin,,Grade,Special,,,,24.00,https://cdn/a.jpg\n"
                        + "oolong,,,,Standard,,,TGY-STD,16.00,\n"
                        + "oolong,,,,,,,,,https://cdn/b.jpg\n"
                        + "puer,Pu'er Cake,,Title,Default Title,,,PE-357,39.00,\n",
                "shopify-us");

        assertThat(catalogue.skippedRows()).isEqualTo(1);
        ImportedProduct oolong = catalogue.products().get(0);
        assertThat(oolong.lines()).containsExactly(2L, 3L);
        assertThat(oolong.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2L);
            assertThat(problem.column()).isEqualTo("Variant SKU");
            assertThat(problem.reason()).contains("the variant has no SKU");
        });
        assertThat(catalogue.products().get(1).problems()).isEmpty();
    }

    @Test
    void anExportWithoutItsColumnsIsRefusedNamingTheColumn() throws Exception {
        FileRefused noPrice = refusal("Handle,Title,Variant SKU\nh,T,S-1\n");
        assertThat(noPrice.kind()).isEqualTo(Kind.MISSING_COLUMN);
        assertThat(noPrice.column()).isEqualTo("Variant Price");

        FileRefused twice = refusal("Handle,Variant SKU,Variant Price,Variant Price\nh,S-1,1,1\n");
        assertThat(twice.kind()).isEqualTo(Kind.DUPLICATE_COLUMN);

        FileRefused ours = refusal("商品编码,商家编码,价格(shopify-us)\nA,A-1,1\n");
        assertThat(ours.kind()).isEqualTo(Kind.NO_HEADER);
        assertThat(ours.getMessage()).contains("format=storeops");

        FileRefused imagesOnly = refusal(HEADER + "tea,,,,,,,,,https://cdn/a.jpg\n");
        assertThat(imagesOnly.kind()).isEqualTo(Kind.EMPTY);

        assertThatThrownBy(() -> CatalogueFiles.read(
                        folder.resolve("x.csv"), CatalogueFormat.SHOPIFY, StoreOpsCatalogueTest.CURRENCIES, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("storeId is required");
    }

    private Catalogue read(String content, String store) throws IOException, FileRefused {
        Path file = folder.resolve("products_export.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return CatalogueFiles.read(file, CatalogueFormat.SHOPIFY, StoreOpsCatalogueTest.CURRENCIES, store);
    }

    private FileRefused refusal(String content) throws IOException {
        Path file = folder.resolve("products_export.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Throwable thrown = catchThrowable(() ->
                CatalogueFiles.read(file, CatalogueFormat.SHOPIFY, StoreOpsCatalogueTest.CURRENCIES, "shopify-us"));
        assertThat(thrown).isInstanceOf(FileRefused.class);
        return (FileRefused) thrown;
    }
}
