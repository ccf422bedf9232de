package io.storeops.fulfillment.documents;

import io.storeops.contracts.Address;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.OrderLine;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.shipping.Carrier;
import io.storeops.fulfillment.shipping.Checklist;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The batch's printed documents, in Chinese and English side by side as the department's forms
 * are: the daily report, an outbound slip per shipment (each line with the accessories to tick,
 * from its checklist) and a waybill label per shipment. Pages are kept in temporary files while
 * written, so a batch of thousands of shipments is not held in memory.
 */
public final class BatchDocuments {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final PDRectangle A4_LANDSCAPE =
            new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final PDRectangle LABEL = new PDRectangle(100 * PdfSheet.MM, 150 * PdfSheet.MM);
    private static final float MARGIN = 28;

    /** The daily report's columns: heading and width in points. */
    private static final String[] HEADINGS = {
        "#",
        "订单 Order",
        "买家 Buyer",
        "地址 Address",
        "商品 Lines",
        "快递 Carrier",
        "备注 Memo · note",
        "运单号 Tracking",
        "标记 Marks"
    };

    private static final float[] WIDTHS = {20, 88, 76, 168, 140, 44, 118, 90, 42};
    private static final float ROW_FONT = 7.5f;

    private static final float ACCESSORY_FONT = 8.5f;
    private static final float ACCESSORY_ROW = 12;
    private static final float TICK_BOX = 8;

    private final DispatchBatch batch;
    private final List<Fulfillment> shipments;
    private final Map<String, Checklist> checklists;
    private final Letterhead store;

    /** The batch's documents without checklists: the outbound slips list the lines, with no accessories. */
    public BatchDocuments(DispatchBatch batch, List<Fulfillment> shipments, Letterhead store) {
        this(batch, shipments, Map.of(), store);
    }

    /**
     * The batch's documents; {@code checklists} (by shipment id) give each line of an outbound slip
     * the listing's title and the accessories to tick.
     */
    public BatchDocuments(
            DispatchBatch batch, List<Fulfillment> shipments, Map<String, Checklist> checklists, Letterhead store) {
        this.batch = batch;
        this.shipments = List.copyOf(shipments);
        this.checklists = Map.copyOf(checklists);
        this.store = store;
    }

