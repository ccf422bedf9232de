package io.storeops.listing.products;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The listing flow's settings ({@code storeops.listing.*}).
 *
 * @param staff         the department's members, whose reading of each product's selling points
 *                      the supervisor follows up (tokens say who calls; this says who should read)
 * @param publishAttempts how often the publisher tries a store before the publication shows as failed
 * @param retryAfter    the wait after a first failed attempt, doubled after each further one (at most
 *                      30 minutes, at least what the storefront asks)
 * @param interval      how often the publisher looks for work
 * @param callTimeout   how long one storefront call may take
 */
@ConfigurationProperties("storeops.listing")
public record ListingProperties(
        List<Member> staff, Integer publishAttempts, Duration retryAfter, Duration interval, Duration callTimeout) {

    /** A member of the department: who, in which role, for which stores. */
    public record Member(String username, String role, List<String> stores) {

        public Member {
            stores = stores == null ? List.of() : List.copyOf(stores);
        }
    }

    public ListingProperties {
        staff = staff == null ? List.of() : List.copyOf(staff);
        publishAttempts = publishAttempts == null ? 5 : publishAttempts;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        callTimeout = callTimeout == null ? Duration.ofSeconds(20) : callTimeout;
    }

    /** The members who work for any of {@code stores}. */
    public List<Member> membersOf(Collection<String> stores) {
        return staff.stream()
                .filter(member -> member.stores().stream().anyMatch(stores::contains))
                .toList();
    }
}
