package io.storeops.order.lifecycle;

/** Where an order stands. Statuses only move forward: a late or repeated message never moves one back. */
public enum OrderStatus {
    PLACED,
    PAID,
    SHIPPED,
    CANCELLED
}
