package io.storeops.analytics.sales;

/**
 * Paid orders and GMV of one currency, over a range of store-local days, and what was paid back
 * and cancelled: of those orders (whenever), and on those days (whichever orders).
 *
 * @param refundedOfTheseOrdersMinor paid back of the orders paid in the range, to this day
 * @param netMinor                   GMV less what was paid back of those orders
 * @param refundedOnTheseDaysMinor   paid back on the range's days, whenever the orders were paid
 * @param refundsOnTheseDays         how many refunds were made on the range's days
 * @param cancelledOfTheseOrders     of the orders paid in the range, those cancelled since
 * @param cancelledOnTheseDays       orders cancelled on the range's days, whenever they were paid
 */
public record CurrencySales(
        String currency,
        long paidOrders,
        long gmvMinor,
        long refundedOfTheseOrdersMinor,
        long netMinor,
        long refundedOnTheseDaysMinor,
        long refundsOnTheseDays,
        long cancelledOfTheseOrders,
        long cancelledOnTheseDays) {}
