package io.storeops.analytics.pages;

import io.storeops.analytics.listing.ListingFact;
import io.storeops.analytics.promotion.Dimension;
import io.storeops.analytics.rates.Rates;
import io.storeops.analytics.sales.OrderFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each page version of a product brought in one store, before and after (页面优化: did the new
 * detail page help?): its orders, units and GMV, what was paid back of them, its visitors and
 * conversion, its pay-per-click spend and ROI, per day so that versions on sale for different
 * lengths of time compare, and the change from the version before.
 *
 * <p>Traffic exports and pay-per-click reports count by store-local day, so every figure of a
 * version counts whole days: from the day it was published to the day before the next version was
 * (the day of a change counts for the new version, which was on sale for most of it when pages are
 * changed overnight, as they are), or to the day it was withdrawn, or to today (not over yet) while
 * it is on sale. A version replaced on the day it was published has no day of its own and shows
 * nothing. Its orders are the paid orders of those days holding its SKUs (once each, with its
 * SKUs' lines and refunds); its visitors and spend are those of the item rows that name it: by its
 * storefront item id, else by one of its SKUs (the seller's 商家编码), else by its title, as the
 * figures by item meet them.
 *
 * <p>Rates are exact decimals rounded half up, as {@link Rates} works them out: conversion (orders
 * per visitor) to 4 places, ROI to 2, per-day counts to 2, per-day money to whole minor units; a
 * change is a share of the version before's figure (0.2500 is 25 % more), to 4 places, worked out
 * from the exact figures; null wherever there is nothing to divide by.
 */
public final class PageVersionFigures {

    static final int RATE_PLACES = 4;
    static final int ROI_PLACES = 2;
    static final int PER_DAY_PLACES = 2;

    private PageVersionFigures() {}

    /**
     * What one item's per-item traffic export or pay-per-click report rows counted on one store-local
     * day (ISO yyyy-MM-dd): visitors and page views, or impressions, clicks and spend.
     */
    public record ItemDay(
            String day,
            String itemId,
            String itemTitle,
            long visitors,
            long pageViews,
            long impressions,
            long clicks,
            long spendMinor) {

        public static ItemDay visits(String day, String itemId, String itemTitle, long visitors, long pageViews) {
            return new ItemDay(day, itemId, itemTitle, visitors, pageViews, 0, 0, 0);
        }

        public static ItemDay spend(
                String day, String itemId, String itemTitle, long impressions, long clicks, long spendMinor) {
            return new ItemDay(day, itemId, itemTitle, 0, 0, impressions, clicks, spendMinor);
        }
    }

    /** Where a version stands: on sale, replaced by the next version, or taken off sale. */
    public enum Status {
        ON_SALE,
        REPLACED,
        WITHDRAWN
    }

    /** The store-local days a version counts, both ends included. */
    public record Period(LocalDate from, LocalDate to) {

        public long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }

        boolean holds(String day) {
            return day != null && day.compareTo(from.toString()) >= 0 && day.compareTo(to.toString()) <= 0;
        }
    }

    /**
     * A version's sums over its days.
     *
     * @param orders        paid orders holding any of its SKUs
     * @param units         units of its SKUs in them
     * @param gmvMinor      what the lines of its SKUs came to
     * @param refundedMinor paid back of those SKUs' units in those orders, whenever
     */
    public record Figures(
            long orders,
            long units,
            long gmvMinor,
            long refundedMinor,
            long netMinor,
            Long aovMinor,
            long visitors,
            long pageViews,
            BigDecimal conversion,
            long impressions,
            long clicks,
            BigDecimal ctr,
            long spendMinor,
            BigDecimal roi,
            BigDecimal roiNetOfRefunds) {

        static Figures of(long orders, long units, long gmvMinor, long refundedMinor, ItemDay traffic) {
            BigDecimal aov = Rates.ratio(gmvMinor, orders, 0);
            return new Figures(
                    orders,
                    units,
                    gmvMinor,
                    refundedMinor,
                    gmvMinor - refundedMinor,
                    aov == null ? null : aov.longValueExact(),
                    traffic.visitors(),
                    traffic.pageViews(),
                    Rates.ratio(orders, traffic.visitors(), RATE_PLACES),
                    traffic.impressions(),
                    traffic.clicks(),
                    Rates.ratio(traffic.clicks(), traffic.impressions(), RATE_PLACES),
                    traffic.spendMinor(),
                    Rates.ratio(gmvMinor, traffic.spendMinor(), ROI_PLACES),
                    Rates.ratio(gmvMinor - refundedMinor, traffic.spendMinor(), ROI_PLACES));
        }

        static final Figures NONE = of(0, 0, 0, 0, ItemDay.visits(null, null, null, 0, 0));
    }

    /** A version's figures per day of its period: counts to 2 places, money to whole minor units. */
    public record PerDay(
            BigDecimal orders, BigDecimal units, BigDecimal gmvMinor, BigDecimal visitors, BigDecimal spendMinor) {

        static PerDay of(Figures figures, long days) {
            return new PerDay(
                    Rates.ratio(figures.orders(), days, PER_DAY_PLACES),
                    Rates.ratio(figures.units(), days, PER_DAY_PLACES),
                    Rates.ratio(figures.gmvMinor(), days, 0),
                    Rates.ratio(figures.visitors(), days, PER_DAY_PLACES),
                    Rates.ratio(figures.spendMinor(), days, 0));
        }
    }

    /**
     * The change from the version compared with, as a share of its figure (0.2500 is 25 % more), 4
     * places; null where either has nothing to divide by or the earlier figure is 0.
     */
    public record Change(
            BigDecimal ordersPerDay,
            BigDecimal unitsPerDay,
            BigDecimal gmvPerDay,
            BigDecimal visitorsPerDay,
            BigDecimal conversion,
            BigDecimal spendPerDay,
            BigDecimal roi) {

        static Change between(Figures before, long beforeDays, Figures now, long nowDays) {
            return new Change(
                    change(before.orders(), beforeDays, now.orders(), nowDays),
                    change(before.units(), beforeDays, now.units(), nowDays),
                    change(before.gmvMinor(), beforeDays, now.gmvMinor(), nowDays),
                    change(before.visitors(), beforeDays, now.visitors(), nowDays),
                    change(before.orders(), before.visitors(), now.orders(), now.visitors()),
                    change(before.spendMinor(), beforeDays, now.spendMinor(), nowDays),
                    change(before.gmvMinor(), before.spendMinor(), now.gmvMinor(), now.spendMinor()));
        }
    }

    /**
     * One version with what it brought.
     *
     * @param changed      what it changed from the version before (DETAIL_PAGE, PRICES, TITLE, SKUS, IMAGES)
     * @param endedAt      when it stopped being on sale (the next version's publication, or the
     *     withdrawal); null while on sale
     * @param from         its first counted day; null (and {@code days} 0) when it has none
     * @param to           its last counted day (today while on sale); null when it has none
     * @param perDay       null without a day
     * @param comparedWith the page version the change is from: the latest before it that has a day;
     *     null for the first (then {@code change} is null too)
     */
    public record VersionFigures(
            int pageVersion,
            int detailPageVersion,
            String title,
            String storefrontProductId,
            List<String> changed,
            List<String> skus,
            Instant publishedAt,
            String publishedBy,
            Status status,
            Instant endedAt,
            LocalDate from,
            LocalDate to,
            long days,
            Figures figures,
            PerDay perDay,
            Integer comparedWith,
            Change change) {}

    /**
     * The store-local days {@code version} of {@code fact} counts (see the class); empty when it has
     * none: replaced on its own day, or published after {@code today}.
     */
    public static Optional<Period> periodOf(
            ListingFact fact, ListingFact.Version version, ZoneId zone, LocalDate today) {
        LocalDate from = dayOf(version.publishedAt(), zone);
        Optional<LocalDate> nextDay = fact.next(version).map(next -> dayOf(next.publishedAt(), zone));
        LocalDate to = fact.endingOf(version)
                .map(ending -> ending.withdrawn()
                        ? earliest(dayOf(ending.at(), zone), nextDay.map(day -> day.minusDays(1)))
                        : nextDay.orElseThrow().minusDays(1))
                .orElse(today);
        to = to.isAfter(today) ? today : to;
        return to.isBefore(from) ? Optional.empty() : Optional.of(new Period(from, to));
    }

    /** The days from the first version's first counted day to the last one's last: what to read. */
    public static Optional<Period> span(ListingFact fact, ZoneId zone, LocalDate today) {
        List<Period> periods = fact.versions().stream()
                .map(version -> periodOf(fact, version, zone, today))
                .flatMap(Optional::stream)
                .toList();
        return periods.isEmpty()
                ? Optional.empty()
                : Optional.of(new Period(
                        periods.get(0).from(), periods.get(periods.size() - 1).to()));
    }

    /**
     * Every version of {@code fact}, first first, with its figures from {@code orders} (paid orders
     * of the store, at least those of its days holding its SKUs) and {@code items} (what the
     * store's per-item exports and reports counted per item and day).
     */
    public static List<VersionFigures> of(
            ListingFact fact, ZoneId zone, LocalDate today, List<OrderFact> orders, List<ItemDay> items) {
        List<VersionFigures> all = new ArrayList<>();
        VersionFigures compared = null;
        for (ListingFact.Version version : fact.versions()) {
            Optional<Period> period = periodOf(fact, version, zone, today);
            Optional<ListingFact.Ending> ending = fact.endingOf(version);
            Figures figures =
                    period.map(days -> figures(version, days, orders, items)).orElse(Figures.NONE);
            long days = period.map(Period::days).orElse(0L);
            VersionFigures figured = new VersionFigures(
                    version.pageVersion(),
                    version.detailPageVersion(),
                    version.title(),
                    version.storefrontProductId(),
                    version.changes(),
                    version.skuCodes(),
                    version.publishedAt(),
                    version.publishedBy(),
                    ending.map(end -> end.withdrawn() ? Status.WITHDRAWN : Status.REPLACED)
                            .orElse(Status.ON_SALE),
                    ending.map(ListingFact.Ending::at).orElse(null),
                    period.map(Period::from).orElse(null),
                    period.map(Period::to).orElse(null),
                    days,
                    figures,
                    days == 0 ? null : PerDay.of(figures, days),
                    compared == null ? null : compared.pageVersion(),
                    compared == null || days == 0
                            ? null
                            : Change.between(compared.figures(), compared.days(), figures, days));
            all.add(figured);
            if (days > 0) {
                compared = figured;
            }
        }
        return all;
    }

    /** {@code version}'s sums over {@code period}. */
    static Figures figures(ListingFact.Version version, Period period, List<OrderFact> orders, List<ItemDay> items) {
        Set<String> skuKeys = version.skuCodes().stream()
                .map(Dimension.ITEM::keyOf)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        long ordersHolding = 0;
        long units = 0;
        long gmvMinor = 0;
        long refundedMinor = 0;
        for (OrderFact order : orders) {
            if (!period.holds(order.paidDay())) {
                continue;
            }
            Set<String> itsSkus = new LinkedHashSet<>();
            for (OrderFact.Line line : order.lines()) {
                if (line.sku() != null && skuKeys.contains(Dimension.ITEM.keyOf(line.sku()))) {
                    itsSkus.add(line.sku());
                    units += line.quantity();
                    gmvMinor += line.unitPriceMinor() * line.quantity();
                }
            }
            if (!itsSkus.isEmpty()) {
                ordersHolding++;
                refundedMinor +=
                        itsSkus.stream().mapToLong(order::refundedMinor).sum();
            }
        }
        ItemDay counted = items.stream()
                .filter(item -> period.holds(item.day()) && meets(item, version, skuKeys))
                .reduce(ItemDay.visits(null, null, null, 0, 0), PageVersionFigures::plus);
        return Figures.of(ordersHolding, units, gmvMinor, refundedMinor, counted);
    }

    /** Whether an export's or report's item row names {@code version}: by storefront item id, a SKU, else by title. */
    static boolean meets(ItemDay item, ListingFact.Version version, Set<String> skuKeys) {
        String byId = Dimension.ITEM.keyOf(item.itemId());
        if (byId != null
                && (byId.equals(Dimension.ITEM.keyOf(version.storefrontProductId())) || skuKeys.contains(byId))) {
            return true;
        }
        String byTitle = Dimension.ITEM.keyOf(item.itemTitle());
        return byTitle != null && byTitle.equals(Dimension.ITEM.keyOf(version.title()));
    }

    /**
     * The change of the ratio {@code now / nowPer} from {@code before / beforePer}, as a share of the
     * latter, worked out exactly: ((now × beforePer) − (before × nowPer)) / (before × nowPer).
     */
    static BigDecimal change(long before, long beforePer, long now, long nowPer) {
        if (before == 0 || beforePer == 0 || nowPer == 0) {
            return null;
        }
        BigDecimal earlier = BigDecimal.valueOf(before).multiply(BigDecimal.valueOf(nowPer));
        return BigDecimal.valueOf(now)
                .multiply(BigDecimal.valueOf(beforePer))
                .subtract(earlier)
                .divide(earlier, RATE_PLACES, RoundingMode.HALF_UP);
    }

    private static ItemDay plus(ItemDay one, ItemDay other) {
        return new ItemDay(
                null,
                null,
                null,
                one.visitors() + other.visitors(),
                one.pageViews() + other.pageViews(),
                one.impressions() + other.impressions(),
                one.clicks() + other.clicks(),
                one.spendMinor() + other.spendMinor());
    }

    private static LocalDate dayOf(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    private static LocalDate earliest(LocalDate day, Optional<LocalDate> other) {
        return other.filter(it -> it.isBefore(day)).orElse(day);
    }
}
