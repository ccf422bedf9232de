package io.storeops.order.lifecycle.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a staff command on one order answers, for the API documentation: the order as it is now,
 * or 409 naming the status that refuses the command. Problems every route shares (400, 401, 403,
 * 404) are added for all routes by the platform.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The order as it is now (unchanged when the command changed nothing)")
@ApiResponse(
        responseCode = "409",
        description = "The order's status refuses this",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        examples = @ExampleObject(name = "order-state", value = OrderProblems.CONFLICT_EXAMPLE)))
public @interface OrderCommandAnswers {}
