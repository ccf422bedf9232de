package io.storeops.fulfillment.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import io.storeops.contracts.Address;
import io.storeops.contracts.InvoiceRequest;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.shipping.Checklist;
import io.storeops.fulfillment.shipping.Fulfillment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batch's documents as the clerk prints them: the text each carries (read back from the PDF),
 * the font embedded as a subset, one page of each rendered to an image, and the waybill's barcode
 * read back by a scanner's decoder.
 */
class BatchDocumentsTest {

    private static final Instant CUTOFF = Instant.parse("2026-11-28T06:00:00Z");
    private static final Letterhead TMALL =
            new Letterhead("天猫旗舰店 Tmall flagship", ZoneId.of("Asia/Shanghai"), "浙江省杭州市余杭区文一西路 969 号", "0571-88880000");
    /** Where the rendered pages go, for a person to look at. */
    private static final Path RENDERED = Path.of("target", "documents");

    private static DispatchBatch batch;
    private static List<Fulfillment> shipments;
    /** The tea is listed with what is packed with it; the glass cup never was. */
    private static Map<String, Checklist> checklists;

    @BeforeAll
    static void aPrintedBatchOfTwoShipments() {
        Fulfillment dispatched = shipment(
                        "T1001",
                        new InvoiceRequest("杭州茶香贸易有限公司", "91330106MA2H1234X5", "finance@example.com"),
                        new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号", "东部软件园 3 号楼", "310012"),
                        "请周六送达，谢谢",
                        List.of(
                                new OrderLine("TEA-LJ-250", "西湖龙井 250g 明前特级", 2, new Money(12800, "CNY")),
                                new OrderLine("CUP-GL-01", "Glass cup 玻璃杯", 1, new Money(3900, "CNY"))))
                .sellerMemoChanged("SF", "买家要顺丰，礼盒包装")
                .state()
                .dispatch("SF", "SF1234567890123", true, "wh.zhao", CUTOFF.plusSeconds(3600))
                .state();
        Fulfillment urged = shipment(
                        "T1002",
                        new Address(
                                "Li Lei",
                                "13900139000",
                                "CN",
                                "Guangdong",
                                "Shenzhen",
                                "Nanshan",
                                "1 Keyuan Road",
                                null,
                                "518057"),
                        null,
                        List.of(new OrderLine("TEA-LJ-250", "West Lake Longjing 250g", 1, new Money(12800, "CNY"))))
                .urged("cs.li", CUTOFF.minusSeconds(600), "wedding on Saturday")
                .state();
        shipments = List.of(dispatched, urged);
        Map<String, PublishedSku> listed = Map.of(
                "TEA-LJ-250",
                new PublishedSku(
                        "tmall-flagship",
                        "TEA-LJ-250",
                        "TEA-LJ",
                        "西湖龙井 明前特级",
                        "250g",
                        List.of("茶罐", "礼盒", "冲泡说明卡"),
                        null,
                        2,
                        CUTOFF.minusSeconds(86_400)));
        checklists = Map.of(
                dispatched.shipmentId(), Checklist.of(dispatched, listed),
                urged.shipmentId(), Checklist.of(urged, listed));
        DispatchBatch made = DispatchBatch.cutOff(
                        Optional.empty(),
                        "tmall-flagship",
                        LocalDate.parse("2026-11-28"),
                        CUTOFF,
                        List.of(dispatched.shipmentId(), urged.shipmentId()),
                        List.of(urged.shipmentId()),
                        DispatchBatch.AT_CUTOFF,
                        CUTOFF)
                .state();
        batch = made.printed("clerk.wu", CUTOFF.plusSeconds(300)).state();
    }

    @Test
    void theDailyReportListsEveryShipmentWithItsChineseAddressMemoNoteAndTheStampsSoFar() throws IOException {
        String text = text(DocumentKind.DAILY_REPORT);

        assertThat(text)
                .contains("日报表 Daily report", "天猫旗舰店", "tmall-flagship-2026-11-28", "2026-11-28 14:00")
                .contains("T1001", "王芳", "浙江省 杭州市 西湖区 文三路 90 号", "西湖龙井 250g")
                .contains("买家要顺丰，礼盒包装", "请周六送达，谢谢", "SF1234567890123")
                .contains("T1002", "Li Lei", "Guangdong Shenzhen Nanshan", "催 urged")
                .contains("开单员盖章", "clerk.wu", "2026-11-28 14:05", "经理签收 Manager's receipt")
                .contains("仓库核对 Warehouse check", "wh.zhao: 1 checked, last 2026-11-28 15:00");
    }

