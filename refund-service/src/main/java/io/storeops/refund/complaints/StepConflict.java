package io.storeops.refund.complaints;

/**
 * A step the complaint's or review's state refuses, or an id taken by another order (answered
 * with 409 of type {@code kind}).
 */
public class StepConflict extends RuntimeException {

    private final String kind;
    private final String current;

    /**
     * @param kind    the problem's type: {@code complaint-state}, {@code review-state}, {@code complaint-id}, {@code review-id}
     * @param current the state it is in, for a refused step; null for an id taken
     */
    public StepConflict(String kind, String current, String message) {
        super(message);
        this.kind = kind;
        this.current = current;
    }

    public String kind() {
        return kind;
    }

    public String current() {
        return current;
    }
}
