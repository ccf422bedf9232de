package io.storeops.order.search;

import io.storeops.contracts.Address;
import io.storeops.order.lifecycle.Buyer;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.SearchKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What finds an order by its buyer or recipient, normalized: names and their words, e-mail and its
 * parts, phone digits and their last four. Stored with the order so that a search is an index lookup.
 */
@Component
public class BuyerTerms implements SearchKeys {

    /** The digits of a phone number customer service can ask a buyer for (手机尾号). */
    private static final int PHONE_TAIL = 4;

    /**
     * What customer service may type to find the order: a whole name or one word of it (王芳 by its
     * surname 王), an e-mail or its part before or after the @, a phone number or its last four digits.
     */
    @Override
    public List<String> buyerTermsOf(Order order) {
        return of(order.told().buyer(), order.shippingAddress());
    }

    static List<String> of(Buyer buyer, Address address) {
        Set<String> terms = new LinkedHashSet<>();
        if (buyer != null) {
            addName(terms, buyer.name());
            addEmail(terms, buyer.email());
            addPhone(terms, buyer.phone());
        }
        if (address != null) {
            addName(terms, address.name());
            addPhone(terms, address.phone());
        }
        return List.copyOf(terms);
    }

    private static void addName(Set<String> terms, String name) {
        String whole = searchTerm(name, false);
        if (whole == null) {
            return;
        }
        terms.add(whole);
        terms.addAll(List.of(whole.split(" ")));
        if (!whole.contains(" ") && Character.UnicodeScript.of(whole.codePointAt(0)) == Character.UnicodeScript.HAN) {
            terms.add(whole.substring(0, whole.offsetByCodePoints(0, 1))); // a Chinese name starts with its surname
        }
    }

    private static void addEmail(Set<String> terms, String email) {
        String whole = searchTerm(email, false);
        if (whole == null) {
            return;
        }
        terms.add(whole);
        int at = whole.lastIndexOf('@');
        if (at > 0) {
            terms.add(whole.substring(0, at));
            terms.add(whole.substring(at + 1));
        }
    }

    private static void addPhone(Set<String> terms, String phone) {
        String digits = searchTerm(phone, true);
        if (digits == null) {
            return;
        }
        terms.add(digits);
        if (digits.length() > PHONE_TAIL) {
            terms.add(digits.substring(digits.length() - PHONE_TAIL));
        }
    }

    /**
     * How a buyer's name, e-mail or phone is compared in searches: case and spacing ignored, phone
     * numbers by their digits. Null when nothing searchable is left.
     */
    public static String searchTerm(String value, boolean phone) {
        if (value == null) {
            return null;
        }
        String term = phone
                ? value.replaceAll("\\D", "")
                : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return term.isEmpty() ? null : term;
    }
}
