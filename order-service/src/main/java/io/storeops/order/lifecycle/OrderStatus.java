package io.storeops.order.lifecycle;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an order stands, as staff see it: its {@link Progress}, unless money went back to the
 * buyer, in which case its {@link RefundStanding} (the progress stays visible beside it). A
 * cancelled order stays {@code CANCELLED}: paying it back is part of the cancellation, and staff
 * find it among the cancelled ones. The two enums are the only statuses there are, so a new
 * progress is a new status without a second list.
 */
public sealed interface OrderStatus permits Progress, RefundStanding {

    String name();

    /** The status of an order with this progress and this much of {@code total} refunded. */
    static OrderStatus of(Progress progress, long refundedMinor, long totalMinor) {
        RefundStanding refunds = RefundStanding.of(refundedMinor, totalMinor);
        return refunds == RefundStanding.NONE || progress == Progress.CANCELLED ? progress : refunds;
    }

    /** Every status by name, in the order an order passes them. */
    static List<OrderStatus> all() {
        return Stream.<OrderStatus>concat(
                        Arrays.stream(Progress.values()),
                        Arrays.stream(RefundStanding.values()).filter(standing -> standing != RefundStanding.NONE))
                .toList();
    }

    /**
     * The status called {@code name} (also how a stored status is read back).
     *
     * @throws IllegalArgumentException naming the statuses there are
     */
    static OrderStatus valueOf(String name) {
        return all().stream()
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of "
                        + all().stream().map(OrderStatus::name).toList() + ", not '" + name + "'"));
    }
}
