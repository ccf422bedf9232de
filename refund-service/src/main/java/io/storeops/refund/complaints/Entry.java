package io.storeops.refund.complaints;

import java.time.Instant;

/** One step on a complaint's or a review's timeline: when, what, by whom, and a word on it. */
public record Entry(Instant at, String what, String by, String detail) {}
