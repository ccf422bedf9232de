package io.storeops.listing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import io.storeops.contracts.Money;
import io.storeops.listing.products.Positioning;
import io.storeops.listing.products.StorePrice;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.FileRefused.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StoreOps' own catalogue read into products: headings, charsets, workbooks, prices, and rows that cannot be read. */
class StoreOpsCatalogueTest {

    static final Map<String, String> CURRENCIES =
            Map.of("tmall-flagship", "CNY", "shopify-us", "USD", "jp-store", "JPY");

    @TempDir
    Path folder;

    @Test
    void theSampleCatalogueIsAProductPerSpuWithItsSkusPricesContentsAndPositioning() throws Exception {
        Catalogue catalogue = CatalogueFiles.read(
                Path.of("../docs/samples/catalogue.csv"), CatalogueFormat.STOREOPS, CURRENCIES, null);

        assertThat(catalogue.pricedStores()).containsExactly("tmall-flagship", "shopify-us");
        assertThat(catalogue.given()).containsExactlyInAnyOrder(CatalogueField.values());
        assertThat(catalogue.products())
                .extracting(ImportedProduct::spuCode)
                .containsExactly("LJ-2026", "BLC-2026", "TS-GLASS");
        ImportedProduct longjing = catalogue.products().get(0);
        assertThat(longjing.problems()).isEmpty();
        assertThat(longjing.lines()).containsExactly(2L, 3L);
        assertThat(longjing.title()).isEqualTo("2026新茶 西湖龙井 明前特级");
        assertThat(longjing.positioning()).isEqualTo(new Positioning("送礼的白领", "300-400元", "春季", "明前头采，主打送礼"));
        ImportedSku gift = longjing.skus().get(0);
        assertThat(gift.sku()).isEqualTo("LJ-2026-250G");
        assertThat(gift.variant()).isEqualTo("250g 礼盒装");
        assertThat(gift.prices())
                .containsExactly(
                        new StorePrice("tmall-flagship", new Money(39800, "CNY")),
                        new StorePrice("shopify-us", new Money(5900, "USD")));
        assertThat(gift.packageContents()).containsExactly("茶叶罐", "手提袋", "品鉴卡");
        ImportedProduct glass = catalogue.products().get(2);
        assertThat(glass.skus())
                .allSatisfy(sku ->
                        assertThat(sku.prices()).extracting(StorePrice::storeId).containsExactly("tmall-flagship"));
    }

    @Test
    void aGb18030ExportWithTitleLinesAndEnglishHeadingsIsRead() throws Exception {
        Path file = write(
                "catalogue.csv",
                "天猫旗舰店 商品目录\n导出时间：2026-11-30\n\n"
                        + "SPU,Title,SKU,Variant,price:tmall-flagship,Package contents,Season\n"
                        + "LJ-2026,西湖龙井 明前特级,LJ-2026-250G,250g,\"1,398.5\",茶叶罐;手提袋 | 品鉴卡,春季\n",
                Charset.forName("GB18030"));

        Catalogue catalogue = CatalogueFiles.read(file, CatalogueFormat.STOREOPS, CURRENCIES, null);

        ImportedProduct product = catalogue.products().get(0);
        assertThat(product.problems()).isEmpty();
        assertThat(product.lines()).containsExactly(5L);
        assertThat(product.title()).isEqualTo("西湖龙井 明前特级");
        assertThat(product.positioning().season()).isEqualTo("春季");
        assertThat(product.skus().get(0).prices())
                .containsExactly(new StorePrice("tmall-flagship", new Money(139850, "CNY")));
        assertThat(product.skus().get(0).packageContents()).containsExactly("茶叶罐", "手提袋", "品鉴卡");
        assertThat(catalogue.given())
                .containsExactlyInAnyOrder(
                        CatalogueField.TITLE,
                        CatalogueField.VARIANT,
                        CatalogueField.PACKAGE_CONTENTS,
                        CatalogueField.SEASON);
    }

