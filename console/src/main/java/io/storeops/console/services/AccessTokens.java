package io.storeops.console.services;

import reactor.core.publisher.Mono;

/**
 * The signed-in person's access token for the services: kept on the server side of the session,
 * relayed on each call, never rendered.
 */
public interface AccessTokens {

    Mono<String> current();
}
