package io.storeops.refund.sheet;

/** More orders had after-sale steps in a sheet's range than one sheet reads: a shorter range is needed. */
public class SheetTooLarge extends RuntimeException {

    public SheetTooLarge(String message) {
        super(message);
    }
}
