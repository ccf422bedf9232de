package io.storeops.refund.payout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How refunds are paid back ({@code storeops.payouts.*}).
 *
 * @param gateway     the gateway of stores that name none ({@code storeops.stores.<s>.payouts.gateway}):
 *                    {@code none} (staff pay in the marketplace's back office and confirm each refund),
 *                    {@code simulated} (the standalone's gateway), {@code shopify} or {@code marketplace}
 * @param interval    how often the refunding cases are looked at
 * @param callTimeout how long a gateway call may take before it counts as failed (and is retried with its key)
 * @param retryAfter  the wait after a first failed attempt; doubled after each further one
 * @param batch       how many orders with refunding cases one look takes
 * @param simulated   the simulated gateway's failures and late answers to come, for demos
 */
@ConfigurationProperties("storeops.payouts")
public record PayoutProperties(
        String gateway,
        Duration interval,
        Duration callTimeout,
        Duration retryAfter,
        Integer batch,
        Simulated simulated) {

    /** @param failures calls that fail first; @param silences calls after those that pay but answer too late */
    public record Simulated(int failures, int silences) {}

    public PayoutProperties {
        gateway = gateway == null ? "none" : gateway;
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        batch = batch == null ? 50 : batch;
        simulated = simulated == null ? new Simulated(0, 0) : simulated;
    }
}
