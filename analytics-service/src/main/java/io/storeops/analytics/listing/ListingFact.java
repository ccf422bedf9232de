package io.storeops.analytics.listing;

import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One product as one store has had it on sale (页面优化): each page version the listing flow
 * published there — what it showed, under which storefront item id, with which SKUs, from when —
 * and each time it was taken off sale. A version is on sale from its publication until the next
 * version's or a withdrawal, whichever comes first.
 *
 * <p>Events are applied once (the consumed position is written with the fact), and each is also
 * recognised in the fact itself: a version already known (by its number) or a withdrawal already
 * known (by its time) changes nothing, and versions are kept in their numbers' order whatever order
 * they arrive in, so a redelivered, replayed or late event never adds or moves anything.
 *
 * @param versions    by page version, first first
 * @param withdrawals by time, first first
 */
public record ListingFact(String productId, String storeId, List<Version> versions, List<Withdrawal> withdrawals) {

    /**
     * One published page version.
     *
     * @param pageVersion         1 for the first publication, then one more per published change
     * @param detailPageVersion   the version of the detail page (宝贝详情) it shows
     * @param storefrontProductId the storefront's item id (Tmall 宝贝ID, Shopify product id): what
     *     pay-per-click reports and traffic exports name the item by
     * @param changes             what it changed from the version before (DETAIL_PAGE, PRICES,
     *     TITLE, SKUS, IMAGES); empty for the first
     */
    public record Version(
            int pageVersion,
            int detailPageVersion,
            String title,
            String storefrontProductId,
            List<Sku> skus,
            List<String> changes,
            String publishedBy,
            Instant publishedAt) {

        public Version {
            skus = skus == null ? List.of() : List.copyOf(skus);
            changes = changes == null ? List.of() : List.copyOf(changes);
        }

        /** The SKU codes (商家编码) it sold. */
        public List<String> skuCodes() {
            return skus.stream().map(Sku::sku).toList();
        }
    }

    /**
     * A SKU as the version sold it.
     *
     * @param priceMinor the store's price in minor units of {@code currency}; null when it had none
     */
    public record Sku(String sku, String variant, Long priceMinor, String currency) {}

    /** The product was taken off sale (下架) in the store. */
    public record Withdrawal(Instant withdrawnAt, String storefrontProductId, String reason, String withdrawnBy) {}

    /** How a version stopped being on sale: the next version replaced it, or the product was withdrawn. */
    public record Ending(Instant at, boolean withdrawn) {}

    public ListingFact {
        versions = versions == null ? List.of() : List.copyOf(versions);
        withdrawals = withdrawals == null ? List.of() : List.copyOf(withdrawals);
    }

    /** The product went on sale in the store: its page version 1 (or the first the store got). */
    public static Change<ListingFact> published(Optional<ListingFact> current, ListingPublished published) {
        return withVersion(
                current,
                published.productId(),
                published.storeId(),
                new Version(
                        published.pageVersion(),
                        published.detailPageVersion(),
                        published.title(),
                        published.storefrontProductId(),
                        skus(published.skus()),
                        List.of(),
                        published.publishedBy(),
                        published.publishedAt()));
    }

    /** A change to the product on sale was published in the store: its next page version. */
    public static Change<ListingFact> changed(Optional<ListingFact> current, ListingChanged changed) {
        return withVersion(
                current,
                changed.productId(),
                changed.storeId(),
                new Version(
                        changed.pageVersion(),
                        changed.detailPageVersion(),
                        changed.title(),
                        changed.storefrontProductId(),
                        skus(changed.skus()),
                        changed.changes(),
                        changed.publishedBy(),
                        changed.publishedAt()));
    }

    /**
     * The product was taken off sale in the store. A product dropped before it was ever published
     * (no storefront item id) had no page there: nothing to keep.
     */
    public static Change<ListingFact> withdrawn(Optional<ListingFact> current, ListingWithdrawn withdrawn) {
        if (withdrawn.storefrontProductId() == null) {
            return Change.none();
        }
        ListingFact fact = current.orElseGet(() -> started(withdrawn.productId(), withdrawn.storeId()));
        if (fact.withdrawals.stream().anyMatch(known -> known.withdrawnAt().equals(withdrawn.withdrawnAt()))) {
            return Change.none();
        }
        List<Withdrawal> more = new ArrayList<>(fact.withdrawals);
        more.add(new Withdrawal(
                withdrawn.withdrawnAt(), withdrawn.storefrontProductId(), withdrawn.reason(), withdrawn.withdrawnBy()));
        more.sort(Comparator.comparing(Withdrawal::withdrawnAt));
        return Change.of(new ListingFact(fact.productId, fact.storeId, fact.versions, more));
    }

    /** The version published last (by number), if any. */
    public Optional<Version> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version after {@code version} (by number), if any. */
    public Optional<Version> next(Version version) {
        int at = versions.indexOf(version);
        return at < 0 || at + 1 >= versions.size() ? Optional.empty() : Optional.of(versions.get(at + 1));
    }

    /**
     * When and how {@code version} stopped being on sale: at the first withdrawal after its
     * publication if that came before the next version, else at the next version's publication;
     * empty while it is on sale.
     */
    public Optional<Ending> endingOf(Version version) {
        Optional<Instant> replaced = next(version).map(Version::publishedAt);
        Optional<Ending> withdrawn = withdrawals.stream()
                .filter(withdrawal -> !withdrawal.withdrawnAt().isBefore(version.publishedAt()))
                .filter(withdrawal -> replaced.map(
                                at -> withdrawal.withdrawnAt().isBefore(at))
                        .orElse(true))
                .findFirst()
                .map(withdrawal -> new Ending(withdrawal.withdrawnAt(), true));
        return withdrawn.or(() -> replaced.map(at -> new Ending(at, false)));
    }

    private static Change<ListingFact> withVersion(
            Optional<ListingFact> current, String productId, String storeId, Version version) {
        ListingFact fact = current.orElseGet(() -> started(productId, storeId));
        if (fact.versions.stream().anyMatch(known -> known.pageVersion() == version.pageVersion())) {
            return Change.none();
        }
        List<Version> more = new ArrayList<>(fact.versions);
        more.add(version);
        more.sort(Comparator.comparingInt(Version::pageVersion));
        return Change.of(new ListingFact(fact.productId, fact.storeId, more, fact.withdrawals));
    }

    private static ListingFact started(String productId, String storeId) {
        return new ListingFact(productId, storeId, List.of(), List.of());
    }

    private static List<Sku> skus(List<ListedSku> listed) {
        return listed.stream()
                .map(sku -> new Sku(
                        sku.sku(),
                        sku.variant(),
                        sku.price() == null ? null : sku.price().amountMinor(),
                        sku.price() == null ? null : sku.price().currency()))
                .toList();
    }
}
