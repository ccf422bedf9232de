package io.storeops.order.lifecycle;

import java.time.Instant;

/**
 * The seller's memo on an order (卖家备注): the carrier the shop chose and the buyer's wishes, as
 * customer service wrote them last, with who and when. Either part may be absent.
 */
public record SellerMemo(String carrier, String note, String writtenBy, Instant writtenAt) {}
