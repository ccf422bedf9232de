package io.storeops.refund.replies;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the seller's review replies are posted on the storefronts ({@code storeops.reviews.replies.*});
 * which stores have them posted, and how, is each store's {@code reviews.replies}.
 *
 * @param interval    how often the replies due are looked for (default 30 s)
 * @param callTimeout how long a post may take before it counts as failed (and is retried with its key)
 * @param retryAfter  the wait after a first failed attempt; doubled after each further one, at most 30 min
 * @param batch       how many reviews one look takes
 */
@ConfigurationProperties("storeops.reviews.replies")
public record ReplyProperties(Duration interval, Duration callTimeout, Duration retryAfter, Integer batch) {

    public ReplyProperties {
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        batch = batch == null ? 50 : batch;
    }
}
