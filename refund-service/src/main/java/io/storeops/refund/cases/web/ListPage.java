package io.storeops.refund.cases.web;

import io.storeops.platform.paging.PageCursor;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a desk's list and the cursor of the next page (null on the last).
 *
 * @param items what the page shows, at most the limit asked for
 * @param nextCursor where the next page starts: after the last item shown
 */
public record ListPage<T>(List<T> items, String nextCursor) {

    /**
     * The page in {@code found}, which was fetched with one more than {@code limit} so that a next
     * page is known to exist without asking the store again; {@code endsAt} says where a page
     * ending at an item ends (its sort time and id).
     */
    public static <T> ListPage<T> of(List<T> found, int limit, Function<T, PageCursor> endsAt) {
        if (found.size() <= limit) {
            return new ListPage<>(found, null);
        }
        List<T> page = found.subList(0, limit);
        return new ListPage<>(page, endsAt.apply(page.get(limit - 1)).encode());
    }
}
