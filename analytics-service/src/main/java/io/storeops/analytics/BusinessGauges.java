package io.storeops.analytics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.storeops.analytics.promotion.PromotionAnalysis;
import io.storeops.analytics.sales.CurrencySales;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.analytics.targets.SalesTargets;
import io.storeops.platform.metrics.CountedGauges;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The department's figures for dashboards, per store in its currency's minor units, over three
 * windows of store-local days: {@code today}, the last 30 days ({@code 30d}, today included) and
 * the month to date ({@code month}), beside this month's share of the store's sales target.
 * Counted on a timer from the same facts as the reports. ROI is a ratio of two of them, so it is
 * left to the dashboard: {@code storeops_sales_gmv_minor / storeops_promotion_spend_minor}.
 */
@Component
class BusinessGauges implements DisposableBean {

    private final CountedGauges gauges;
    private final SalesFacts facts;
    private final PromotionAnalysis promotion;
    private final Clock clock;

    BusinessGauges(
            SalesFacts facts,
            PromotionAnalysis promotion,
            SalesTargets targets,
            StoreCatalog stores,
            MeterRegistry meters,
            Clock clock,
            @Value("${storeops.analytics.gauge-interval:60s}") Duration interval) {
        this.facts = facts;
        this.promotion = promotion;
        this.clock = clock;
        gauges = new CountedGauges(meters);
        for (String store : stores.storeIds()) {
            StoreProperties.Store configured = stores.find(store).orElseThrow();
            for (Window window : Window.values()) {
                Tags tags = Tags.of("store", store, "window", window.label);
                sales(
                        store,
                        configured,
                        window,
                        tags,
                        "storeops.sales.orders",
                        "Paid orders",
                        CurrencySales::paidOrders);
                sales(
                        store,
                        configured,
                        window,
                        tags,
                        "storeops.sales.gmv.minor",
                        "GMV of the paid orders, minor units",
                        CurrencySales::gmvMinor);
                sales(
                        store,
                        configured,
                        window,
                        tags,
                        "storeops.sales.refunded.minor",
                        "Money paid back on these days, minor units",
                        CurrencySales::refundedOnTheseDaysMinor);
                gauges.gauge(
                        "storeops.promotion.spend.minor",
                        "Pay-per-click spend from the imported reports, minor units",
                        tags,
                        () -> firstDay(configured, window)
                                .flatMap(from -> promotion.spendMinor(store, from, today(configured))));
            }
            gauges.gauge(
                    "storeops.sales.target.minor",
                    "This month's share of the store's quarterly sales target, minor units (0 when none is set)",
                    Tags.of("store", store),
                    () -> Mono.fromSupplier(() -> YearMonth.from(today(configured)))
                            .flatMap(month -> targets.ofMonth(store, month))
                            .defaultIfEmpty(0L));
        }
        gauges.countEvery(interval);
    }

    /** The store-local days a figure covers, each ending today. */
    private enum Window {
        TODAY("today"),
        LAST_30_DAYS("30d"),
        MONTH_TO_DATE("month");

        private final String label;

        Window(String label) {
            this.label = label;
        }

        LocalDate firstDay(LocalDate today) {
            return switch (this) {
                case TODAY -> today;
                case LAST_30_DAYS -> today.minusDays(29);
                case MONTH_TO_DATE -> today.withDayOfMonth(1);
            };
        }
    }

    private void sales(
            String store,
            StoreProperties.Store configured,
            Window window,
            Tags tags,
            String name,
            String description,
            ToLongFunction<CurrencySales> figure) {
        gauges.gauge(
                name,
                description,
                tags,
                () -> firstDay(configured, window)
                        .flatMap(from -> facts.sales(store, from, today(configured))
                                .filter(sales -> sales.currency().equals(configured.currency()))
                                .next()
                                .map(figure::applyAsLong)
                                .defaultIfEmpty(0L)));
    }

    private Mono<LocalDate> firstDay(StoreProperties.Store store, Window window) {
        return Mono.fromSupplier(() -> window.firstDay(today(store)));
    }

    private LocalDate today(StoreProperties.Store store) {
        return LocalDate.ofInstant(clock.instant(), store.zone());
    }

    @Override
    public void destroy() {
        gauges.close();
    }
}
