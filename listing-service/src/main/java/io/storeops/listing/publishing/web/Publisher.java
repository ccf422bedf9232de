package io.storeops.listing.publishing.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.ListingProperties;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.Publication;
import io.storeops.listing.products.PublicationStatus;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.partner.PartnerAttempts;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends the products being published to their stores' storefronts: every look finds them in the
 * store (so a restart in the middle loses none), sends each due publication as the product stands
 * just then, and records it published only on the storefront's confirmation — which announces it
 * ({@code ListingPublished}, {@code ListingChanged}). Storefronts keep one product per SPU code, so a
 * retry after an answer that never came updates what the lost call made. A failed attempt is
 * tried again later, each time twice as late (never sooner than the storefront asked), until
 * {@code storeops.listing.publish-attempts} have failed; a refusal for good fails at once. Either
 * way the failed publication shows, with its error, until staff retry it. A withdrawn product is
 * taken down from each storefront that had it the same way, tried for as long as it takes.
 */
@Component
public class Publisher implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final Listings listings;
    private final Storefronts storefronts;
    private final Clock clock;
    private final ListingProperties settings;
    private final PartnerAttempts attempts;
    private final StoreCounter failures;
    private Disposable looking;

    public Publisher(
            Listings listings,
            Storefronts storefronts,
            Clock clock,
            ListingProperties settings,
            MeterRegistry meters,
            StoreCatalog stores) {
        this.listings = listings;
        this.storefronts = storefronts;
        this.clock = clock;
        this.settings = settings;
        this.attempts = new PartnerAttempts(
                clock, settings.callTimeout(), settings.retryAfter(), "the storefront may have taken the product");
        this.failures = new StoreCounter(
                meters,
                stores,
                "storeops.listing.publish.failures",
                "Attempts to publish or take down a product that the storefront refused or did not answer in time");
    }

    @Override
    public void run(ApplicationArguments arguments) {
        looking = RepeatingWork.every(settings.interval(), "Looking for publications to send", this::publishDue, log);
    }

    @Override
    public void destroy() {
        if (looking != null) {
            looking.dispose();
        }
    }

    /** Sends every publication whose attempt is due. */
    public Mono<Void> publishDue() {
        Instant now = clock.instant();
        return RepeatingWork.eachAlone(
                listings.publishing(),
                listing -> Flux.fromIterable(listing.due(now))
                        .concatMap(publication -> publishAsItIsNow(listing.productId(), publication.storeId()))
                        .then(),
                listing -> "The publications of product " + listing.productId(),
                log);
    }

    /**
     * Sends the publication as the store has it now, not as the look found it: a confirmation by
     * another instance, a withdrawal or a newer page version meanwhile must not be sent again.
     */
    private Mono<Void> publishAsItIsNow(String productId, String storeId) {
        return listings.find(productId)
                .flatMap(listing -> Mono.justOrEmpty(listing.due(clock.instant()).stream()
                                .filter(publication -> publication.storeId().equals(storeId))
                                .findFirst())
                        .flatMap(publication -> publication.status() == PublicationStatus.WITHDRAWING
                                ? withdraw(listing, publication)
                                : send(listing, publication)));
    }

    /** Takes the product down from the store's storefront, for as long as it takes. */
    private Mono<Void> withdraw(Listing listing, Publication publication) {
        String productId = listing.productId();
        String storeId = publication.storeId();
        Storefront storefront = storefronts.of(storeId).orElse(null);
        if (storefront == null) {
            // No storefront is configured any more: nothing StoreOps can take down.
            return listings.change(productId, current -> current.withdrawnFrom(storeId, "none", clock.instant()))
                    .then();
        }
        Storefront.Withdrawal withdrawal = new Storefront.Withdrawal(
                storeId, productId, publication.storefrontProductId(), publication.pageVersion());
        return attempts.attempt(
                () -> storefront.withdraw(withdrawal).thenReturn(withdrawal),
                publication.attempts(),
                done -> listings.change(
                        productId, current -> current.withdrawnFrom(storeId, storefront.name(), clock.instant())),
                refusal -> withdrawFailed(
                        productId, storeId, refusal, clock.instant().plus(settings.retryAfter())),
                (failure, retryAt) -> withdrawFailed(productId, storeId, failure, retryAt));
    }

    private Mono<Listing> withdrawFailed(String productId, String storeId, String failure, Instant retryAt) {
        failures.increment(storeId);
        Instant at = clock.instant();
        Duration wait = retryAt.isAfter(at) ? Duration.between(at, retryAt) : Duration.ZERO;
        return listings.change(productId, current -> current.withdrawFailed(storeId, failure, wait, at));
    }

    private Mono<Void> send(Listing listing, Publication publication) {
        String productId = listing.productId();
        String storeId = publication.storeId();
        int version = publication.pageVersion();
        Storefront storefront = storefronts.of(storeId).orElse(null);
        if (storefront == null) {
            failures.increment(storeId);
            return listings.change(
                            productId,
                            current -> current.publishFailed(
                                    storeId,
                                    version,
                                    "store " + storeId + " has no storefront configured",
                                    true,
                                    Duration.ZERO,
                                    clock.instant()))
                    .then();
        }
        StorefrontProduct product = StorefrontProduct.of(listing, publication, storefront.name());
        return attempts.attempt(
                () -> storefront.publish(product),
                publication.attempts(),
                receipt -> listings.change(
                        productId,
                        current -> current.published(
                                storeId, version, storefront.name(), receipt.storefrontProductId(), clock.instant())),
                refusal -> {
                    failures.increment(storeId);
                    return listings.change(
                            productId,
                            current -> current.publishFailed(
                                    storeId, version, refusal, true, Duration.ZERO, clock.instant()));
                },
                (failure, retryAt) -> {
                    failures.increment(storeId);
                    Instant at = clock.instant();
                    Duration wait = retryAt.isAfter(at) ? Duration.between(at, retryAt) : Duration.ZERO;
                    return listings.change(
                            productId,
                            current -> current.publishFailed(
                                    storeId, version, failure, lastAttempt(current, storeId), wait, at));
                });
    }

    /** Whether the attempt that just failed was the last the settings allow for the publication as it is now. */
    private boolean lastAttempt(Listing listing, String storeId) {
        return listing.publication(storeId)
                .map(publication -> publication.attempts() + 1 >= settings.publishAttempts())
                .orElse(true);
    }
}
