package io.storeops.order.lifecycle;

/** The buyer as the storefront knows them; the shipping address may name someone else. */
public record Buyer(String name, String email, String phone) {}
