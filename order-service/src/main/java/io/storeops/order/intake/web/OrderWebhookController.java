package io.storeops.order.intake.web;

import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.web.OrderProblems;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.JsonPayloads;
import io.storeops.platform.web.Problems;
import io.storeops.platform.webhook.VerifiedDelivery;
import io.storeops.platform.webhook.WebhookIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Storefront order webhooks. Authenticated by signature only; see the README for both schemes. */
@RestController
@Tag(name = "Webhooks")
class OrderWebhookController {

    private final WebhookIntake intake;
    private final StoreCatalog stores;
    private final Orders orders;
    private final OrderIntake orderIntake;

    OrderWebhookController(WebhookIntake intake, StoreCatalog stores, Orders orders, Clock clock) {
        this.intake = intake;
        this.stores = stores;
        this.orders = orders;
        this.orderIntake = new OrderIntake(clock);
    }

    @PostMapping("/webhooks/shopify")
    @Parameter(in = ParameterIn.HEADER, name = "X-Shopify-Topic", required = true, example = "orders/paid")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "X-Shopify-Hmac-Sha256",
            required = true,
            description = "base64(HMAC-SHA256(shop secret, raw body))")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "X-Shopify-Shop-Domain",
            required = true,
            example = "storeops-demo.myshopify.com")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "X-Shopify-Event-Id",
            required = true,
            example = "98880550-7158-44d4-b7cd-2c97c8a091b5")
    @Parameter(in = ParameterIn.HEADER, name = "X-Shopify-Triggered-At", example = "2026-11-28T05:00:01.000Z")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ShopifyOrderPayload.class),
                            examples = @ExampleObject(name = "paid order", value = WebhookExamples.SHOPIFY_ORDER)))
    @ApiResponse(responseCode = "200", description = "Stored, or a duplicate (changes nothing)")
    @Operation(
            summary = "Shopify order webhooks (orders/create, orders/paid, orders/updated, orders/cancelled)",
            description =
                    "Signed with X-Shopify-Hmac-Sha256; the shop is X-Shopify-Shop-Domain; deduplicated on X-Shopify-Event-Id "
                            + "and topic. Every topic moves the order as far as the payload shows (financial_status paid, cancelled_at): "
                            + "the topic header is not signed by Shopify, so it never decides payment or cancellation on its own; "
                            + "nothing ever moves an order back.")
    Mono<ResponseEntity<WebhookIntake.Receipt>> shopify(ServerHttpRequest request) {
        return intake.shopify(request, delivery -> switch (delivery.topic()) {
            case "orders/create", "orders/updated", "orders/paid", "orders/cancelled" ->
                receive(delivery, body -> {
                    ShopifyOrderPayload payload = JsonPayloads.read(body, ShopifyOrderPayload.class);
                    if (payload.isCancelled()) {
                        return shopifyCancellation(delivery, payload);
                    }
                    return orders.receive(orderIntake.fromShopify(
                            payload, delivery.storeId(), currencyOf(delivery), payload.isPaid()));
                });
            default -> Mono.error(unsupported(delivery));
        });
    }

    @PostMapping("/webhooks/storefront/{storeId}")
    @Parameter(in = ParameterIn.HEADER, name = "X-StoreOps-Topic", required = true, example = "order.paid")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "X-StoreOps-Signature",
            required = true,
            description = "t=<unix seconds>,v2=<hex HMAC-SHA256(secret, \"<t>.<topic>.<event id>.<raw body>\")>; "
                    + "several v2= while a secret rotates")
    @Parameter(in = ParameterIn.HEADER, name = "X-StoreOps-Event-Id", required = true, example = "evt-20261128-000123")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(oneOf = {NativeOrderPayload.class, NativeCancellation.class}),
                            examples = {
                                @ExampleObject(
                                        name = "order.placed / order.paid",
                                        value = WebhookExamples.NATIVE_ORDER),
                                @ExampleObject(name = "order.cancelled", value = WebhookExamples.NATIVE_CANCELLATION)
                            }))
    @ApiResponse(responseCode = "200", description = "Stored, or a duplicate (changes nothing)")
    @ApiResponse(
            responseCode = "404",
            description = "The store is not configured, or order.cancelled names an order StoreOps never received")
    @ApiResponse(
            responseCode = "409",
            description = "order.cancelled for an order already dispatched (open a refund instead), "
                    + "or an event id received before with a different body")
    @Operation(
            summary = "Native storefront order webhooks (order.placed, order.paid, order.cancelled)",
            description =
                    "Signed with X-StoreOps-Signature; topic in X-StoreOps-Topic; deduplicated on X-StoreOps-Event-Id. "
                            + "Body schemas: storeops/webhooks/storefront-order.v1.schema.json (order.placed, order.paid) and "
                            + "storefront-order-cancelled.v1.schema.json in the contracts jar.")
    Mono<ResponseEntity<WebhookIntake.Receipt>> storefront(@PathVariable String storeId, ServerHttpRequest request) {
        return intake.storefront(storeId, request, delivery -> switch (delivery.topic()) {
            case "order.placed" ->
                receive(
                        delivery,
                        body -> orders.receive(orderIntake.fromNative(
                                JsonPayloads.read(body, NativeOrderPayload.class),
                                delivery.storeId(),
                                currencyOf(delivery),
                                false)));
            case "order.paid" ->
                receive(
                        delivery,
                        body -> orders.receive(orderIntake.fromNative(
                                JsonPayloads.read(body, NativeOrderPayload.class),
                                delivery.storeId(),
                                currencyOf(delivery),
                                true)));
            case "order.cancelled" -> {
                NativeCancellation cancellation = JsonPayloads.read(delivery.body(), NativeCancellation.class);
                yield cancel(delivery, cancellation.orderId(), cancellation.reason());
            }
            default -> Mono.error(unsupported(delivery));
        });
    }

    /**
     * Reads the delivery into order facts and applies them; facts StoreOps refuses are a 422, a
     * change the order's status refuses a 409 (never a 500).
     */
    private static Mono<?> receive(VerifiedDelivery delivery, Function<byte[], Mono<?>> effect) {
        return Mono.defer(() -> effect.apply(delivery.body()))
                .onErrorMap(IntakeRejected.class, rejected -> Problems.invalid(rejected.getMessage()))
                .onErrorMap(IllegalOrderTransition.class, OrderProblems::conflict);
    }

    private Mono<?> shopifyCancellation(VerifiedDelivery delivery, ShopifyOrderPayload payload) {
        if (payload.id() == null) {
            return Mono.error(new IntakeRejected("id is required"));
        }
        String reason = "Shopify: "
                + (payload.cancelReason() == null || payload.cancelReason().isBlank()
                        ? "cancelled"
                        : payload.cancelReason());
        return orders.receiveCancellation(
                Order.idFor(delivery.storeId(), String.valueOf(payload.id())),
                () -> orderIntake.fromShopify(payload, delivery.storeId(), currencyOf(delivery), payload.isPaid()),
                reason);
    }

    /** The buyer cancelled on the storefront: {@code {"orderId": "<order number>", "reason": "..."}}. */
    record NativeCancellation(String orderId, String reason) {}

    /** The buyer cancelled on the storefront: the order, if StoreOps has it, is cancelled unless already dispatched. */
    private Mono<?> cancel(VerifiedDelivery delivery, String orderNumber, String givenReason) {
        if (orderNumber == null || orderNumber.isBlank()) {
            return Mono.error(Problems.invalid("the order number is required."));
        }
        String orderId = Order.idFor(delivery.storeId(), orderNumber.trim());
        String reason = givenReason == null || givenReason.isBlank() ? "cancelled by the buyer" : givenReason.trim();
        return orders.cancel(orderId, "buyer", reason)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Order", orderId)))
                .onErrorMap(IllegalOrderTransition.class, OrderProblems::conflict);
    }

    private String currencyOf(VerifiedDelivery delivery) {
        return stores.find(delivery.storeId()).orElseThrow().currency();
    }

    private static RuntimeException unsupported(VerifiedDelivery delivery) {
        return Problems.badRequest(
                "unsupported-topic", "Topic '" + delivery.topic() + "' is not handled by order-service.");
    }
}
