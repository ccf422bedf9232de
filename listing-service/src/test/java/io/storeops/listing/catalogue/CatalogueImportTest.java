package io.storeops.listing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.ListingConflict;
import io.storeops.listing.products.ListingStep;
import io.storeops.listing.products.Positioning;
import io.storeops.listing.products.ProductRules;
import io.storeops.listing.products.ProductSheet;
import io.storeops.listing.products.Sku;
import io.storeops.listing.products.StorePrice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a catalogue's product comes to against the listing flow: selected, edited, unchanged or refused, and why. */
class CatalogueImportTest {

    private static final Map<String, String> CURRENCIES = StoreOpsCatalogueTest.CURRENCIES;
    private static final Set<String> BOTH = Set.of("tmall-flagship", "shopify-us");
    private static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aNewProductIsSelectedSoldInTheStoresItsRowsPriceInTheColumnsOrder() throws Exception {
        Catalogue catalogue = CatalogueFiles.read(
                Path.of("../docs/samples/catalogue.csv"), CatalogueFormat.STOREOPS, CURRENCIES, null);

        CatalogueImport.Decision longjing = decide(catalogue, 0, null, BOTH);
        CatalogueImport.Decision glass = decide(catalogue, 2, null, BOTH);

        assertThat(longjing).isInstanceOfSatisfying(CatalogueImport.Select.class, select -> {
            ProductSheet sheet = select.sheet();
            assertThat(sheet.spuCode()).isEqualTo("LJ-2026");
            assertThat(sheet.stores()).containsExactly("tmall-flagship", "shopify-us");
            assertThat(sheet.skus().get(1))
                    .isEqualTo(new Sku(
                            "LJ-2026-100G",
                            "100g 罐装",
                            List.of(
                                    new StorePrice("tmall-flagship", new Money(16800, "CNY")),
                                    new StorePrice("shopify-us", new Money(2500, "USD"))),
                            List.of("茶叶罐", "品鉴卡")));
            assertThat(sheet.positioning()).isEqualTo(new Positioning("送礼的白领", "300-400元", "春季", "明前头采，主打送礼"));
        });
        assertThat(glass)
                .isInstanceOfSatisfying(
                        CatalogueImport.Select.class,
                        select -> assertThat(select.sheet().stores()).containsExactly("tmall-flagship"));
    }

    @Test
    void theSameFileAgainFindsTheProductAsItSays() throws Exception {
        Catalogue catalogue = CatalogueFiles.read(
                Path.of("../docs/samples/catalogue.csv"), CatalogueFormat.STOREOPS, CURRENCIES, null);
        CatalogueImport.Select first = (CatalogueImport.Select) decide(catalogue, 0, null, BOTH);
        Listing selected = Listing.select(Optional.empty(), first.sheet(), "li.supervisor", AT)
                .state();

        assertThat(decide(catalogue, 0, selected, BOTH)).isInstanceOf(CatalogueImport.Unchanged.class);
    }

