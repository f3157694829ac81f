package io.shopgraph.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * An operation of both sides ({@code shop}, {@code node}): a merchant bearer token of a member, or
 * else a live storefront access token. What each side then sees is the resolver's business
 * (storefront visibility rules, merchant scopes).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface SharedOperation {
}
