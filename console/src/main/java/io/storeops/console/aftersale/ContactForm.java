package io.storeops.console.aftersale;

/**
 * A contact with the buyer as the case, complaint and review pages send it: how, what was said or
 * offered, what the buyer answered. Kept on the page when the service refuses it.
 */
record ContactForm(String channel, String offered, String buyerAnswer) {}
