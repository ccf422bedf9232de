package io.storeops.console.listing;

/**
 * A form the console cannot turn into what the service expects (a price that is not an amount of
 * the store's currency): said in the reader's language by the message {@code key} with {@code args},
 * and nothing is sent.
 */
class FormUnreadable extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    FormUnreadable(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
