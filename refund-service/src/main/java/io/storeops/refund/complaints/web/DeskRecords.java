package io.storeops.refund.complaints.web;

import io.storeops.platform.outbox.Change;
import io.storeops.platform.paging.PageCursor;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Pages;
import io.storeops.platform.web.Problems;
import io.storeops.refund.access.RefundAction;
import io.storeops.refund.cases.web.ListPage;
import io.storeops.refund.cases.web.Queries;
import io.storeops.refund.complaints.Complaints;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One kind of record at the complaints and reviews desk, as its routes handle it. Complaints and
 * reviews are looked up, changed, shown and listed by the same rules: whoever may see the desk's
 * records reads them, customer service changes them, nobody sees another store's (a 404, as if
 * it did not exist), and each is shown with what the desk knows of its order and the steps the
 * caller may take on it now.
 *
 * @param <T> the record (a complaint, a review)
 * @param <V> how a route shows it, with its order and the caller's steps
 */
final class DeskRecords<T, V> {

    /** What a member of staff does to a record. */
    interface Step<T> {
        Change<T> apply(T current, Staff staff);
    }

    /** A step that needs to know {@code known}, looked up from the record before it is changed. */
    interface InformedStep<T, K> {
        Change<T> apply(T current, Staff staff, K known);
    }

    /** How a list asks the store: at most {@code atMost} records after {@code after} (null: from the start). */
    interface Search<T, S> {
        Flux<T> find(String store, Set<S> states, PageCursor after, int atMost);
    }

    /** How a route shows a record: with its order (null when the desk has no file of it) and the caller's steps. */
    interface View<T, V> {
        V of(T record, OrderContext order, List<String> steps);
    }

    private final String what;
    private final Function<String, Mono<T>> find;
    private final BiFunction<String, Function<T, Change<T>>, Mono<T>> change;
    private final Function<T, String> storeOf;
    private final Function<T, String> orderOf;
    private final Function<T, PageCursor> endsAt;
    private final Complaints complaints;
    private final BiFunction<T, Boolean, List<String>> stepsOf;
    private final View<T, V> view;

    /**
     * @param what the record's name in a 404 ("Complaint")
     * @param find the record of an id, if any
     * @param change applies a step to the record of an id
     * @param storeOf the store a record belongs to, whose staff alone see it
     * @param orderOf the order a record is about
     * @param endsAt where a list page ending at a record ends (its sort time and id)
     * @param complaints where the desk finds a record's paid order
     * @param stepsOf the steps (route names) a record takes now, for a caller whose role handles records or not
     * @param view the record as a route shows it
     */
    DeskRecords(
            String what,
            Function<String, Mono<T>> find,
            BiFunction<String, Function<T, Change<T>>, Mono<T>> change,
            Function<T, String> storeOf,
            Function<T, String> orderOf,
            Function<T, PageCursor> endsAt,
            Complaints complaints,
            BiFunction<T, Boolean, List<String>> stepsOf,
            View<T, V> view) {
        this.what = what;
        this.find = find;
        this.change = change;
        this.storeOf = storeOf;
        this.orderOf = orderOf;
        this.endsAt = endsAt;
        this.complaints = complaints;
        this.stepsOf = stepsOf;
        this.view = view;
    }

    /** The record {@code id}, shown to a member of staff who may read the desk's records. */
    Mono<V> shown(String id) {
        return StaffAccess.require(RefundAction.SEE_COMPLAINTS)
                .flatMap(staff -> visible(staff, id).flatMap(record -> view(record, staff)));
    }

    /** Customer service's {@code step} on the record {@code id}, shown as it is afterwards. */
    Mono<V> act(String id, Step<T> step) {
        return act(id, Mono::just, (current, staff, found) -> step.apply(current, staff));
    }

    /**
     * As {@link #act(String, Step)}, for a step that needs {@code lookUp} of the record as found
     * first (a complaint's resolution: the refund cases of its order).
     */
    <K> Mono<V> act(String id, Function<T, Mono<K>> lookUp, InformedStep<T, K> step) {
        return StaffAccess.require(RefundAction.HANDLE_COMPLAINTS)
                .flatMap(staff -> visible(staff, id)
                        .flatMap(lookUp)
                        .flatMap(known -> change.apply(id, current -> step.apply(current, staff, known)))
                        .flatMap(record -> view(record, staff)))
                .onErrorMap(DeskProblems::problem);
    }

    /**
     * A page of a store's records, checked as every desk list is: the limit, the store (which the
     * caller must work for), the states by name ({@code stateNames} of {@code states}) and the cursor.
     */
    <S extends Enum<S>> Mono<ListPage<T>> list(
            String storeId, List<String> stateNames, Class<S> states, int limit, String cursor, Search<T, S> search) {
        return StaffAccess.require(RefundAction.SEE_COMPLAINTS).flatMap(staff -> {
            Problems.requireListLimit(limit);
            String store = Queries.requiredStore(storeId);
            Set<S> asked = Queries.parsed(stateNames, states, "state");
            PageCursor after = Pages.after(cursor);
            staff.requireStore(store);
            // One more than a page tells whether a next page exists.
            return search.find(store, asked, after, limit + 1)
                    .collectList()
                    .map(found -> ListPage.of(found, limit, endsAt));
        });
    }

    /** Another store's record is not found, rather than forbidden: its existence is not told. */
    private Mono<T> visible(Staff staff, String id) {
        return find.apply(id)
                .filter(record -> staff.canSee(storeOf.apply(record)))
                .switchIfEmpty(Mono.error(() -> Problems.notFound(what, id)));
    }

    /** {@code record} with {@code order} as {@code staff} sees it: with the steps their role may take on it now. */
    V shownTo(Staff staff, T record, OrderContext order) {
        return view.of(record, order, stepsOf.apply(record, RefundAction.HANDLE_COMPLAINTS.allows(staff)));
    }

    private Mono<V> view(T record, Staff staff) {
        return complaints
                .paidOrder(orderOf.apply(record))
                .map(file -> shownTo(staff, record, OrderContext.of(file)))
                .defaultIfEmpty(shownTo(staff, record, null));
    }
}
