package io.storeops.order.review;

import java.util.List;

/** A corrected address that is still doubtful (answered with 422, listing the doubts). */
public class AddressRejected extends RuntimeException {

    private final List<String> doubts;

    public AddressRejected(List<String> doubts) {
        super("The address is still doubtful: " + String.join("; ", doubts) + ".");
        this.doubts = List.copyOf(doubts);
    }

    public List<String> doubts() {
        return doubts;
    }
}
