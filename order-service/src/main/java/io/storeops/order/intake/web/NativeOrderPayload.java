package io.storeops.order.intake.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.InvoiceRequest;
import io.storeops.order.lifecycle.Buyer;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The native storefront order webhooks ({@code order.placed}, {@code order.paid}); money in integer
 * minor units of {@code currency}. Schema: {@code storeops/webhooks/storefront-order.v1.schema.json}
 * in contracts.
 *
 * @param taxesIncluded whether the unit prices already include {@code taxMinor} (else it is added to the total)
 */
public record NativeOrderPayload(
        String orderId,
        String currency,
        List<Line> lines,
        Long shippingFeeMinor,
        Long discountMinor,
        Long taxMinor,
        Boolean taxesIncluded,
        Long totalMinor,
        Instant placedAt,
        Instant paidAt,
        ShippingAddress shippingAddress,
        Customer buyer,
        String buyerNote,
        String requestedCarrier,
        Source attribution,
        Invoice invoice) {

    public record Line(String sku, String title, Integer quantity, Long unitPriceMinor) {}

    /** Where the parcel goes, as the storefront sends it. */
    public record ShippingAddress(
            String name,
            String phone,
            String country,
            String province,
            String city,
            String district,
            String line1,
            String line2,
            String postalCode) {

        Address toAddress() {
            return new Address(name, phone, country, province, city, district, line1, line2, postalCode);
        }
    }

    /** The buyer asked for an invoice (发票): made out to a person or a company (with its tax id). */
    public record Invoice(String title, String taxId, String email) {

        private static final Pattern TAX_ID = Pattern.compile("[0-9A-Za-z]{15,20}");

        InvoiceRequest toInvoiceRequest() {
            String cleanTitle = IntakeChecks.blankToNull(title);
            if (cleanTitle == null || cleanTitle.length() > 200) {
                throw new IntakeRejected("invoice.title is required (at most 200 characters)");
            }
            String cleanTaxId = IntakeChecks.blankToNull(taxId);
            if (cleanTaxId != null && !TAX_ID.matcher(cleanTaxId).matches()) {
                throw new IntakeRejected("invoice.taxId must be 15 to 20 letters or digits (统一社会信用代码)");
            }
            String cleanEmail = IntakeChecks.blankToNull(email);
            if (cleanEmail != null && (cleanEmail.length() > 200 || !cleanEmail.contains("@"))) {
                throw new IntakeRejected("invoice.email must be an e-mail address");
            }
            return new InvoiceRequest(cleanTitle, cleanTaxId, cleanEmail);
        }
    }

    /** Who bought, as the storefront knows them. */
    public record Customer(String name, String email, String phone) {

        Buyer toBuyer() {
            return new Buyer(name, email, phone);
        }
    }

    /**
     * Where the order came from: UTM source, medium, campaign, the pay-per-click keyword, and the path
     * of the page the buyer landed on.
     */
    public record Source(String source, String medium, String campaign, String keyword, String landingPage) {

        Attribution toAttribution() {
            return new Attribution(source, medium, campaign, keyword, landingPage);
        }
    }
}
