package io.storeops.refund.complaints.web;

import io.storeops.platform.security.Staff;
import io.storeops.refund.complaints.Contact;
import io.storeops.refund.complaints.ContactChannel;
import java.time.Instant;

/**
 * A contact with the buyer as customer service enters it, about a complaint or a review. Each
 * route keeps its own request record (their API examples differ); this is what they share.
 */
interface EnteredContact {

    ContactChannel channel();

    String offered();

    String buyerAnswer();

    /** The contact as the desk records it: had by {@code staff} at {@code at}. */
    default Contact recordedBy(Staff staff, Instant at) {
        return new Contact(channel(), offered(), buyerAnswer(), staff.username(), at);
    }
}
