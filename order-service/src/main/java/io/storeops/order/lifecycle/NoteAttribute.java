package io.storeops.order.lifecycle;

/** A named detail the buyer filled in at checkout (Shopify "note attributes": gift message, delivery date...). */
public record NoteAttribute(String name, String value) {}
