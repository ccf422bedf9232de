package io.storeops.analytics.operations;

import io.storeops.analytics.rates.Rates;
import io.storeops.analytics.sales.CurrencySales;
import io.storeops.analytics.sales.OrderFact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How a store did over some store-local days, as the department's daily look at operations and its
 * weekly, monthly and quarterly summaries put it: orders and GMV, the average order, cancellations,
 * parcels dispatched and how many of them left after their batch's day, parcels in trouble,
 * refunds and the refund rate, ad spend and ROI (plain and net of refunds).
 *
 * @param aovMinor                 GMV per paid order, rounded half up; null without orders
 * @param dispatchedLate           of the parcels dispatched, those that left on a day after their
 *     batch's (the cut-off's) day
 * @param troublesReported         parcels reported in trouble on these days (each report)
 * @param parcelsInTrouble         parcels still in trouble at the end of the last day
 * @param refundRate               refunds made on these days per order paid on them, 4 places
 * @param netMinor                 GMV less what was paid back of these days' orders, to this day
 * @param roi                      GMV per unit of ad spend, 2 places; null without spend
 * @param roiNetOfRefunds          net per unit of ad spend, 2 places
 */
public record OperationsFigures(
        LocalDate from,
        LocalDate to,
        String currency,
        long paidOrders,
        long gmvMinor,
        Long aovMinor,
        long cancelled,
        long parcelsDispatched,
        long dispatchedLate,
        long troublesReported,
        long parcelsInTrouble,
        long refunds,
        long refundedMinor,
        BigDecimal refundRate,
        long netMinor,
        long adSpendMinor,
        BigDecimal roi,
        BigDecimal roiNetOfRefunds) {

    static final int RATE_PLACES = 4;
    static final int ROI_PLACES = 2;

    /**
     * The figures of {@code from} to {@code to} from the store's sales in its currency, the orders
     * with a parcel dispatched then (and their batches), the orders with a parcel in trouble
     * lately, and the ad spend.
     */
    public static OperationsFigures of(
            LocalDate from,
            LocalDate to,
            CurrencySales sales,
            List<OrderFact> dispatched,
            Map<String, BatchFact> batches,
            List<OrderFact> troubled,
            long adSpendMinor) {
        String first = from.toString();
        String last = to.toString();
        List<OrderFact.Parcel> left = dispatched.stream()
                .flatMap(fact -> fact.parcels().stream())
                .filter(parcel -> within(parcel.dispatchedDay(), first, last))
                .toList();
        long late = left.stream()
                .filter(parcel -> parcel.batchId() != null && batches.containsKey(parcel.batchId()))
                .filter(parcel -> parcel.dispatchedDay()
                                .compareTo(batches.get(parcel.batchId())
                                        .batchDate()
                                        .toString())
                        > 0)
                .count();
        List<OrderFact.Parcel> troubledParcels =
                troubled.stream().flatMap(fact -> fact.parcels().stream()).toList();
        long reported = troubledParcels.stream()
                .flatMap(parcel -> parcel.troubles().stream())
                .filter(trouble -> within(trouble.day(), first, last))
                .count();
        long stillInTrouble = troubledParcels.stream()
                .filter(parcel -> parcel.inTroubleAtTheEndOf(last))
                .count();
        long gmv = sales.gmvMinor();
        long net = sales.netMinor();
        return new OperationsFigures(
                from,
                to,
                sales.currency(),
                sales.paidOrders(),
                gmv,
                sales.paidOrders() == 0
                        ? null
                        : Rates.ratio(gmv, sales.paidOrders(), 0).longValueExact(),
                sales.cancelledOnTheseDays(),
                left.size(),
                late,
                reported,
                stillInTrouble,
                sales.refundsOnTheseDays(),
                sales.refundedOnTheseDaysMinor(),
                Rates.ratio(sales.refundsOnTheseDays(), sales.paidOrders(), RATE_PLACES),
                net,
                adSpendMinor,
                Rates.ratio(gmv, adSpendMinor, ROI_PLACES),
                Rates.ratio(net, adSpendMinor, ROI_PLACES));
    }

    /** The change from {@code before} to {@code now} as a share of {@code before}, 4 places; null from 0. */
    public static BigDecimal change(long before, long now) {
        return Rates.ratio(now - before, before, RATE_PLACES);
    }

    private static boolean within(String day, String first, String last) {
        return day != null && day.compareTo(first) >= 0 && day.compareTo(last) <= 0;
    }
}