    @Test
    void anOutboundSlipPerShipmentWithItsLinesToCheckAndTheDispatchSealBox() throws IOException {
        try (PDDocument slips = Loader.loadPDF(pdf(DocumentKind.OUTBOUND_SLIPS))) {
            assertThat(slips.getNumberOfPages()).isEqualTo(2);
            String first = pageText(slips, 1);
            assertThat(first)
                    .contains("出库单 Outbound slip", "T1001", "王芳", "TEA-LJ-250", "西湖龙井 明前特级 250g", "CUP-GL-01")
                    .contains("Glass cup 玻璃杯")
                    .contains("发货专用章", "Dispatch seal", "卖家备注 Seller memo: SF 买家要顺丰，礼盒包装");
            assertThat(pageText(slips, 2)).contains("T1002", "催发货 The buyer urged dispatch");
            assertThat(decodeBarcode(slips, 0)).isEqualTo("shp-tmall-flagship:T1001");
        }
    }

    @Test
    void eachLineOfAnOutboundSlipListsTheAccessoriesToTickFromItsChecklist() throws IOException {
        try (PDDocument slips = Loader.loadPDF(pdf(DocumentKind.OUTBOUND_SLIPS))) {
            String first = pageText(slips, 1);
            assertThat(first)
                    .as("the tea's accessories under its line, before the cup's line, which has none")
                    .containsSubsequence("TEA-LJ-250", "附件 Accessories", "茶罐", "礼盒", "冲泡说明卡", "CUP-GL-01")
                    .containsOnlyOnce("附件 Accessories");
            assertThat(pageText(slips, 2)).contains("附件 Accessories", "茶罐", "礼盒", "冲泡说明卡");
        }
        try (PDDocument unlisted = Loader.loadPDF(withoutChecklists(DocumentKind.OUTBOUND_SLIPS))) {
            assertThat(new PDFTextStripper().getText(unlisted))
                    .as("without the listing, the order's titles and no accessories")
                    .contains("西湖龙井 250g 明前特级")
                    .doesNotContain("附件 Accessories", "茶罐");
        }
    }

