package io.storeops.refund.storefront.web;

import io.storeops.platform.outbox.Change;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.JsonPayloads;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import io.storeops.platform.webhook.VerifiedDelivery;
import io.storeops.platform.webhook.WebhookIntake;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.AfterSaleProperties;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseConflict;
import io.storeops.refund.cases.CaseNotFound;
import io.storeops.refund.cases.EntryReused;
import io.storeops.refund.cases.RefundCase;
import io.storeops.refund.cases.web.LineEntry;
import io.storeops.refund.complaints.Review;
import io.storeops.refund.complaints.Reviews;
import io.storeops.refund.complaints.web.DeskProblems;
import io.storeops.refund.payout.web.ShopifyPayoutGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Cases from the storefronts' own doors: the buyer's request and withdrawal on the native
 * marketplace, and refunds a merchant made in Shopify's admin. Authenticated by signature only,
 * deduplicated on the delivery id like the order webhooks. A case's id is the store's and the
 * storefront's refund id, so a redelivery opens nothing new.
 */
@RestController
@Tag(name = "Webhooks")
class RefundWebhookController {

    /** A storefront's refund id as it can stand in a case's route. */
    private static final Pattern STOREFRONT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final WebhookIntake intake;
    private final StoreCatalog stores;
    private final AfterSales files;
    private final AfterSaleProperties policies;
    private final Clock clock;
    private final Reviews reviews;

    RefundWebhookController(
            WebhookIntake intake,
            StoreCatalog stores,
            AfterSales files,
            AfterSaleProperties policies,
            Clock clock,
            Reviews reviews) {
        this.intake = intake;
        this.stores = stores;
        this.files = files;
        this.policies = policies;
        this.clock = clock;
        this.reviews = reviews;
    }

    @PostMapping("/webhooks/shopify")
    @Parameter(in = ParameterIn.HEADER, name = "X-Shopify-Topic", required = true, example = "refunds/create")
    @Parameter(in = ParameterIn.HEADER, name = "X-Shopify-Hmac-Sha256", required = true)
    @Parameter(in = ParameterIn.HEADER, name = "X-Shopify-Shop-Domain", required = true)
    @Parameter(in = ParameterIn.HEADER, name = "X-Shopify-Event-Id", required = true)
    @ApiResponse(responseCode = "200", description = "Recorded, StoreOps' own payout, or a duplicate")
    @ApiResponse(
            responseCode = "404",
            description = "refund-service has not seen the order paid yet: Shopify's retry will")
    @Operation(
            summary = "Shopify refund and return webhooks (refunds/create, returns/request)",
            description = "A refund made in Shopify's admin is recorded as a refund-only case, approved and completed "
                    + "at once (automatic, reference = the case id); one StoreOps' own payout made is recognised by its "
                    + "note and changes nothing.")
    Mono<ResponseEntity<WebhookIntake.Receipt>> shopify(ServerHttpRequest request) {
        return intake.shopify(request, delivery -> switch (delivery.topic()) {
            case "refunds/create" ->
                applied(delivery, body -> {
                    ShopifyRefundPayload refund = JsonPayloads.read(body, ShopifyRefundPayload.class);
                    if (refund.id() == null || refund.orderId() == null) {
                        return Mono.error(Problems.invalid("id and order_id are required."));
                    }
                    if (ShopifyPayoutGateway.madeByStoreOps(refund.note())) {
                        return ourPayoutConfirmed(delivery.storeId(), refund);
                    }
                    String currency =
                            stores.find(delivery.storeId()).orElseThrow().currency();
                    return onOrder(
                            delivery.storeId(),
                            String.valueOf(refund.orderId()),
                            String.valueOf(refund.id()),
                            (file, caseId) -> file.refundedInStorefront(
                                    caseId,
                                    refund.lines(currency),
                                    refund.refundedMinor(currency),
                                    refund.note(),
                                    AfterSale.SHOPIFY,
                                    clock.instant()));
                });
            case "returns/request" ->
                applied(delivery, body -> {
                    ShopifyReturnPayload requested = JsonPayloads.read(body, ShopifyReturnPayload.class);
                    if (requested.id() == null
                            || requested.order() == null
                            || requested.order().id() == null) {
                        return Mono.error(Problems.invalid("id and order.id are required."));
                    }
                    return onOrder(
                            delivery.storeId(),
                            String.valueOf(requested.order().id()),
                            "return-" + requested.id(),
                            (file, caseId) -> file.returnRequestedInStorefront(
                                    caseId,
                                    requested.lines(),
                                    requested.reason(),
                                    requested.notes(),
                                    AfterSale.SHOPIFY,
                                    clock.instant(),
                                    policies.policyOf(file.storeId())));
                });
            default -> Mono.error(unsupported(delivery));
        });
    }

