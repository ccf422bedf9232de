package io.storeops.fulfillment.tracking.web;

import io.storeops.fulfillment.shipping.Carrier;
import io.storeops.fulfillment.shipping.TrackingStatus;
import io.storeops.fulfillment.shipping.TrackingUpdate;
import io.storeops.platform.web.JsonPayloads;
import io.storeops.platform.web.Problems;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Reads a tracking push in any of the formats carriers and aggregators send, into one {@link
 * TrackingUpdate}: StoreOps' own ({@code {trackingNumber, status, at, detail, location}}), an
 * AfterShip-style push ({@code {event, msg: {tracking_number, tag, subtag, checkpoints}}}) and a
 * Kuaidi100-style push ({@code {status, lastResult: {nu, state, data}}}, as JSON or as the form field
 * {@code param}). The format is recognised by its shape.
 */
public final class TrackingFeeds {

    /** Kuaidi100 prints times on the wall of mainland China, without a zone. */
    private static final ZoneId KUAIDI100_TIME = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter KUAIDI100_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TrackingFeeds() {}

    record StoreOpsPush(
            String carrier, String trackingNumber, String status, Instant at, String detail, String location) {}

    record AfterShipPush(String event, AfterShipTracking msg) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AfterShipTracking(
            String trackingNumber,
            String slug,
            String tag,
            String subtag,
            String subtagMessage,
            String updatedAt,
            List<AfterShipCheckpoint> checkpoints) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AfterShipCheckpoint(String checkpointTime, String message, String location, String tag) {}

    record Kuaidi100Push(String status, Kuaidi100Result lastResult) {}

    record Kuaidi100Result(String nu, String com, String state, List<Kuaidi100Step> data) {}

    record Kuaidi100Step(String time, String ftime, String context, String areaName) {}

