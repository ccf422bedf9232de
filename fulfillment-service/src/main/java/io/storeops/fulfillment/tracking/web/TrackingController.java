package io.storeops.fulfillment.tracking.web;

import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.fulfillment.shipping.web.ShipmentView;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.Problems;
import io.storeops.platform.webhook.WebhookIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Carriers' tracking pushes in, and after-sale customer service's queue of parcels in trouble out. */
@RestController
@Tag(name = "Tracking")
class TrackingController {

    private final WebhookIntake intake;
    private final Fulfillments fulfillments;

    TrackingController(WebhookIntake intake, Fulfillments fulfillments) {
        this.intake = intake;
        this.fulfillments = fulfillments;
    }

    @PostMapping("/webhooks/carriers/{carrier}")
    @Parameter(in = ParameterIn.HEADER, name = "X-StoreOps-Event-Id", required = true, example = "trk-0001")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "X-StoreOps-Signature",
            required = true,
            description = "t=<unix seconds>,v2=hex(HMAC-SHA256(carrier secret, \"<t>.<carrier>.<event id>.<body>\"))")
    @Operation(
            summary = "A carrier's or tracking aggregator's push about a dispatched parcel",
            description = "StoreOps' own format {trackingNumber, status, at, detail, location}, AfterShip-style "
                    + "{event, msg: {tracking_number, tag, subtag, checkpoints}} or Kuaidi100-style "
                    + "{status, lastResult: {nu, state, data}} (JSON, or the form field param). Older or repeated "
                    + "reports never move a parcel backwards; a number no shipment has changes nothing.")
    Mono<ResponseEntity<WebhookIntake.Receipt>> carrierPush(@PathVariable String carrier, ServerHttpRequest request) {
        return intake.carrier(carrier, request, delivery -> fulfillments.track(TrackingFeeds.read(delivery.body())));
    }

    @GetMapping("/api/shipment-exceptions")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A store's parcels in trouble (异常快递), oldest first, with their follow-ups")
    Flux<ShipmentView> inTrouble(@RequestParam String storeId, @RequestParam(defaultValue = "100") int limit) {
        Problems.requireListLimit(limit);
        return StaffAccess.require(
                        StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER, StaffRole.WAREHOUSE, StaffRole.MANAGER)
                .map(staff -> staff.requireStore(storeId))
                .flatMapMany(staff -> fulfillments.inTrouble(storeId, limit))
                .map(ShipmentView::of);
    }
}
