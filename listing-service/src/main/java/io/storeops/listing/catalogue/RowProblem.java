package io.storeops.listing.catalogue;

/**
 * Why a product of a catalogue file was not kept, as the person fixing the file needs it.
 *
 * @param line   the file's line (CSV) or row (XLSX) at fault; null when the product as a whole is
 * @param column the column at fault as the file's header writes it; null when no single column is
 * @param reason why, in English
 */
public record RowProblem(Long line, String column, String reason) {}
