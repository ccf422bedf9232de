package io.storeops.order.lifecycle;

import java.util.List;

/**
 * What staff find an order by beyond its own fields, stored with it at every write so that a
 * search is an index lookup. The search feature provides it; the core only stores what it says.
 */
public interface SearchKeys {

    /** The normalized terms that find {@code order} by its buyer or recipient. */
    List<String> buyerTermsOf(Order order);
}