    @Test
    void anXlsxWorkbookWithNumericCellsIsRead() throws Exception {
        Path file = folder.resolve("catalogue.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("商品");
            row(sheet, 0, "商品编码", "商品标题", "商家编码", "规格", "价格（tmall-flagship）", "价格(jp-store)", "包装清单");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(10001);
            first.createCell(1).setCellValue("紫砂壶");
            first.createCell(2).setCellValue(1000101);
            first.createCell(3).setCellValue("200ml");
            first.createCell(4).setCellValue(268.5);
            first.createCell(5).setCellValue(5200);
            first.createCell(6).setCellValue("壶｜证书");
            Row second = sheet.createRow(2);
            second.createCell(0).setCellValue(10001);
            second.createCell(2).setCellValue(1000102);
            second.createCell(4).setCellValue(298);
            second.createCell(5).setCellValue(5800);
            workbook.write(out);
        }

        Catalogue catalogue = CatalogueFiles.read(file, CatalogueFormat.STOREOPS, CURRENCIES, null);

        ImportedProduct teapot = catalogue.products().get(0);
        assertThat(teapot.problems()).isEmpty();
        assertThat(teapot.spuCode()).isEqualTo("10001");
        assertThat(teapot.lines()).containsExactly(2L, 3L);
        assertThat(teapot.skus()).extracting(ImportedSku::sku).containsExactly("1000101", "1000102");
        assertThat(teapot.skus().get(0).prices())
                .containsExactly(
                        new StorePrice("tmall-flagship", new Money(26850, "CNY")),
                        new StorePrice("jp-store", new Money(5200, "JPY")));
        assertThat(teapot.skus().get(0).packageContents()).containsExactly("壶", "证书");
        assertThat(teapot.skus().get(1).variant()).isNull();
    }

