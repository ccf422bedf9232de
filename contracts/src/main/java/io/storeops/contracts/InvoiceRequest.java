package io.storeops.contracts;

/**
 * The buyer asked for an invoice (发票): made out to {@code title} (a person's name, or a company's
 * with its {@code taxId}, 纳税人识别号), sent to {@code email} when it is an electronic one.
 */
public record InvoiceRequest(String title, String taxId, String email) {}
