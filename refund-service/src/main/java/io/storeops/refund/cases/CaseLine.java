package io.storeops.refund.cases;

/**
 * Part of one order line a case gives back: units and money.
 *
 * @param lineIndex   the order line, from 0
 * @param quantity    units the buyer gives up or sends back (0 for money only, e.g. a price difference)
 * @param amountMinor money back for the line, in minor units
 */
public record CaseLine(int lineIndex, int quantity, long amountMinor) {}
