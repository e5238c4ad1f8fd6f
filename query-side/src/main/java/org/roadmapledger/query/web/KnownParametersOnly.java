package org.roadmapledger.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller whose endpoints refuse query parameters they do not declare, with 400 naming the parameter: a
 * misspelt {@code validat=} would otherwise answer silently for today, and on a ledger that is a wrong answer.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownParametersOnly {
}
