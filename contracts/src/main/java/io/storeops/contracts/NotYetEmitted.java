package io.storeops.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event type that is in the catalog (so consumers can be written against it) but that its
 * producer does not emit yet. The architecture tests check the mark both ways: a type without it is
 * emitted by its producer, and a type with it by nobody.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotYetEmitted {

    /** What will emit it, e.g. the issue that builds it. */
    String value();
}
