package io.shopgraph.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * An operation of both sides ({@code shop}, {@code node}, catalog reads): a merchant bearer token of
 * a member holding {@link #merchantScope()} (when one is declared), or else a live storefront access
 * token. What each side then sees is the resolver's business (storefront visibility rules).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface SharedOperation {

    /** The scope a merchant caller needs; none when membership of the store is enough. */
    @Nonbinding
    Scope[] merchantScope() default {};
}