    @Test
    void aPlainPriceColumnPricesTheStoreTheUploadNames() throws Exception {
        Path file = write("plain.csv", "商品编码,商家编码,价格(元)\nLJ-2026,LJ-2026-250G,398\n", StandardCharsets.UTF_8);

        Catalogue catalogue = CatalogueFiles.read(file, CatalogueFormat.STOREOPS, CURRENCIES, "tmall-flagship");

        assertThat(catalogue.pricedStores()).containsExactly("tmall-flagship");
        assertThat(catalogue.products().get(0).skus().get(0).prices())
                .containsExactly(new StorePrice("tmall-flagship", new Money(39800, "CNY")));
        assertThat(refusal("plain.csv", "商品编码,商家编码,价格\nLJ-2026,LJ-2026-250G,398\n", null))
                .satisfies(refused -> {
                    assertThat(refused.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
                    assertThat(refused.column()).isEqualTo("价格");
                });
        assertThat(refusal("usd.csv", "商品编码,商家编码,price(USD)\nLJ-2026,LJ-2026-250G,39\n", "tmall-flagship"))
                .satisfies(refused -> assertThat(refused.getMessage()).contains("tmall-flagship sells in CNY"));
    }

    @Test
    void aFileThatIsNoCatalogueIsRefusedNamingTheColumn() throws Exception {
        assertThat(refusal("store.csv", "商品编码,商家编码,价格(tmall-flagshp)\nA,A-1,1\n", null))
                .satisfies(refused -> {
                    assertThat(refused.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
                    assertThat(refused.column()).isEqualTo("价格(tmall-flagshp)");
                    assertThat(refused.getMessage()).contains("shopify-us, tmall-flagship");
                });
        assertThat(refusal("unknown.csv", "商品编码,商家编码,库存\nA,A-1,1\n", null)).satisfies(refused -> {
            assertThat(refused.kind()).isEqualTo(Kind.UNKNOWN_COLUMN);
            assertThat(refused.column()).isEqualTo("库存");
        });
        assertThat(refusal("nosku.csv", "商品编码,商品标题,价格(tmall-flagship)\nA,茶,1\n", null))
                .satisfies(refused -> {
                    assertThat(refused.kind()).isEqualTo(Kind.MISSING_COLUMN);
                    assertThat(refused.column()).isEqualTo("商家编码/SKU");
                    assertThat(refused.chinese()).contains("商家编码");
                });
        assertThat(refusal("twice.csv", "SPU,SKU,price:tmall-flagship,价格(tmall-flagship)\nA,A-1,1,1\n", null))
                .satisfies(refused -> {
                    assertThat(refused.kind()).isEqualTo(Kind.DUPLICATE_COLUMN);
                    assertThat(refused.column()).isEqualTo("价格(tmall-flagship)");
                });
        assertThat(refusal("empty.csv", "", null).kind()).isEqualTo(Kind.EMPTY);
        assertThat(refusal("header.csv", "商品编码,商家编码\n", null).kind()).isEqualTo(Kind.EMPTY);
        assertThat(refusal("shopify.csv", "Handle,Title,Variant SKU,Variant Price\nh,T,S-1,1.00\n", null))
                .satisfies(refused -> {
                    assertThat(refused.kind()).isEqualTo(Kind.NO_HEADER);
                    assertThat(refused.getMessage()).contains("format=shopify");
                });
    }

    @Test
    void rowsThatCannotBeReadAreTheirProductsProblemsOnlyNamingLineAndColumn() throws Exception {
        Path file = write(
                "bad.csv",
                "商品编码,商品标题,商家编码,价格(tmall-flagship),价格(shopify-us)\n"
                        + "GOOD,好茶,GOOD-1,10.00,2.00\n"
                        + "BAD,坏茶,BAD-1,abc,2.00\n"
                        + "BAD,另一个标题,,12.345,-1\n"
                        + ",无编码,X-1,1,1\n"
                        + "GOOD,,GOOD-2,11.00,2.50\n",
                StandardCharsets.UTF_8);

        Catalogue catalogue = CatalogueFiles.read(file, CatalogueFormat.STOREOPS, CURRENCIES, null);

        assertThat(catalogue.products()).extracting(ImportedProduct::spuCode).containsExactly("GOOD", "BAD", null);
        ImportedProduct good = catalogue.products().get(0);
        assertThat(good.problems()).isEmpty();
        assertThat(good.lines()).containsExactly(2L, 6L);
        ImportedProduct bad = catalogue.products().get(1);
        assertThat(bad.lines()).containsExactly(3L, 4L);
        assertThat(bad.problems())
                .extracting(RowProblem::line, RowProblem::column)
                .containsExactly(
                        tuple(3L, "价格(tmall-flagship)"),
                        tuple(4L, "商品标题"),
                        tuple(4L, "商家编码"),
                        tuple(4L, "价格(tmall-flagship)"),
                        tuple(4L, "价格(shopify-us)"));
        assertThat(bad.problems().get(0).reason()).contains("\"abc\" is not a number");
        assertThat(bad.problems().get(1).reason()).contains("'另一个标题' here and '坏茶' on line 3");
        assertThat(bad.problems().get(3).reason()).contains("more than 2 decimals");
        assertThat(bad.problems().get(4).reason()).isEqualTo("the price must be above 0");
        ImportedProduct noCode = catalogue.products().get(2);
        assertThat(noCode.lines()).containsExactly(5L);
        assertThat(noCode.problems()).extracting(RowProblem::reason).containsExactly("the SPU code is missing");
    }

    @Test
    void packageContentsSplitOnEitherSemicolonOrABar() {
        assertThat(StoreOpsCatalogue.contents("茶叶罐；手提袋;品鉴卡 | 说明书｜茶匙"))
                .containsExactly("茶叶罐", "手提袋", "品鉴卡", "说明书", "茶匙");
        assertThat(StoreOpsCatalogue.contents(" - ")).isEmpty();
        assertThat(StoreOpsCatalogue.contents("；；茶叶罐；")).containsExactly("茶叶罐");
    }

    private FileRefused refusal(String name, String content, String store) throws IOException {
        Path file = write(name, content, StandardCharsets.UTF_8);
        Throwable thrown = catchThrowable(() -> CatalogueFiles.read(file, CatalogueFormat.STOREOPS, CURRENCIES, store));
        assertThat(thrown).isInstanceOf(FileRefused.class);
        return (FileRefused) thrown;
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, charset);
        return file;
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }

    @Test
    void anUnknownStoreOfTheUploadIsRefused() {
        assertThatThrownBy(() -> CatalogueFiles.read(
                        folder.resolve("none.csv"), CatalogueFormat.STOREOPS, CURRENCIES, "no-such-store"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-store");
        assertThat(List.of(CatalogueFormat.named(null), CatalogueFormat.named(" Shopify ")))
                .containsExactly(CatalogueFormat.STOREOPS, CatalogueFormat.SHOPIFY);
        assertThatThrownBy(() -> CatalogueFormat.named("taobao")).hasMessageContaining("'taobao'");
    }
}