    /**
     * The update a push from {@code feed} carries; a push that is none of the formats, or lacks what it
     * needs, is a 422. The carrier is the one the push names, else the feed when it is a carrier.
     */
    public static TrackingUpdate read(byte[] body, String feed) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.startsWith("param=") || text.contains("&param=")) {
            return kuaidi100(
                    JsonPayloads.read(formField(text, "param").getBytes(StandardCharsets.UTF_8), Kuaidi100Push.class));
        }
        var tree = JsonPayloads.tree(body);
        if (tree.has("msg")) {
            return afterShip(JsonPayloads.read(body, AfterShipPush.class));
        }
        if (tree.has("lastResult")) {
            return kuaidi100(JsonPayloads.read(body, Kuaidi100Push.class));
        }
        return storeOps(JsonPayloads.read(body, StoreOpsPush.class), feed);
    }

    private static TrackingUpdate storeOps(StoreOpsPush push, String feed) {
        TrackingStatus status;
        try {
            status = TrackingStatus.valueOf(required(push.status(), "status").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Problems.invalid("status must be one of " + Arrays.toString(TrackingStatus.values()));
        }
        if (push.at() == null) {
            throw Problems.invalid("at is required: when it happened at the carrier");
        }
        return new TrackingUpdate(
                carrierNamed(push.carrier() == null ? feed : push.carrier()),
                number(push.trackingNumber()),
                status,
                push.at(),
                push.detail(),
                push.location());
    }

    /**
     * AfterShip's tags: InTransit, InfoReceived and Pending are on the way, OutForDelivery and
     * AvailableForPickup with the courier or at the pick-up point, AttemptFail a failed attempt,
     * Delivered, Exception and Expired trouble — Exception_011 (returned to sender) the return.
     */
    private static TrackingUpdate afterShip(AfterShipPush push) {
        AfterShipTracking tracking = push.msg();
        if (tracking == null) {
            throw Problems.invalid("msg is required");
        }
        String tag = required(tracking.tag(), "msg.tag");
        TrackingStatus status = switch (tag) {
            case "InfoReceived", "InTransit", "Pending" -> TrackingStatus.IN_TRANSIT;
            case "OutForDelivery", "AvailableForPickup" -> TrackingStatus.OUT_FOR_DELIVERY;
            case "AttemptFail" -> TrackingStatus.FAILED_ATTEMPT;
            case "Delivered" -> TrackingStatus.DELIVERED;
            case "Exception" ->
                "Exception_011".equals(tracking.subtag())
                        ? TrackingStatus.RETURNED_TO_SENDER
                        : TrackingStatus.EXCEPTION;
            case "Expired" -> TrackingStatus.EXCEPTION;
            default -> throw Problems.invalid("msg.tag '" + tag + "' is not an AfterShip tag");
        };
        AfterShipCheckpoint latest = tracking.checkpoints() == null
                ? null
                : tracking.checkpoints().stream()
                        .filter(checkpoint -> checkpoint != null && checkpoint.checkpointTime() != null)
                        .max(Comparator.comparing(checkpoint -> isoInstant(checkpoint.checkpointTime())))
                        .orElse(null);
        Instant at = latest != null
                ? isoInstant(latest.checkpointTime())
                : isoInstant(required(tracking.updatedAt(), "msg.updated_at"));
        String detail = latest != null && latest.message() != null ? latest.message() : tracking.subtagMessage();
        return new TrackingUpdate(
                carrierNamed(tracking.slug()),
                number(tracking.trackingNumber()),
                status,
                at,
                detail,
                latest == null ? null : latest.location());
    }

    /**
     * Kuaidi100's states: 0 在途 and 1 揽收 on the way, 5 派件 out for delivery, 3 签收 delivered,
     * 2 疑难 trouble, 4 退签 and 6 退回 returned, 7 转投 and 8 清关 on the way, 14 拒签 a refused
     * delivery; three-digit sub-states belong to the state of their first digit (so 1401 is 14).
     */
    private static TrackingUpdate kuaidi100(Kuaidi100Push push) {
        Kuaidi100Result result = push.lastResult();
        if (result == null) {
            throw Problems.invalid("lastResult is required");
        }
        String state = required(result.state(), "lastResult.state");
        TrackingStatus status = switch (state.length() > 2 ? state.substring(0, state.length() - 2) : state) {
            case "0", "1", "7", "8", "10", "11", "12" -> TrackingStatus.IN_TRANSIT;
            case "5" -> TrackingStatus.OUT_FOR_DELIVERY;
            case "3" -> TrackingStatus.DELIVERED;
            case "2", "13" -> TrackingStatus.EXCEPTION;
            case "14" -> TrackingStatus.FAILED_ATTEMPT;
            case "4", "6" -> TrackingStatus.RETURNED_TO_SENDER;
            default -> throw Problems.invalid("lastResult.state '" + state + "' is not a Kuaidi100 state");
        };
        Kuaidi100Step latest = result.data() == null
                ? null
                : result.data().stream()
                        .filter(step -> step != null && stepTime(step) != null)
                        .max(Comparator.comparing(TrackingFeeds::stepInstant))
                        .orElse(null);
        if (latest == null) {
            throw Problems.invalid("lastResult.data must hold at least one step with its time");
        }
        return new TrackingUpdate(
                carrierNamed(result.com()),
                number(result.nu()),
                status,
                stepInstant(latest),
                latest.context(),
                latest.areaName());
    }

    private static String stepTime(Kuaidi100Step step) {
        return step.ftime() != null ? step.ftime() : step.time();
    }

    private static Instant stepInstant(Kuaidi100Step step) {
        try {
            return LocalDateTime.parse(Objects.requireNonNull(stepTime(step)), KUAIDI100_FORMAT)
                    .atZone(KUAIDI100_TIME)
                    .toInstant();
        } catch (DateTimeParseException unreadable) {
            throw Problems.invalid("lastResult.data time '" + stepTime(step) + "' is not yyyy-MM-dd HH:mm:ss");
        }
    }

    /** An ISO time with an offset; one without is taken as UTC. */
    private static Instant isoInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ZoneId.of("UTC")).toInstant();
            } catch (DateTimeParseException unreadable) {
                throw Problems.invalid("'" + text + "' is not an ISO 8601 time");
            }
        }
    }

    /** Our code of the carrier {@code code} names, or null when we do not list it (then any carrier's parcel). */
    private static String carrierNamed(String code) {
        return Carrier.ofFeedCode(code).map(Carrier::name).orElse(null);
    }

    private static String number(String trackingNumber) {
        return Carrier.normaliseNumber(required(trackingNumber, "the tracking number"));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(name + " is required");
        }
        return value;
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    throw Problems.invalid("form field " + name + " is not URL-encoded: " + badEscape.getMessage());
                }
            }
        }
        throw Problems.invalid("form field " + name + " is required");
    }
}
