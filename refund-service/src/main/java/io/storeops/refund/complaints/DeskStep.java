package io.storeops.refund.complaints;

import java.util.List;
import java.util.function.Predicate;

/**
 * A step customer service takes on a complaint or a review, as the desk's routes name it
 * ({@code /api/complaints/{id}/<path>}, {@code /api/reviews/{id}/<path>}), and the command it asks
 * of the record's lifecycle. Which steps a person is offered follows from the record's state (its
 * lifecycle) and whether their role handles complaints and reviews, so that a screen shows exactly
 * what the routes accept; as with a case's steps, the console adds no rule of its own.
 *
 * @param path    the step's name in its route
 * @param command what the step asks of the lifecycle
 * @param <C>     the commands of the record's lifecycle
 */
public record DeskStep<C extends Enum<C>>(String path, C command) {

    /** The steps on a complaint, in the order a screen shows them. */
    public static final List<DeskStep<ComplaintCommand>> ON_A_COMPLAINT = List.of(
            new DeskStep<>("contacts", ComplaintCommand.CONTACT),
            new DeskStep<>("resolution", ComplaintCommand.RESOLVE),
            new DeskStep<>("withdrawal", ComplaintCommand.WITHDRAW));

    /** The steps on a review, in the order a screen shows them. */
    public static final List<DeskStep<ReviewCommand>> ON_A_REVIEW =
            List.of(new DeskStep<>("contacts", ReviewCommand.CONTACT), new DeskStep<>("reply", ReviewCommand.REPLY));

    /**
     * The steps (route names) {@code complaint} takes now, for a person whose role handles
     * complaints ({@code handles}); none for one who looks on, and none once the complaint ended.
     */
    public static List<String> offered(Complaint complaint, boolean handles) {
        return offered(ON_A_COMPLAINT, command -> ComplaintLifecycle.takes(complaint.state(), command), handles);
    }

    /**
     * The steps (route names) {@code review} takes now, for a person whose role handles reviews
     * ({@code handles}); none for one who looks on. Once replied to, a review takes contacts only:
     * the reply is written once.
     */
    public static List<String> offered(Review review, boolean handles) {
        return offered(ON_A_REVIEW, command -> ReviewLifecycle.takes(review.state(), command), handles);
    }

    private static <C extends Enum<C>> List<String> offered(
            List<DeskStep<C>> steps, Predicate<C> lifecycleTakes, boolean handles) {
        if (!handles) {
            return List.of();
        }
        return steps.stream()
                .filter(step -> lifecycleTakes.test(step.command()))
                .map(DeskStep::path)
                .toList();
    }
}
