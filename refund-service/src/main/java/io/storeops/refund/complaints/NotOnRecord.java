package io.storeops.refund.complaints;

/** Something a complaint or review names that the desk does not know (answered with 404). */
public class NotOnRecord extends RuntimeException {

    private final String what;
    private final String id;

    public NotOnRecord(String what, String id) {
        super("No " + what.toLowerCase() + " " + id + ".");
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
