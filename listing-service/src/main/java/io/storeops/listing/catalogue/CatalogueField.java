package io.storeops.listing.catalogue;

/**
 * What a catalogue file may say of a product besides its codes and prices. A file without a
 * field's column leaves that field of an existing product as it is; with the column, the file's
 * value counts, a blank cell meaning none (except the title, which a product always has: a blank
 * title keeps the product's).
 */
public enum CatalogueField {
    TITLE("title"),
    VARIANT("variant"),
    PACKAGE_CONTENTS("packageContents"),
    TARGET_BUYER("positioning.targetBuyer"),
    PRICE_BAND("positioning.priceBand"),
    SEASON("positioning.season"),
    NOTES("positioning.notes");

    private final String sheetField;

    CatalogueField(String sheetField) {
        this.sheetField = sheetField;
    }

    /** The field as product refusals name it ({@code title}, {@code positioning.season}…). */
    public String sheetField() {
        return sheetField;
    }
}
