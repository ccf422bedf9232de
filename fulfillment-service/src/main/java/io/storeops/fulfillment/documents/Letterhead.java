package io.storeops.fulfillment.documents;

import java.time.ZoneId;

/**
 * What the documents say about the store: its name, the zone its times are printed in, and the
 * sender on its waybills.
 */
public record Letterhead(String storeName, ZoneId zone, String senderAddress, String senderPhone) {}