    @Test
    void aShopifyExportEditsItsStoresPricesAndVariantsAndKeepsWhatItDoesNotCarry() throws Exception {
        ProductSheet before = ProductRules.checked(
                new ProductSheet(
                        "tea",
                        "龙井",
                        List.of("tmall-flagship", "shopify-us"),
                        List.of(new Sku(
                                "T-50",
                                "50克",
                                List.of(
                                        new StorePrice("tmall-flagship", new Money(9900, "CNY")),
                                        new StorePrice("shopify-us", new Money(1500, "USD"))),
                                List.of("茶叶罐"))),
                        new Positioning("白领", null, "春季", null)),
                CURRENCIES);
        Listing existing =
                Listing.select(Optional.empty(), before, "li.supervisor", AT).state();
        Catalogue export = shopify("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
                + "tea,Longjing,Size,50g,T-50,16.00\n");

        CatalogueImport.Decision decision =
                CatalogueImport.decide(export, export.products().get(0), existing, CURRENCIES, BOTH);

        assertThat(decision).isInstanceOfSatisfying(CatalogueImport.Edit.class, edit -> {
            ProductSheet sheet = edit.sheet();
            assertThat(sheet.title()).isEqualTo("Longjing");
            assertThat(sheet.stores()).containsExactly("tmall-flagship", "shopify-us");
            assertThat(sheet.skus().get(0))
                    .isEqualTo(new Sku(
                            "T-50",
                            "50g",
                            List.of(
                                    new StorePrice("tmall-flagship", new Money(9900, "CNY")),
                                    new StorePrice("shopify-us", new Money(1600, "USD"))),
                            List.of("茶叶罐")));
            assertThat(sheet.positioning()).isEqualTo(new Positioning("白领", null, "春季", null));
        });

        Catalogue newSku = shopify("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n"
                + "tea,Longjing,Size,50g,T-50,16.00\n"
                + "tea,,,100g,T-100,28.00\n");
        assertThat(CatalogueImport.decide(newSku, newSku.products().get(0), existing, CURRENCIES, BOTH))
                .as("the new SKU has no Tmall price, and the export cannot give one")
                .isInstanceOfSatisfying(CatalogueImport.Refuse.class, refuse -> {
                    assertThat(refuse.refusal().type()).isEqualTo("invalid");
                    assertThat(refuse.refusal().lines()).containsExactly(2L, 3L);
                    assertThat(refuse.refusal().problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.line()).isEqualTo(3L);
                        assertThat(problem.reason())
                                .isEqualTo(
                                        "SKU T-100: prices must give one price in store tmall-flagship: it gives none.");
                    });
                });
    }

    @Test
    void aRuleOfProductsIsReportedOnTheSkusLineAndColumn() throws Exception {
        Catalogue catalogue = storeops("商品编码,商品标题,商家编码,价格(tmall-flagship),包装清单\n" + "A,茶,A-1,10,罐；罐\n");
        assertThat(decide(catalogue, 0, null, BOTH))
                .isInstanceOfSatisfying(
                        CatalogueImport.Refuse.class,
                        refuse -> assertThat(refuse.refusal().problems())
                                .singleElement()
                                .satisfies(problem -> {
                                    assertThat(problem.line()).isEqualTo(2L);
                                    assertThat(problem.column()).isEqualTo("包装清单");
                                    assertThat(problem.reason()).isEqualTo("SKU A-1: packageContents lists '罐' twice.");
                                }));

        Catalogue untitled = storeops("商品编码,商家编码,价格(tmall-flagship)\nA,A-1,10\n");
        assertThat(decide(untitled, 0, null, BOTH))
                .isInstanceOfSatisfying(
                        CatalogueImport.Refuse.class,
                        refuse -> assertThat(refuse.refusal().problems().get(0).reason())
                                .isEqualTo("title is required."));

        Catalogue unpriced = storeops("商品编码,商品标题,商家编码,价格(tmall-flagship)\nA,茶,A-1,\n");
        assertThat(decide(unpriced, 0, null, BOTH))
                .isInstanceOfSatisfying(
                        CatalogueImport.Refuse.class,
                        refuse -> assertThat(refuse.refusal().problems().get(0).reason())
                                .startsWith("No row of the product gives a price"));
    }

    @Test
    void aProductOfAStoreTheCallerDoesNotRunIsRefused() throws Exception {
        Catalogue catalogue = CatalogueFiles.read(
                Path.of("../docs/samples/catalogue.csv"), CatalogueFormat.STOREOPS, CURRENCIES, null);
        assertThat(decide(catalogue, 0, null, Set.of("tmall-flagship")))
                .isInstanceOfSatisfying(
                        CatalogueImport.Refuse.class,
                        refuse -> assertThat(refuse.refusal().type()).isEqualTo("store-forbidden"));

        CatalogueImport.Select select = (CatalogueImport.Select) decide(catalogue, 2, null, BOTH);
        Listing elsewhere = Listing.select(Optional.empty(), select.sheet(), "li.supervisor", AT)
                .state();
        assertThat(decide(catalogue, 2, elsewhere, Set.of("shopify-us")))
                .isInstanceOfSatisfying(CatalogueImport.Refuse.class, refuse -> {
                    assertThat(refuse.refusal().type()).isEqualTo("product-exists");
                    assertThat(refuse.refusal().problems().get(0).column()).isEqualTo("商品编码");
                });
    }

    @Test
    void rowsThatCannotBeReadRefuseTheProductBeforeTheListingFlowIsAsked() throws Exception {
        Catalogue catalogue = storeops("商品编码,商品标题,商家编码,价格(tmall-flagship)\nA,茶,A-1,abc\n");
        assertThat(decide(catalogue, 0, null, BOTH)).isInstanceOfSatisfying(CatalogueImport.Refuse.class, refuse -> {
            assertThat(refuse.refusal().type()).isEqualTo("unreadable-rows");
            assertThat(refuse.refusal().problems()).extracting(RowProblem::line).containsExactly(2L);
        });
    }

    @Test
    void theListingFlowsConflictIsWordedOnTheLineOfTheSkuItNames() throws Exception {
        Catalogue catalogue = storeops("商品编码,商品标题,商家编码,价格(tmall-flagship)\nA,茶,A-1,10\nA,,A-2,12\n");
        RefusedProduct taken = CatalogueImport.conflict(
                catalogue,
                catalogue.products().get(0),
                new ListingConflict("sku-taken", null, "SKU A-2 belongs to product B."));
        assertThat(taken.type()).isEqualTo("sku-taken");
        assertThat(taken.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3L);
            assertThat(problem.column()).isEqualTo("商家编码");
        });

        RefusedProduct publishing = CatalogueImport.conflict(
                catalogue,
                catalogue.products().get(0),
                new ListingConflict(
                        "listing-step", ListingStep.PUBLISHING, "A product at PUBLISHING cannot take EDIT."));
        assertThat(publishing.type()).isEqualTo("listing-step");
        assertThat(publishing.problems().get(0).line()).isEqualTo(2L);
        assertThat(publishing.problems().get(0).reason()).isEqualTo("A product at PUBLISHING cannot take EDIT.");
    }

    private static CatalogueImport.Decision decide(
            Catalogue catalogue, int product, Listing existing, Set<String> stores) {
        return CatalogueImport.decide(catalogue, catalogue.products().get(product), existing, CURRENCIES, stores);
    }

    private Catalogue storeops(String content) throws Exception {
        return CatalogueFiles.read(write(content), CatalogueFormat.STOREOPS, CURRENCIES, null);
    }

    private Catalogue shopify(String content) throws Exception {
        return CatalogueFiles.read(write(content), CatalogueFormat.SHOPIFY, CURRENCIES, "shopify-us");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(folder, "catalogue", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
