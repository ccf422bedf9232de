package io.storeops.analytics.reports.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.platform.documents.ChineseFont;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A weekly summary rendered and read back with PDFBox: its pages, the text on each (title, key
 * figures, table headings repeated where the table runs over, page numbers), the charts as images
 * and the font embedded as a subset. The first page is rendered to target/report-documents for a
 * person to look at.
 */
class ReportPdfTest {

    private static final Path RENDERED = Path.of("target", "report-documents");

    private static byte[] pdf;

    @BeforeAll
    static void aWeeklySummary() {
        List<List<String>> rows = new ArrayList<>();
        for (int index = 1; index <= 70; index++) {
            rows.add(List.of(
                    "SKU-" + (1000 + index),
                    index == 3
                            ? "超长商品名称：春季新款纯棉宽松圆领短袖T恤男女同款情侣装学生韩版潮流百搭上衣，附赠收纳袋与洗护说明，"
                                    + "限时包邮 Spring cotton tee with a very long title that must wrap and then be cut,"
                                    + " and it goes on and on and on: 还有更多的说明文字"
                            : "商品 " + index + " 纯棉T恤",
                    String.format(Locale.ROOT, "¥%,.2f", 12_345.6 / index),
                    String.valueOf(200 - index),
                    String.format(Locale.ROOT, "%+.1f %%", 10.0 - index / 3.0)));
        }
        ReportDocument report = new ReportDocument(
                "周报 Weekly summary — 天猫旗舰店",
                "2026-11-23 至 2026-11-29 · 生成于 2026-11-30 08:00 (Asia/Shanghai)",
                List.of(
                        new Tiles(
                                "核心指标 Key figures",
                                List.of(
                                        new Tile("成交金额 GMV", "¥12,345.00", "+12.5 % 环比上周", "目标完成 82.3 % of target"),
                                        new Tile("支付订单 Paid orders", "1,024", "-3.1 % 环比上周", null),
                                        new Tile("客单价 Average order", "¥120.56"),
                                        new Tile("退款金额 Refunds", "¥1,234,567,890.00", null, "含仅退款与退货退款"),
                                        new Tile("直通车花费 PPC spend", "¥3,210.00", "ROI 3.70", null))),
                        ReportChartsTest.dailyGmv(7),
                        new Table(
                                "商品销售明细 Sales by item",
                                List.of("商品编码 SKU", "商品名称 Item", "成交金额 GMV", "件数 Units", "环比 Change"),
                                rows),
                        ReportChartsTest.gmvByStore()));
        pdf = ReportPdf.render(report);
    }

    @Test
    void theTitleTheFiguresAndTheTableAreThereAndTheTableRunsOverPagesWithItsHeadings() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(2);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, within());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, within());

            String first = pageText(document, 1);
            assertThat(first)
                    .contains("周报 Weekly summary — 天猫旗舰店", "2026-11-23 至 2026-11-29")
                    .contains("核心指标 Key figures", "成交金额 GMV", "¥12,345.00", "+12.5 % 环比上周", "目标完成 82.3 %")
                    .contains("每日成交金额 Daily GMV", "商品销售明细 Sales by item", "商品编码 SKU")
                    .contains("第 1 页 / 共 " + pages + " 页");
            assertThat(first).as("a long cell is cut after three lines").contains("…");
            String second = pageText(document, 2);
            assertThat(second)
                    .contains("商品销售明细 Sales by item（续 continued）")
                    .contains("商品编码 SKU", "商品名称 Item", "成交金额 GMV")
                    .contains("第 2 页 / 共 " + pages + " 页");
            String all = new PDFTextStripper().getText(document);
            assertThat(all).contains("SKU-1001", "SKU-1070", "各店铺成交金额 GMV by store");
            assertThat(count(all, "商品编码 SKU"))
                    .as("the headings on each page the table spans")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void chartsAreImagesAndTheFontIsEmbeddedAsASubset() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(images(document.getPage(0)))
                    .as("the line chart on the first page")
                    .isNotEmpty();
            assertThat(images(document.getPage(0)).get(0).getWidth())
                    .as("drawn at twice the resolution")
                    .isGreaterThan(1000);
            int allImages = 0;
            for (PDPage page : document.getPages()) {
                allImages += images(page).size();
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+" + ChineseFont.NAME);
                }
            }
            assertThat(allImages).as("both charts").isEqualTo(2);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Files.createDirectories(RENDERED);
            ImageIO.write(
                    page, "png", RENDERED.resolve("weekly-summary-page-1.png").toFile());
            assertThat(ReportChartsTest.inkShare(page)).isBetween(0.03, 0.6);
        }
        assertThat(pdf.length).as("a subset, not the whole 4.6 MB font").isLessThan(1_000_000);
    }

    @Test
    void aBareReportHasOnePageAndCharactersTheFontLacksPrintAsQuestionMarks() throws IOException {
        byte[] bare = ReportPdf.render(new ReportDocument(
                "月报 🙂",
                null,
                List.of(
                        new Tiles(null, List.of()),
                        new Table("空表 Empty", List.of("日期", "金额"), List.of()),
                        new Table(null, List.of("A", "B", "C"), List.of(List.of("short row"))))));
        try (PDDocument document = Loader.loadPDF(bare)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document))
                    .contains("月报 ?", "空表 Empty", "无数据 No data", "short row", "第 1 页 / 共 1 页");
        }
        assertThatThrownBy(() -> new Table(null, List.of("A"), List.of(List.of("1", "2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(0.5f);
    }
}
