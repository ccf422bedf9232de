package io.storeops.order.intake.web;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.order.lifecycle.StorefrontOrder;
import java.time.Instant;
import java.util.List;

/** A native storefront's order webhook in StoreOps terms. */
final class NativeOrders {

    private NativeOrders() {}

    /**
     * The facts of a native storefront order. The total must add up: lines plus shipping, minus
     * the discount, plus the tax unless the prices include it.
     *
     * @param paid whether the delivery reports a payment (without a payment time, it was paid now)
     */
    static StorefrontOrder from(
            NativeOrderPayload payload, String storeId, String storeCurrency, boolean paid, Instant now) {
        if (payload.orderId() == null
                || payload.orderId().isBlank()
                || payload.orderId().length() > 64) {
            throw new IntakeRejected("orderId is required (at most 64 characters)");
        }
        String currency = payload.currency();
        IntakeChecks.requireStoreCurrency(currency, storeCurrency);
        List<OrderLine> lines = IntakeChecks.requireLines(payload.lines()).stream()
                .map(line -> new OrderLine(
                        IntakeChecks.blankToNull(line.sku()),
                        line.title(),
                        IntakeChecks.positive(line.quantity()),
                        IntakeChecks.nonNegative(line.unitPriceMinor(), currency, "unitPriceMinor")))
                .toList();
        Money shipping = IntakeChecks.optionalMinor(payload.shippingFeeMinor(), currency, "shippingFeeMinor");
        Money discount = IntakeChecks.optionalMinor(payload.discountMinor(), currency, "discountMinor");
        Money tax = IntakeChecks.optionalMinor(payload.taxMinor(), currency, "taxMinor");
        Money total = IntakeChecks.nonNegative(payload.totalMinor(), currency, "totalMinor");
        Money expected;
        try {
            expected = lines.stream()
                    .map(OrderLine::lineTotal)
                    .reduce(shipping, Money::plus)
                    .minus(discount)
                    .plus(Boolean.TRUE.equals(payload.taxesIncluded()) ? Money.zero(currency) : tax);
        } catch (ArithmeticException overflow) {
            throw new IntakeRejected("the amounts are too large to add up");
        }
        if (!expected.equals(total)) {
            throw new IntakeRejected(
                    "totalMinor " + total.amountMinor() + " is not the lines plus shipping, minus the discount, "
                            + "plus the tax unless included (" + expected.amountMinor() + ")");
        }
        return new StorefrontOrder(
                storeId,
                OrderIntake.NATIVE_CHANNEL,
                payload.orderId().trim(),
                lines,
                shipping,
                discount,
                tax,
                total,
                List.of(),
                IntakeChecks.firstKnown(payload.placedAt(), payload.paidAt(), now),
                paid ? IntakeChecks.firstKnown(payload.paidAt(), now) : null,
                payload.shippingAddress() == null
                        ? null
                        : payload.shippingAddress().toAddress(),
                payload.buyer() == null ? null : payload.buyer().toBuyer(),
                IntakeChecks.blankToNull(payload.buyerNote()),
                List.of(),
                IntakeChecks.blankToNull(payload.requestedCarrier()),
                payload.attribution() == null ? null : payload.attribution().toAttribution(),
                null,
                payload.invoice() == null ? null : payload.invoice().toInvoiceRequest());
    }
}