    @PostMapping("/webhooks/storefront/{storeId}")
    @Parameter(in = ParameterIn.HEADER, name = "X-StoreOps-Topic", required = true, example = "refund.requested")
    @Parameter(in = ParameterIn.HEADER, name = "X-StoreOps-Signature", required = true)
    @Parameter(in = ParameterIn.HEADER, name = "X-StoreOps-Event-Id", required = true)
    @ApiResponse(responseCode = "200", description = "Recorded, or a duplicate")
    @ApiResponse(responseCode = "404", description = "refund-service has not seen the order paid yet, or no such case")
    @ApiResponse(responseCode = "409", description = "a refund id already used for another order, or a case that ended")
    @Operation(
            summary = "Native storefront refund and review webhooks (refund.requested, refund.withdrawn, "
                    + "refund.return-shipped, review.created)",
            description =
                    "refund.requested opens a case as the buyer asked it (lines by the order's line index), checked "
                            + "against what the order may still refund; the store's answer timer starts. refund.withdrawn closes it. "
                            + "refund.return-shipped records the buyer's return parcel (tracking number). "
                            + "review.created records the buyer's review; a low rating goes to customer service's queue.")
    Mono<ResponseEntity<WebhookIntake.Receipt>> storefront(@PathVariable String storeId, ServerHttpRequest request) {
        return intake.storefront(storeId, request, delivery -> switch (delivery.topic()) {
            case "refund.requested" ->
                applied(delivery, body -> {
                    NativeRefundPayloads.Requested asked =
                            JsonPayloads.read(body, NativeRefundPayloads.Requested.class);
                    return onOrder(
                            delivery.storeId(),
                            asked.orderId(),
                            asked.refundId(),
                            (file, caseId) -> file.requestedInStorefront(
                                    new AfterSale.Request(
                                            caseId,
                                            asked.type(),
                                            asked.reason(),
                                            Boolean.TRUE.equals(asked.goodsReceived()),
                                            LineEntry.toCaseLines(asked.lines()),
                                            asked.shippingMinor() == null ? 0 : asked.shippingMinor(),
                                            asked.evidence(),
                                            AfterSale.STOREFRONT),
                                    clock.instant(),
                                    policies.policyOf(file.storeId())));
                });
            case "refund.withdrawn" ->
                applied(delivery, body -> {
                    NativeRefundPayloads.Withdrawn withdrawn =
                            JsonPayloads.read(body, NativeRefundPayloads.Withdrawn.class);
                    return onOrder(
                            delivery.storeId(),
                            withdrawn.orderId(),
                            withdrawn.refundId(),
                            (file, caseId) -> file.withdraw(caseId, AfterSale.BUYER, clock.instant()));
                });
            case "refund.return-shipped" ->
                applied(delivery, body -> {
                    NativeRefundPayloads.ReturnShipped shipped =
                            JsonPayloads.read(body, NativeRefundPayloads.ReturnShipped.class);
                    return onOrder(
                            delivery.storeId(),
                            shipped.orderId(),
                            shipped.refundId(),
                            (file, caseId) -> file.returnShipped(
                                    caseId,
                                    shipped.trackingNumber(),
                                    AfterSale.BUYER,
                                    clock.instant(),
                                    policies.policyOf(file.storeId())));
                });
            case "review.created" ->
                applied(
                        delivery,
                        body -> reviews.received(delivery.storeId(), JsonPayloads.read(body, Review.Posted.class))
                                .onErrorMap(DeskProblems::problem));
            default -> Mono.error(unsupported(delivery));
        });
    }