    /** Writes the document of {@code kind} as a PDF to {@code out}; returns its page count. */
    public int write(DocumentKind kind, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(titleOf(kind) + " " + batch.batchId());
            info.setCreator("StoreOps fulfillment-service");
            switch (kind) {
                case DAILY_REPORT -> dailyReport(document);
                case OUTBOUND_SLIPS -> outboundSlips(document);
                case WAYBILLS -> waybills(document);
                case INVOICES -> invoices(document);
            }
            document.save(out);
            return document.getNumberOfPages();
        }
    }

    static String titleOf(DocumentKind kind) {
        return switch (kind) {
            case DAILY_REPORT -> "日报表 Daily report";
            case OUTBOUND_SLIPS -> "出库单 Outbound slips";
            case WAYBILLS -> "物流单 Waybills";
            case INVOICES -> "发票 Invoices";
        };
    }

    private void dailyReport(PDDocument document) throws IOException {
        try (PdfSheet sheet = new PdfSheet(document, A4_LANDSCAPE)) {
            float y = reportPage(sheet, 1);
            int page = 1;
            int number = 0;
            for (Fulfillment shipment : shipments) {
                number++;
                List<List<String>> cells = new ArrayList<>();
                String[] values = row(number, shipment);
                int tallest = 1;
                for (int column = 0; column < values.length; column++) {
                    List<String> lines = sheet.wrap(values[column], WIDTHS[column] - 4, ROW_FONT);
                    cells.add(lines);
                    tallest = Math.max(tallest, lines.size());
                }
                float rowHeight = tallest * ROW_FONT * 1.3f + 4;
                if (y + rowHeight > sheet.height() - MARGIN - 14) {
                    y = reportPage(sheet, ++page);
                }
                float x = MARGIN;
                for (int column = 0; column < cells.size(); column++) {
                    float lineTop = y + 2;
                    for (String line : cells.get(column)) {
                        sheet.text(x + 2, lineTop, ROW_FONT, line);
                        lineTop += ROW_FONT * 1.3f;
                    }
                    x += WIDTHS[column];
                }
                y += rowHeight;
                sheet.line(MARGIN, y, sheet.width() - MARGIN, y, 0.3f);
            }
            if (y + 110 > sheet.height() - MARGIN) {
                y = reportPage(sheet, ++page);
            }
            stampBoxes(sheet, y + 10);
        }
    }

    /** A new page of the report with its header and column headings; returns where rows start. */
    private float reportPage(PdfSheet sheet, int page) throws IOException {
        sheet.newPage();
        sheet.text(MARGIN, MARGIN, 14, "日报表 Daily report — " + store.storeName());
        sheet.text(
                MARGIN,
                MARGIN + 20,
                8,
                "批次 Batch " + batch.batchId() + "    日期 Date " + batch.batchDate() + "    截单 Cut-off "
                        + local(batch.cutoffAt()) + "    开单 Cut off by " + batch.madeBy() + "    共 " + shipments.size()
                        + " 件 shipments");
        String pageNumber = "第 " + page + " 页 Page " + page;
        sheet.text(sheet.width() - MARGIN - sheet.widthOf(pageNumber, 8), sheet.height() - MARGIN, 8, pageNumber);
        float y = MARGIN + 38;
        float x = MARGIN;
        for (int column = 0; column < HEADINGS.length; column++) {
            sheet.text(x + 2, y, 7.5f, HEADINGS[column]);
            x += WIDTHS[column];
        }
        y += 12;
        sheet.line(MARGIN, y, sheet.width() - MARGIN, y, 0.8f);
        return y + 2;
    }

    private String[] row(int number, Fulfillment shipment) {
        Fulfillment.PaidOrder paid = shipment.paid();
        Address to = shipment.address();
        String memo = Stream.of(
                        shipment.sellerMemo() == null
                                ? null
                                : joined(
                                        " ",
                                        shipment.sellerMemo().carrier(),
                                        shipment.sellerMemo().note()),
                        paid == null || paid.buyerNote() == null ? null : "买家 buyer: " + paid.buyerNote())
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        List<String> marks = new ArrayList<>();
        if (batch.urged().contains(shipment.shipmentId()) || !shipment.urges().isEmpty()) {
            marks.add("催 urged");
        }
        if (isPulled(shipment)) {
            marks.add("撤 pull");
        }
        if (shipment.parcelNumber() != null) {
            marks.add("包裹 parcel " + shipment.parcelNumber() + "/2");
        }
        if (shipment.isReplacement()) {
            marks.add("换货 exchange");
        }
        return new String[] {
            String.valueOf(number),
            (paid == null || paid.externalOrderId() == null ? shipment.orderId() : paid.externalOrderId()) + "\n"
                    + local(shipment.paidAt()),
            to == null ? "" : joined("\n", to.name(), to.phone()),
            addressLine(to),
            linesOf(shipment),
            Objects.requireNonNullElse(shipment.carrier() == null ? shipment.carrierToUse() : shipment.carrier(), ""),
            memo,
            shipment.trackingNumber() == null
                    ? ""
                    : joined(
                            "\n",
                            shipment.trackingNumber(),
                            shipment.dispatchedBy() + " " + local(shipment.dispatchedAt())),
            String.join("\n", marks)
        };
    }

    /** The clerk's, the warehouse's, the dispatch's and the manager's boxes, each with who and when once done. */
    private void stampBoxes(PdfSheet sheet, float top) throws IOException {
        String[][] boxes = {
            {"开单员盖章 Clerk's stamp", stamp(batch.printed())},
            {"仓库核对 Warehouse check", checkers()},
            {
                "发货 Dispatched",
                batch.closing() == null
                        ? ""
                        : batch.closing().by() + "\n" + local(batch.closing().at()) + "\n已发 "
                                + batch.closing().dispatchedCount() + " dispatched, 顺延 "
                                + batch.closing().rolledOn().size() + " rolled on"
            },
            {"经理签收 Manager's receipt", stamp(batch.acknowledged())}
        };
        float width = (sheet.width() - 2 * MARGIN - 30) / boxes.length;
        float x = MARGIN;
        for (String[] box : boxes) {
            sheet.box(x, top, width, 80);
            sheet.text(x + 6, top + 6, 9, box[0]);
            sheet.paragraph(x + 6, top + 24, width - 12, 8, box[1]);
            x += width + 10;
        }
    }

    /** Who checked the batch's parcels against their slips: each checker, how many, and the last one when. */
    private String checkers() {
        Map<String, List<Instant>> checksByWho = shipments.stream()
                .map(Fulfillment::inspection)
                .filter(Objects::nonNull)
                .collect(Collectors.groupingBy(
                        Fulfillment.Inspection::by,
                        TreeMap::new,
                        Collectors.mapping(Fulfillment.Inspection::at, Collectors.toList())));
        return checksByWho.entrySet().stream()
                .map(checker -> checker.getKey() + ": " + checker.getValue().size() + " checked, last "
                        + local(checker.getValue().stream()
                                .max(Instant::compareTo)
                                .orElseThrow()))
                .collect(Collectors.joining("\n"));
    }

    private void outboundSlips(PDDocument document) throws IOException {
        try (PdfSheet sheet = new PdfSheet(document, PDRectangle.A5)) {
            for (Fulfillment shipment : shipments) {
                sheet.newPage();
                float right = sheet.width() - MARGIN;
                sheet.text(MARGIN, MARGIN, 15, "出库单 Outbound slip");
                sheet.barcode(right - 170, MARGIN, 170, 32, shipment.shipmentId());
                sheet.text(right - 170, MARGIN + 35, 7, shipment.shipmentId());
                if (isPulled(shipment)) {
                    pullBanner(sheet, MARGIN + 64);
                    continue;
                }
                sheet.text(MARGIN, MARGIN + 48, 8, store.storeName() + "  ·  批次 Batch " + batch.batchId());
                Fulfillment.PaidOrder paid = shipment.paid();
                float y = MARGIN + 64;
                y = sheet.paragraph(
                        MARGIN,
                        y,
                        right - MARGIN,
                        9,
                        "订单 Order " + (paid == null ? shipment.orderId() : paid.externalOrderId()) + "    付款 Paid "
                                + local(shipment.paidAt())
                                + (shipment.parcelNumber() == null
                                        ? ""
                                        : "    包裹 Parcel " + shipment.parcelNumber() + "/2")
                                + (shipment.isReplacement()
                                        ? "\n换货 Replacement for case " + shipment.replacementFor()
                                        : ""));
                Address to = shipment.address();
                y = sheet.paragraph(
                        MARGIN,
                        y + 2,
                        right - MARGIN,
                        9,
                        "收件人 To: " + (to == null ? "" : joined("  ", to.name(), to.phone()) + "\n" + addressLine(to)));
                y = slipHeadings(sheet, y + 6, right);
                float linesEnd = sheet.height() - MARGIN - 96 - 12;
                Map<String, Checklist.Line> checklist = checklistOf(shipment);
                for (ItemQuantity line : shipment.lines()) {
                    Checklist.Line listed = checklist.get(line.sku());
                    String title = listed == null ? "" : joined(" ", listed.title(), listed.variant());
                    if (title.isEmpty()) {
                        title = titleOf(shipment, line.sku());
                    }
                    List<String> wrapped = sheet.wrap(title, right - 80 - MARGIN - 115, 9);
                    List<List<String>> accessories = listed == null
                            ? List.of()
                            : tickBoxRows(sheet, listed.accessories(), right - 40 - MARGIN - 110);
                    float height = Math.max(16, wrapped.size() * 11.7f + 4) + accessories.size() * ACCESSORY_ROW;
                    if (y + height > linesEnd && y > MARGIN + 80) {
                        // the seal box keeps the page's foot: the rest of the lines go on a page of their own
                        sheet.newPage();
                        sheet.text(MARGIN, MARGIN, 11, "出库单（续）Outbound slip, continued — " + shipment.shipmentId());
                        y = slipHeadings(sheet, MARGIN + 20, right);
                    }
                    sheet.text(MARGIN, y, 9, line.sku());
                    float lineTop = y;
                    for (String part : wrapped) {
                        sheet.text(MARGIN + 110, lineTop, 9, part);
                        lineTop += 11.7f;
                    }
                    sheet.text(right - 70, y, 9, String.valueOf(line.quantity()));
                    sheet.box(right - 28, y, 10, 10);
                    float next = Math.max(y + 16, lineTop + 4);
                    if (!accessories.isEmpty()) {
                        float rowTop = Math.max(y + 13, lineTop);
                        sheet.text(MARGIN + 8, rowTop, 7.5f, "附件 Accessories");
                        for (List<String> row : accessories) {
                            tickBoxes(sheet, MARGIN + 110, rowTop, row);
                            rowTop += ACCESSORY_ROW;
                        }
                        next = Math.max(next, rowTop + 4);
                    }
                    y = next;
                    sheet.line(MARGIN, y - 3, right, y - 3, 0.3f);
                }
                y += 6;
                if (shipment.sellerMemo() != null) {
                    y = sheet.paragraph(
                            MARGIN,
                            y,
                            right - MARGIN,
                            8.5f,
                            "卖家备注 Seller memo: "
                                    + joined(
                                            " ",
                                            shipment.sellerMemo().carrier(),
                                            shipment.sellerMemo().note()));
                }
                if (paid != null && paid.buyerNote() != null) {
                    y = sheet.paragraph(MARGIN, y, right - MARGIN, 8.5f, "买家留言 Buyer note: " + paid.buyerNote());
                }
                if (!shipment.urges().isEmpty() || batch.urged().contains(shipment.shipmentId())) {
                    sheet.paragraph(MARGIN, y, right - MARGIN, 8.5f, "催发货 The buyer urged dispatch");
                }
                float sealTop = sheet.height() - MARGIN - 96;
                sheet.text(MARGIN, sealTop + 20, 9, "附件核对 Accessories checked by: ____________");
                sheet.text(
                        MARGIN,
                        sealTop + 44,
                        9,
                        "快递 Carrier: " + Objects.requireNonNullElse(shipment.carrierToUse(), "______"));
                sheet.box(right - 110, sealTop, 110, 90);
                sheet.text(right - 104, sealTop + 6, 9, "发货专用章");
                sheet.text(right - 104, sealTop + 19, 7, "Dispatch seal");
            }
        }
    }

    /** The slip's column headings under a rule at {@code top}; returns where the lines start. */
    private static float slipHeadings(PdfSheet sheet, float top, float right) throws IOException {
        sheet.line(MARGIN, top, right, top, 0.8f);
        sheet.text(MARGIN, top + 3, 8, "商品 SKU");
        sheet.text(MARGIN + 110, top + 3, 8, "名称 Item");
        sheet.text(right - 80, top + 3, 8, "数量 Qty");
        sheet.text(right - 34, top + 3, 8, "核对 Check");
        return top + 16;
    }

    /** The checklist lines of a shipment by SKU (none when no checklist came with it). */
    private Map<String, Checklist.Line> checklistOf(Fulfillment shipment) {
        Checklist checklist = checklists.get(shipment.shipmentId());
        if (checklist == null) {
            return Map.of();
        }
        Map<String, Checklist.Line> bySku = new HashMap<>();
        checklist.lines().forEach(line -> bySku.putIfAbsent(line.sku(), line));
        return bySku;
    }

    /**
     * A line's accessories laid out as tick boxes ({@code □ 茶罐  □ 礼盒}) in rows at most {@code
     * width} wide; a name too long for a row of its own is cut to fit.
     */
    private static List<List<String>> tickBoxRows(PdfSheet sheet, List<String> accessories, float width)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        float used = 0;
        for (String accessory : accessories) {
            String name = sheet.fit(accessory, width - TICK_BOX - 4, ACCESSORY_FONT);
            float needed = TICK_BOX + 3 + sheet.widthOf(name, ACCESSORY_FONT) + 10;
            if (!row.isEmpty() && used + needed > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(name);
            used += needed;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /** One row of {@link #tickBoxRows}: each name after an empty box to tick. */
    private static void tickBoxes(PdfSheet sheet, float left, float top, List<String> names) throws IOException {
        float x = left;
        for (String name : names) {
            sheet.box(x, top + 1, TICK_BOX, TICK_BOX);
            sheet.text(x + TICK_BOX + 3, top, ACCESSORY_FONT, name);
            x += TICK_BOX + 3 + sheet.widthOf(name, ACCESSORY_FONT) + 10;
        }
    }

    private void waybills(PDDocument document) throws IOException {
        try (PdfSheet sheet = new PdfSheet(document, LABEL)) {
            float inner = 10;
            for (Fulfillment shipment : shipments) {
                sheet.newPage();
                float right = sheet.width() - inner;
                if (isPulled(shipment)) {
                    sheet.text(inner, inner, 9, shipment.shipmentId());
                    pullBanner(sheet, inner + 30);
                    continue;
                }
                String code = shipment.carrier() == null ? shipment.carrierToUse() : shipment.carrier();
                String carrier = code == null
                        ? "快递 Carrier ______"
                        : Carrier.of(code)
                                .map(known -> known.name() + "  " + known.chineseName())
                                .orElse(code);
                sheet.text(inner, inner, 16, carrier);
                String number = shipment.trackingNumber() == null ? shipment.shipmentId() : shipment.trackingNumber();
                sheet.barcode(inner, inner + 26, right - inner, 54, number);
                sheet.text(inner, inner + 84, 9, number);
                sheet.line(inner, inner + 100, right, inner + 100, 0.8f);
                Address to = shipment.address();
                sheet.text(inner, inner + 106, 8, "收件人 To");
                float y = sheet.paragraph(
                        inner,
                        inner + 118,
                        right - inner,
                        12,
                        to == null ? "" : joined("  ", to.name(), to.phone()) + "\n" + addressLine(to));
                y += 4;
                sheet.line(inner, y, right, y, 0.5f);
                sheet.text(inner, y + 6, 8, "寄件人 From");
                y = sheet.paragraph(
                        inner,
                        y + 18,
                        right - inner,
                        9,
                        joined("\n", joined("  ", store.storeName(), store.senderPhone()), store.senderAddress()));
                sheet.line(inner, y + 4, right, y + 4, 0.5f);
                Fulfillment.PaidOrder paid = shipment.paid();
                int units = shipment.lines().stream()
                        .mapToInt(ItemQuantity::quantity)
                        .sum();
                sheet.paragraph(
                        inner,
                        y + 10,
                        right - inner,
                        8,
                        "订单 Order " + (paid == null ? shipment.orderId() : paid.externalOrderId()) + "\n件数 Units "
                                + units + "    批次 Batch " + batch.batchDate());
            }
        }
    }

    /**
     * An invoice per shipment whose buyer asked for one: the seller, the buyer's title and tax id,
     * each line with its price, shipping and the total. The tax office's invoice number comes from
     * the tax system when the clerk issues it there; this page carries what that needs. A batch
     * without requests gets one page saying so.
     */
    private void invoices(PDDocument document) throws IOException {
        try (PdfSheet sheet = new PdfSheet(document, PDRectangle.A5)) {
            List<Fulfillment> requested = shipments.stream()
                    .filter(shipment ->
                            shipment.paid() != null && shipment.paid().invoice() != null)
                    // one invoice per order: it goes with the first parcel of a split order, never with a
                    // replacement, which is not sold again
                    .filter(shipment -> !shipment.isFollowUp() && !shipment.isReplacement())
                    .filter(shipment -> !isPulled(shipment))
                    .toList();
            if (requested.isEmpty()) {
                sheet.newPage();
                sheet.text(MARGIN, MARGIN, 15, "发票 Invoices");
                sheet.paragraph(
                        MARGIN,
                        MARGIN + 30,
                        sheet.width() - 2 * MARGIN,
                        10,
                        "本批次无发票 No buyer of batch " + batch.batchId() + " asked for an invoice.");
                return;
            }
            for (Fulfillment shipment : requested) {
                Fulfillment.PaidOrder paid = shipment.paid();
                sheet.newPage();
                float right = sheet.width() - MARGIN;
                sheet.text(MARGIN, MARGIN, 15, "发票 Invoice");
                float y = sheet.paragraph(
                        MARGIN,
                        MARGIN + 26,
                        right - MARGIN,
                        9,
                        "销售方 Seller: " + joined("  ", store.storeName(), store.senderAddress(), store.senderPhone()));
                y = sheet.paragraph(
                        MARGIN,
                        y + 4,
                        right - MARGIN,
                        9,
                        "购买方 Buyer: " + paid.invoice().title()
                                + (paid.invoice().taxId() == null
                                        ? ""
                                        : "\n纳税人识别号 Tax id: " + paid.invoice().taxId())
                                + (paid.invoice().email() == null
                                        ? ""
                                        : "\n电子邮箱 E-mail: " + paid.invoice().email()));
                y = sheet.paragraph(
                        MARGIN,
                        y + 4,
                        right - MARGIN,
                        9,
                        "订单 Order " + paid.externalOrderId() + "    付款 Paid " + local(paid.paidAt()));
                y += 6;
                sheet.line(MARGIN, y, right, y, 0.8f);
                sheet.text(MARGIN, y + 3, 8, "商品 Item");
                sheet.text(right - 150, y + 3, 8, "数量 Qty");
                sheet.text(right - 105, y + 3, 8, "单价 Price");
                sheet.text(right - 50, y + 3, 8, "金额 Amount");
                y += 16;
                for (OrderLine line : paid.lines()) {
                    List<String> item = sheet.wrap(joined(" ", line.sku(), line.title()), right - 160 - MARGIN, 9);
                    float lineTop = y;
                    for (String part : item) {
                        sheet.text(MARGIN, lineTop, 9, part);
                        lineTop += 11.7f;
                    }
                    sheet.text(right - 140, y, 9, String.valueOf(line.quantity()));
                    sheet.text(right - 105, y, 9, line.unitPrice().toDecimal());
                    sheet.text(right - 50, y, 9, line.lineTotal().toDecimal());
                    y = Math.max(y + 16, lineTop + 4);
                }
                sheet.line(MARGIN, y, right, y, 0.3f);
                if (paid.shippingFee() != null && paid.shippingFee().amountMinor() > 0) {
                    sheet.text(right - 150, y + 4, 9, "运费 Shipping");
                    sheet.text(right - 50, y + 4, 9, paid.shippingFee().toDecimal());
                    y += 14;
                }
                sheet.text(right - 150, y + 6, 10, "合计 Total " + paid.total().currency());
                sheet.text(right - 50, y + 6, 10, paid.total().toDecimal());
            }
        }
    }

    /** A parcel that must not go out: cancelled (its order, or a refund) or held for review. */
    private static boolean isPulled(Fulfillment shipment) {
        return shipment.status() == ShipmentStatus.CANCELLED || shipment.status() == ShipmentStatus.ON_HOLD;
    }

    /** What a pulled parcel's slip and label say instead of where it goes: no label to stick on by mistake. */
    private static void pullBanner(PdfSheet sheet, float top) throws IOException {
        float left = MARGIN / 2;
        sheet.text(left, top, 22, "撤回 PULL");
        sheet.paragraph(
                left,
                top + 30,
                sheet.width() - 2 * left,
                11,
                "不要发货 Do not ship this parcel: its order was cancelled, a refund stopped it, or it is held for "
                        + "review.");
    }

    /** The title the order gave a SKU's line (the SKU itself when it gave none). */
    private static String titleOf(Fulfillment shipment, String sku) {
        return shipment.orderTitleOf(sku);
    }

    private static String linesOf(Fulfillment shipment) {
        return shipment.lines().stream()
                .map(line -> line.sku() + " × " + line.quantity() + " " + titleOf(shipment, line.sku()))
                .collect(Collectors.joining("\n"));
    }

    /** An address as a Chinese envelope reads it, province first; a Latin one the same order. */
    private static String addressLine(Address to) {
        if (to == null) {
            return "";
        }
        return joined(
                " ", to.province(), to.city(), to.district(), to.line1(), to.line2(), to.postalCode(), to.country());
    }

    private String stamp(DispatchBatch.Stamp stamp) {
        return stamp == null ? "" : stamp.by() + "\n" + local(stamp.at());
    }

    private String local(Instant at) {
        return at == null ? "" : LOCAL_TIME.format(at.atZone(store.zone()));
    }

    private static String joined(String separator, String... parts) {
        return Stream.of(parts).filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(separator));
    }
}