    @Test
    void aSlipWhoseLinesDoNotFitGoesOnOnAnotherPageAndTheSealBoxStaysFree() throws IOException {
        List<OrderLine> lines = new ArrayList<>();
        Map<String, PublishedSku> listed = new HashMap<>();
        for (int number = 1; number <= 14; number++) {
            String sku = "GIFT-SET-" + number;
            lines.add(new OrderLine(sku, "礼盒套装 " + number, 1, new Money(9900, "CNY")));
            listed.put(
                    sku,
                    new PublishedSku(
                            "tmall-flagship",
                            sku,
                            "GIFT-SET",
                            "节日礼盒套装",
                            "款式 " + number,
                            List.of("外包装盒", "手提袋", "贺卡", "茶罐 " + number, "防潮袋", "说明书"),
                            null,
                            1,
                            CUTOFF));
        }
        Fulfillment many = shipment(
                "T1005",
                new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号", null, "310012"),
                null,
                lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new BatchDocuments(batch, List.of(many), Map.of(many.shipmentId(), Checklist.of(many, listed)), TMALL)
                .write(DocumentKind.OUTBOUND_SLIPS, out);

        try (PDDocument slip = Loader.loadPDF(out.toByteArray())) {
            assertThat(slip.getNumberOfPages()).isGreaterThan(1);
            String last = pageText(slip, slip.getNumberOfPages());
            assertThat(last).contains("出库单（续）Outbound slip, continued", "GIFT-SET-14", "茶罐 14", "发货专用章");
            assertThat(pageText(slip, 1)).doesNotContain("发货专用章");
            assertThat(new PDFTextStripper().getText(slip))
                    .as("every line, in order, once")
                    .containsSubsequence("GIFT-SET-1", "茶罐 1", "GIFT-SET-7", "茶罐 7", "GIFT-SET-13", "茶罐 13")
                    .containsOnlyOnce("GIFT-SET-13");
        }
    }

    @Test
    void aWaybillLabelPerShipmentWhoseBarcodeScansAsItsTrackingNumber() throws IOException {
        try (PDDocument labels = Loader.loadPDF(pdf(DocumentKind.WAYBILLS))) {
            assertThat(labels.getNumberOfPages()).isEqualTo(2);
            assertThat(labels.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(283.46f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(pageText(labels, 1))
                    .contains("SF  顺丰速运", "SF1234567890123", "收件人 To", "王芳  13800138000")
                    .contains("寄件人 From", "天猫旗舰店 Tmall flagship  0571-88880000", "文一西路 969 号");
            assertThat(decodeBarcode(labels, 0)).isEqualTo("SF1234567890123");
            assertThat(decodeBarcode(labels, 1))
                    .as("not dispatched yet: the label carries the shipment id")
                    .isEqualTo("shp-tmall-flagship:T1002");
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void theFontComesWithTheBuildAndOnlyTheGlyphsUsedAreEmbedded(DocumentKind kind) throws IOException {
        byte[] pdf = pdf(kind);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                fonts.add(document.getPage(0).getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei");
            });
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            assertThat(inkShare(page))
                    .as("the rendered page has text and lines on it")
                    .isBetween(0.01, 0.5);
            Files.createDirectories(RENDERED);
            ImageIO.write(page, "png", RENDERED.resolve(kind.slug() + ".png").toFile());
        }
        assertThat(pdf.length).as("a subset, not the whole 4.6 MB font").isLessThan(400_000);
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarksInsteadOfFailingThePrint() throws IOException {
        Fulfillment odd = shipment(
                "T1003",
                new Address("Zoë 🙂", null, "CN", null, "Hangzhou", null, "Line\u0007 one", null, null),
                null,
                List.of(new OrderLine("TEA-LJ-250", "Tea", 1, new Money(12800, "CNY"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new BatchDocuments(batch, List.of(odd), TMALL).write(DocumentKind.DAILY_REPORT, out);

        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Zoë ?", "Line? one");
        }
    }

    @Test
    void anInvoicePerShipmentWhoseBuyerAskedForOneWithPricesAndTheTotal() throws IOException {
        try (PDDocument invoices = Loader.loadPDF(pdf(DocumentKind.INVOICES))) {
            assertThat(invoices.getNumberOfPages())
                    .as("only T1001's buyer asked")
                    .isEqualTo(1);
            assertThat(pageText(invoices, 1))
                    .contains("发票 Invoice", "销售方 Seller: 天猫旗舰店 Tmall flagship")
                    .contains("购买方 Buyer: 杭州茶香贸易有限公司", "纳税人识别号 Tax id: 91330106MA2H1234X5")
                    .contains("T1001", "西湖龙井 250g 明前特级", "128.00", "256.00", "39.00", "合计 Total CNY", "295.00");
        }
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        new BatchDocuments(batch, List.of(shipments.get(1)), TMALL).write(DocumentKind.INVOICES, none);
        try (PDDocument document = Loader.loadPDF(none.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("本批次无发票");
        }
    }

    @Test
    void aReplacementsSlipNamesItsExchangeAndScansAsItsShipmentAndItCarriesNoInvoice() throws IOException {
        Fulfillment replacement = Fulfillment.replacementOf(
                        Optional.empty(),
                        shipments.get(0),
                        "tmall-flagship:RF1",
                        List.of(new ItemQuantity("TEA-LJ-250", 1)),
                        List.of(),
                        CUTOFF)
                .state();

        try (PDDocument slip = Loader.loadPDF(write(DocumentKind.OUTBOUND_SLIPS, replacement))) {
            assertThat(pageText(slip, 1))
                    .contains("T1001", "换货 Replacement for case tmall-flagship:RF1", "王芳", "西湖龙井 250g 明前特级")
                    .doesNotContain("CUP-GL-01");
            assertThat(decodeBarcode(slip, 0)).isEqualTo("shp-r~tmall-flagship:RF1");
        }
        try (PDDocument report = Loader.loadPDF(write(DocumentKind.DAILY_REPORT, replacement))) {
            assertThat(new PDFTextStripper().getText(report)).contains("换货", "exchange");
        }
        try (PDDocument invoices = Loader.loadPDF(write(DocumentKind.INVOICES, replacement))) {
            assertThat(new PDFTextStripper().getText(invoices))
                    .as("the order's invoice went with its own parcel")
                    .contains("本批次无发票");
        }
    }

    @Test
    void aPulledParcelsSlipAndLabelSayPullInsteadOfWhereItGoes() throws IOException {
        Fulfillment pulled = shipment(
                        "T1004",
                        new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号", null, "310012"),
                        null,
                        List.of(new OrderLine("TEA-LJ-250", "西湖龙井", 1, new Money(12800, "CNY"))))
                .refundApproved("rf-1", "REFUND_ONLY", new Money(12800, "CNY"), List.of(), CUTOFF)
                .state();

        for (DocumentKind kind : List.of(DocumentKind.OUTBOUND_SLIPS, DocumentKind.WAYBILLS)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new BatchDocuments(batch, List.of(pulled), TMALL).write(kind, out);
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
                assertThat(new PDFTextStripper().getText(document))
                        .as(kind.slug())
                        .contains("撤回 PULL", "不要发货 Do not ship")
                        .doesNotContain("文三路 90 号");
            }
        }
    }

    @Test
    void anIdCode128CannotCarryGetsABoxToTypeItFromInsteadOfFailingThePrint() throws IOException {
        Fulfillment longNumber = shipment(
                "订单-" + "9".repeat(70),
                new Address("Li Lei", null, "CN", null, "Shenzhen", null, "1 Keyuan Road", null, null),
                null,
                List.of(new OrderLine("TEA-LJ-250", "Tea", 1, new Money(12800, "CNY"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new BatchDocuments(batch, List.of(longNumber), TMALL).write(DocumentKind.OUTBOUND_SLIPS, out);

        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("无条码 No barcode");
        }
    }

    private static Fulfillment shipment(String number, Address to, String buyerNote, List<OrderLine> lines) {
        return shipment(number, null, to, buyerNote, lines);
    }

    private static Fulfillment shipment(
            String number, InvoiceRequest invoice, Address to, String buyerNote, List<OrderLine> lines) {
        OrderPaid paid = new OrderPaid(
                "tmall-flagship:" + number,
                "tmall-flagship",
                "storefront",
                number,
                lines,
                Money.zero("CNY"),
                lines.stream().map(OrderLine::lineTotal).reduce(Money.zero("CNY"), Money::plus),
                CUTOFF.minusSeconds(7200),
                to,
                buyerNote,
                null,
                List.of(),
                null,
                null,
                null,
                invoice);
        return Fulfillment.forPaidOrder(Optional.empty(), paid, List.of(), List.of(), CUTOFF.minusSeconds(7100))
                .state();
    }

    private static byte[] pdf(DocumentKind kind) throws IOException {
        return write(kind, shipments.toArray(Fulfillment[]::new));
    }

    private static byte[] write(DocumentKind kind, Fulfillment... of) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BatchDocuments(batch, List.of(of), checklists, TMALL).write(kind, out);
        return out.toByteArray();
    }

    private static byte[] withoutChecklists(DocumentKind kind) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BatchDocuments(batch, shipments, TMALL).write(kind, out);
        return out.toByteArray();
    }

    private static String text(DocumentKind kind) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(kind))) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    /** What a scanner reads from the page's barcode. */
    private static String decodeBarcode(PDDocument document, int page) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 300);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new Code128Reader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true))
                    .getText();
        } catch (com.google.zxing.ReaderException unreadable) {
            throw new AssertionError("no Code 128 barcode could be read on page " + page, unreadable);
        }
    }

    /** The share of the page's pixels that are not white. */
    private static double inkShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }
}