    /** What a storefront's refund does to its order's file, given the file and the case's id. */
    private interface Effect {
        Change<AfterSale> apply(AfterSale file, String caseId);
    }

    /**
     * Applies {@code effect} to the file of the store's order {@code orderNumber}, the case being
     * {@code <store>:<refund id>}: a refund id used for another order is a 409, an order not seen
     * paid a 404.
     */
    private Mono<?> onOrder(String storeId, String orderNumber, String refundId, Effect effect) {
        if (orderNumber == null || orderNumber.isBlank() || refundId == null || refundId.isBlank()) {
            return Mono.error(Problems.invalid("orderId and refundId are required."));
        }
        if (!STOREFRONT_ID.matcher(refundId.strip()).matches()) {
            return Mono.error(
                    Problems.invalid(
                            "refundId must be 1 to 64 letters, digits, '.', '_' or '-': it names the case in the desk's routes."));
        }
        String orderId = storeId + ":" + orderNumber.strip();
        String caseId = storeId + ":" + refundId.strip();
        return files.findByCase(caseId)
                .filter(other -> !other.orderId().equals(orderId))
                .flatMap(other -> Mono.error(Problems.conflict(
                        "case-id", "Refund " + refundId + " belongs to order " + other.orderId() + ".", Map.of())))
                .then(files.find(orderId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Paid order", orderId)))
                .flatMap(file -> files.change(orderId, current -> effect.apply(current, caseId)));
    }

    /**
     * Shopify tells of a refund StoreOps' own payout made: it confirms the case its note names (the
     * payout's answer may have been lost, or come after the case was closed), which changes
     * nothing once the payout recorded it.
     */
    private Mono<?> ourPayoutConfirmed(String storeId, ShopifyRefundPayload refund) {
        String orderId = storeId + ":" + refund.orderId();
        return Mono.justOrEmpty(ShopifyPayoutGateway.payoutKeyIn(refund.note()))
                .filter(key -> key.startsWith(orderId + "/"))
                .flatMap(key -> Mono.justOrEmpty(RefundCase.caseOfPayoutKey(key)))
                .flatMap(caseId -> files.change(
                        orderId,
                        file -> file.paid(
                                caseId,
                                ShopifyPayoutGateway.refundReference(refund.id()),
                                AfterSale.SHOPIFY,
                                clock.instant())));
    }

    /** Reads and applies a delivery; what the desk refuses is a problem response, never a 500. */
    private static Mono<?> applied(VerifiedDelivery delivery, Function<byte[], Mono<?>> effect) {
        return Mono.defer(() -> effect.apply(delivery.body()))
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()))
                .onErrorMap(
                        EntryReused.class,
                        reused -> Problems.conflict("refund-id-reused", reused.getMessage(), Map.of()))
                .onErrorMap(
                        CaseNotFound.class,
                        missing -> new ProblemException(
                                HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage()))
                .onErrorMap(
                        CaseConflict.class,
                        conflict -> Problems.conflict(
                                "case-state",
                                conflict.getMessage(),
                                Map.of("currentState", conflict.current().name())));
    }

    private static RuntimeException unsupported(VerifiedDelivery delivery) {
        return Problems.badRequest(
                "unsupported-topic", "Topic '" + delivery.topic() + "' is not handled by refund-service.");
    }
}
