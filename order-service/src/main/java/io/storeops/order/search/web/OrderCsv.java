package io.storeops.order.search.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;

/**
 * The CSV export of a search, one {@link OrderSummary} per row, as spreadsheets open it: RFC 4180
 * quoting, times in the store's zone, money as decimals. A text cell that a spreadsheet would run
 * as a formula (=, +, -, @) is prefixed with an apostrophe: buyer notes are typed by strangers.
 */
final class OrderCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADER = List.of(
            "order_id",
            "storefront_order",
            "status",
            "placed_at",
            "paid_at",
            "currency",
            "total",
            "refunded",
            "buyer",
            "recipient",
            "recipient_phone",
            "address",
            "items",
            "item_titles",
            "hold_reasons",
            "buyer_note",
            "carrier",
            "tracking_number",
            "stock_out_open");

    private final ZoneId zone;

    OrderCsv(ZoneId zone) {
        this.zone = zone;
    }

    String header() {
        return line(HEADER.stream());
    }

    String row(OrderSummary order) {
        return line(Stream.of(
                order.orderId(),
                order.externalOrderId(),
                order.status(),
                local(order.placedAt()),
                local(order.paidAt()),
                order.total().currency(),
                order.total().toDecimal(),
                order.refunded().toDecimal(),
                order.buyer(),
                order.recipient(),
                order.recipientPhone(),
                order.address(),
                String.join("; ", order.items()),
                String.join("; ", order.itemTitles()),
                String.join(" ", order.holds().stream().map(Enum::name).toList()),
                order.buyerNote(),
                order.carrier(),
                order.trackingNumber(),
                String.valueOf(order.stockOutOpen())));
    }

    private String local(Instant instant) {
        return instant == null ? null : LOCAL_TIME.format(instant.atZone(zone));
    }

    private static String line(Stream<String> cells) {
        return FORMAT.format(cells.map(OrderCsv::inert).toArray()) + FORMAT.getRecordSeparator();
    }

    private static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' ? "'" + cell : cell;
    }
}
