package io.storeops.order.intake.web;

import io.storeops.order.intake.IntakeRejected;
import io.storeops.order.intake.NativeOrderPayload;
import io.storeops.order.intake.OrderIntake;
import io.storeops.order.intake.ShopifyOrderPayload;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.web.OrderProblems;
import io.storeops.order.lifecycle.PaidOrder;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.web.JsonPayloads;
import io.storeops.platform.web.Problems;
import io.storeops.platform.webhook.VerifiedDelivery;
import io.storeops.platform.webhook.WebhookIntake;
import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Shopify order webhooks (orders/paid, orders/cancelled)",
            description = "Signed with X-Shopify-Hmac-Sha256; the shop is X-Shopify-Shop-Domain; deduplicated on X-Shopify-Event-Id.")
    Mono<ResponseEntity<WebhookIntake.Receipt>> shopify(ServerHttpRequest request) {
        return intake.shopify(request, delivery -> switch (delivery.topic()) {
            case "orders/paid" -> pay(delivery, body -> orderIntake.fromShopify(
                    JsonPayloads.read(body, ShopifyOrderPayload.class), delivery.storeId(), currencyOf(delivery)));
            case "orders/cancelled" -> {
                ShopifyOrderPayload order = JsonPayloads.read(delivery.body(), ShopifyOrderPayload.class);
                yield cancel(delivery, order.id() == null ? null : String.valueOf(order.id()), "Shopify: " + order.cancelReason());
            }
            default -> Mono.error(unsupported(delivery));
        });
    }

    @PostMapping("/webhooks/storefront/{storeId}")
    @Operation(summary = "Native storefront order webhooks (order.paid, order.cancelled)",
            description = "Signed with X-StoreOps-Signature; topic in X-StoreOps-Topic; deduplicated on X-StoreOps-Event-Id.")
    Mono<ResponseEntity<WebhookIntake.Receipt>> storefront(@PathVariable String storeId, ServerHttpRequest request) {
        return intake.storefront(storeId, request, delivery -> switch (delivery.topic()) {
            case "order.paid" -> pay(delivery, body -> orderIntake.fromNative(
                    JsonPayloads.read(body, NativeOrderPayload.class), delivery.storeId(), currencyOf(delivery)));
            case "order.cancelled" -> {
                NativeCancellation cancellation = JsonPayloads.read(delivery.body(), NativeCancellation.class);
                yield cancel(delivery, cancellation.orderId(), cancellation.reason());
            }
            default -> Mono.error(unsupported(delivery));
        });
    }

    private Mono<?> pay(VerifiedDelivery delivery, Function<byte[], PaidOrder> parse) {
        return Mono.fromCallable(() -> parse.apply(delivery.body()))
                .onErrorMap(IntakeRejected.class, rejected -> Problems.invalid(rejected.getMessage()))
                .flatMap(orders::receivePayment);
    }

    /** The buyer cancelled on the storefront: {@code {"orderId": "<order number>", "reason": "..."}}. */
    record NativeCancellation(String orderId, String reason) {
    }

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
        return Problems.badRequest("unsupported-topic", "Topic '" + delivery.topic() + "' is not handled by order-service.");
    }
}
