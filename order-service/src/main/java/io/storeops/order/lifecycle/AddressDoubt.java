package io.storeops.order.lifecycle;

import java.util.List;

/**
 * One thing doubtful about an address: its kind, for a screen to say in the reader's language, and
 * the sentence customer service reads in the API and on the timeline.
 */
public record AddressDoubt(Kind kind, String text) {

    public enum Kind {
        NO_ADDRESS,
        NAME_MISSING,
        PHONE_MISSING,
        POSTCODE_IMPLAUSIBLE,
        STREET_TOO_SHORT,
        PO_BOX_NOT_SERVED
    }

    /** The sentences, as problem responses and hold comments carry them. */
    public static List<String> texts(List<AddressDoubt> doubts) {
        return doubts.stream().map(AddressDoubt::text).toList();
    }
}
