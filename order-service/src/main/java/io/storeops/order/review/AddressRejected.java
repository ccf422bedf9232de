package io.storeops.order.review;

import io.storeops.order.lifecycle.AddressDoubt;
import java.util.List;

/** A corrected address that is still doubtful (answered with 422, listing the doubts). */
public class AddressRejected extends RuntimeException {

    private final List<AddressDoubt> doubts;

    public AddressRejected(List<AddressDoubt> doubts) {
        super("The address is still doubtful: " + String.join("; ", AddressDoubt.texts(doubts)) + ".");
        this.doubts = List.copyOf(doubts);
    }

    public List<AddressDoubt> doubts() {
        return doubts;
    }
}
