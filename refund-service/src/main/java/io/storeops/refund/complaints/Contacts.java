package io.storeops.refund.complaints;

import java.util.List;

/** The checks and the timeline's words for a contact with the buyer. */
final class Contacts {

    private Contacts() {}

    /** The contact as recorded. @throws IllegalArgumentException when a field is missing or too long, or too many */
    static Contact checked(Contact contact, List<Contact> before) {
        ContactChannel channel = Texts.required(contact.channel(), "channel", ContactChannel.class);
        String offered = Texts.required(contact.offered(), "offered", Texts.NOTE_LIMIT);
        String answer = Texts.optional(contact.buyerAnswer(), "buyerAnswer", Texts.NOTE_LIMIT);
        if (before.size() >= Texts.CONTACT_LIMIT) {
            throw new IllegalArgumentException("at most " + Texts.CONTACT_LIMIT + " contacts are recorded.");
        }
        return new Contact(channel, offered, answer, contact.by(), contact.at());
    }

    static String detail(Contact contact) {
        return contact.channel() + ": " + contact.offered()
                + (contact.buyerAnswer() == null ? "" : "; buyer: " + contact.buyerAnswer());
    }
}
