package io.storeops.fulfillment.documents;

import java.util.Arrays;
import java.util.Optional;

/** The documents the clerk prints for a batch at the cut-off, as their file names say them. */
public enum DocumentKind {
    /** 日报表: every shipment of the batch, with the day's stamp boxes. */
    DAILY_REPORT("daily-report"),
    /** 出库单: one per shipment, what to pick and check, with the dispatch-seal box. */
    OUTBOUND_SLIPS("outbound-slips"),
    /** 物流单: one 100 × 150 mm label per shipment, with a Code 128 barcode. */
    WAYBILLS("waybills"),
    /** 发票: one per shipment whose buyer asked for an invoice. */
    INVOICES("invoices");

    private final String slug;

    DocumentKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<DocumentKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
