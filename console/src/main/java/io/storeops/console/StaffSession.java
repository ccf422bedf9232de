package io.storeops.console;

import java.util.List;

/**
 * Who is signed in, as the console's pages need it. Kept in the server-side session only: the
 * bearer token the console relays to the services never reaches the browser.
 */
public record StaffSession(String username, String role, List<String> stores, String token) {

    public StaffSession {
        stores = List.copyOf(stores);
    }

    @Override
    public String toString() {
        return "StaffSession[" + username + ", " + role + ", " + stores + "]"; // never the token
    }
}
