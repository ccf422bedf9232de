package io.storeops.fulfillment.tracking.web;

import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.webhook.WebhookIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Carriers' and tracking aggregators' pushes about dispatched parcels. */
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
        return intake.carrier(
                carrier, request, delivery -> fulfillments.track(TrackingFeeds.read(delivery.body(), carrier)));
    }
}
