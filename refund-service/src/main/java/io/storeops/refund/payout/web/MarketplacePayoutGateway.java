package io.storeops.refund.payout.web;

import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import java.util.Objects;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pays back through the native marketplace's refund call: {@code POST <base>/refunds} with the
 * store's app key as bearer token, the payout's key both as {@code Idempotency-Key} header and as
 * {@code refundRequestId}, and {@code {refundRequestId, orderId, amountMinor, currency}} as body.
 *
 * <p>A 2xx answer {@code {"refundId": ...}} is the receipt. A 409 is the receipt only when it names
 * a {@code refundId} for this very {@code refundRequestId} (the marketplace remembered the key and
 * paid it before); any other conflict (already refunded by someone else, more than is left) is a
 * refusal, never taken for a payment. 429 and 5xx are failures the payouts retry with the same key.
 *
 * <p>Not a bean by itself: the wiring builds it with the {@link MarketplaceApi} of the stores paid
 * through the marketplace.
 */
public final class MarketplacePayoutGateway implements PayoutGateway {

    private final MarketplaceApi marketplace;

    public MarketplacePayoutGateway(MarketplaceApi marketplace) {
        this.marketplace = Objects.requireNonNull(marketplace, "marketplace");
    }

    @Override
    public Mono<Receipt> pay(PayoutOrder order) {
        return Mono.defer(() -> {
            if (order.externalOrderId() == null || order.externalOrderId().isBlank()) {
                return Mono.error(PartnerFailure.refused("order " + order.orderId() + " has no marketplace order id"));
            }
            String key = MarketplaceApi.requestId(order.idempotencyKey());
            ObjectNode body = PartnerHttp.JSON.createObjectNode();
            body.put("refundRequestId", key);
            body.put("orderId", order.externalOrderId());
            body.put("amountMinor", order.amount().amountMinor());
            body.put("currency", order.amount().currency());
            return marketplace.post(order.storeId(), key, body, "refunds").map(answer -> receipt(answer, key));
        });
    }

    private static Receipt receipt(PartnerHttp.Answer answer, String key) {
        JsonNode json = answer.json();
        String refundId = PartnerHttp.text(json.path("refundId"));
        if (answer.successful()) {
            if (refundId == null) {
                throw PartnerFailure.unavailable(
                        "the marketplace answered " + answer.statusLine() + " without a refundId");
            }
            return new Receipt(refundId);
        }
        if (answer.status() == 409) {
            if (refundId != null && key.equals(PartnerHttp.text(json.path("refundRequestId")))) {
                return new Receipt(refundId); // refunded before for this key
            }
            throw PartnerFailure.refused("the marketplace refused the refund as a conflict: " + answer.snippet());
        }
        if (answer.busy()) {
            throw PartnerFailure.unavailable("the marketplace answered " + answer.statusLine());
        }
        throw PartnerFailure.refused(
                "the marketplace refused the refund: " + answer.statusLine() + " " + answer.snippet());
    }
}
